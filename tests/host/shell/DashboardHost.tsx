/** @jsxImportSource react */
// The demo view (?dashboard): the provisioned sample dashboard's panels laid out on its grid, with
// its variables resolved through the data source, refreshed on the dashboard's interval. Not a
// Grafana dashboard: no editing, no saving, one fixed time range (see docs/host-page.md).
import { EventBusSrv } from '@grafana/data';
import { ErrorBoundaryAlert } from '@grafana/ui';
import { useEffect, useState } from 'react';

import { dataSource } from './dataSources';
import { PanelHost } from './PanelHost';
import { preparePanel } from './panelView';
import { buildRequest, runToEnd } from './request';
import { ResultTables } from './ResultTables';

const GRID_COLUMN = 52;
const GRID_ROW = 30;

export interface DashboardPanel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  options?: Record<string, unknown>;
  targets?: Array<{ refId: string }>;
  datasource?: { uid?: string };
}

type Prepared = Awaited<ReturnType<typeof preparePanel>>;

/** A table is drawn by the host itself (ResultTables): only its query is run. */
async function tableData(panel: DashboardPanel, width: number) {
  const ds = await dataSource(panel.datasource?.uid);
  return runToEnd(ds, buildRequest(ds, panel.targets ?? [], { maxDataPoints: width }));
}

function PanelBox({ panel, tick }: { panel: DashboardPanel; tick: number }) {
  const width = panel.gridPos.w * GRID_COLUMN - 8;
  const height = panel.gridPos.h * GRID_ROW - 36;
  const [prepared, setPrepared] = useState<Prepared>();
  const [table, setTable] = useState<Awaited<ReturnType<typeof tableData>>>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const done = panel.type === 'table'
      ? tableData(panel, width).then(setTable)
      : preparePanel(panel.type, {
          targets: panel.targets,
          datasourceUid: panel.datasource?.uid,
          options: panel.options,
          width,
          height,
        }).then(setPrepared);
    done.catch((e: Error) => setError(e.message));
  }, [panel, tick, width, height]);

  return (
    <section
      data-testid={`host-dashboard-panel-${panel.id}`}
      style={{
        position: 'absolute',
        left: panel.gridPos.x * GRID_COLUMN,
        top: panel.gridPos.y * GRID_ROW,
        width,
        height: height + 28,
        overflow: 'hidden',
      }}
    >
      <h3 style={{ fontSize: 14, margin: '0 0 6px' }}>{panel.title}</h3>
      {error && <div role="alert">{error}</div>}
      {table && (table.errors ?? []).map((e, i) => <div key={i} role="alert">{e.message}</div>)}
      {table && <ResultTables frames={table.series} />}
      {prepared && panel.type !== 'table' && (
        <ErrorBoundaryAlert>
          <PanelHost
            plugin={prepared.plugin}
            data={prepared.withConfig}
            options={prepared.options}
            fieldConfig={prepared.fieldConfig}
            width={width}
            height={height}
            eventBus={new EventBusSrv()}
            replaceVariables={prepared.replaceVariables}
            onState={() => {}}
          />
        </ErrorBoundaryAlert>
      )}
    </section>
  );
}

export function DashboardHost({ panels, title, refreshMs }: { panels: DashboardPanel[]; title: string; refreshMs: number }) {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs]);
  return (
    <div style={{ padding: 16 }}>
      <h2 style={{ margin: '0 0 12px' }}>{title}</h2>
      <div style={{ position: 'relative' }}>
        {panels.map((p) => (
          <PanelBox key={p.id} panel={p} tick={tick} />
        ))}
      </div>
    </div>
  );
}

/** @jsxImportSource react */
// A query row as in a dashboard panel editor or Explore: the plugin's QueryEditor with
// QueryEditorProps, a Run button, and the last result summarised for the tests.
import type { CoreApp, DataQuery, DataSourceApi, PanelData } from '@grafana/data';
import { Button } from '@grafana/ui';
import { useRef, useState } from 'react';

import { buildRequest, currentTimeRange, runToEnd } from './request';
import { ResultTables } from './ResultTables';
import { panelDataJson } from './serialize';

interface Props {
  ds: DataSourceApi;
  initial: DataQuery;
  app: CoreApp;
  onState: (query: DataQuery, data?: ReturnType<typeof panelDataJson>) => void;
}

export function QueryEditorHost({ ds, initial, app, onState }: Props) {
  const [query, setQueryState] = useState(initial);
  const [data, setData] = useState<PanelData>();
  const latest = useRef(initial);
  const Editor = ds.components?.QueryEditor;
  // onChange then onRunQuery in one handler: run the query onChange just passed, as Grafana's store does.
  const setQuery = (q: DataQuery) => {
    latest.current = q;
    setQueryState(q);
    onState(q);
  };
  const run = async () => {
    const result = await runToEnd(ds, buildRequest(ds, [latest.current], { app }));
    setData(result);
    onState(latest.current, panelDataJson(result));
  };

  if (!Editor) {
    return <div data-testid="host-no-query-editor">The data source plugin sets no QueryEditor</div>;
  }
  const json = data && panelDataJson(data);
  return (
    <div data-testid="host-query-editor" style={{ padding: 16 }}>
      <Editor
        datasource={ds}
        query={query}
        queries={[query]}
        onChange={setQuery}
        onRunQuery={run}
        data={data}
        range={currentTimeRange()}
        app={app}
      />
      <Button data-testid="host-run-query" onClick={run} style={{ marginTop: 8 }}>
        Run
      </Button>
      {json && (
        <pre data-testid="host-query-result" data-state={json.state} style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>
          {JSON.stringify(
            {
              state: json.state,
              errors: json.errors,
              frames: json.series.map((f: { name?: string; refId?: string; length: number }) => ({
                name: f.name,
                refId: f.refId,
                rows: f.length,
              })),
            },
            null,
            2
          )}
        </pre>
      )}
      {data && data.series.length > 0 && <ResultTables frames={data.series} />}
    </div>
  );
}

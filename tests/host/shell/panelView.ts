// A panel plugin rendered as a dashboard would: options migrated and defaulted, data from the given
// frames or from the data source, field config applied, then PanelHost.
import {
  applyFieldOverrides,
  type DataFrameDTO,
  type DataQuery,
  EventBusSrv,
  type FieldConfigSource,
  LoadingState,
  type PanelData,
  type PanelPlugin,
  type ScopedVars,
  toDataFrame,
} from '@grafana/data';
import { config, getTemplateSrv } from '@grafana/runtime';
import { createElement } from 'react';

import { dataSource } from './dataSources';
import { PanelHost } from './PanelHost';
import { migrateOptions, optionsWithDefaults } from './panelOptions';
import { loadPlugin } from './plugins';
import { buildRequest, currentTimeRange, runToEnd } from './request';
import { mount } from './Root';
import { panelDataJson } from './serialize';

export interface PanelInput {
  /** Frames as plain objects (DataFrameDTO or DataFrame-like); default none. */
  series?: DataFrameDTO[];
  /** Or run the data source: these targets, through a request built like a dashboard panel's. */
  targets?: DataQuery[];
  datasourceUid?: string;
  state?: LoadingState;
  options?: Record<string, unknown>;
  fieldConfig?: Partial<FieldConfigSource>;
  /** The plugin version the options were saved with; a different one runs the migration handler. */
  pluginVersion?: string;
  width?: number;
  height?: number;
}

/** A panel made ready the way a dashboard does: options migrated and defaulted, data fetched, field config applied. */
export async function preparePanel(key: string, input: PanelInput) {
  const plugin = (await loadPlugin(key)) as unknown as PanelPlugin;
  const width = input.width ?? 800;
  const height = input.height ?? 400;
  const saved = {
    id: 1,
    type: plugin.meta.id,
    options: input.options ?? {},
    fieldConfig: { defaults: {}, overrides: [], ...input.fieldConfig },
    pluginVersion: input.pluginVersion,
    targets: input.targets ?? [],
  };
  const { options, fieldConfig } = optionsWithDefaults(plugin, await migrateOptions(plugin, saved), saved.fieldConfig);
  let data: PanelData;
  let scopedVars: ScopedVars = {};
  if (input.targets) {
    const ds = await dataSource(input.datasourceUid);
    const request = buildRequest(ds, input.targets, { maxDataPoints: width });
    scopedVars = request.scopedVars;
    data = await runToEnd(ds, request);
  } else {
    data = {
      state: input.state ?? LoadingState.Done,
      series: (input.series ?? []).map((f) => toDataFrame(f)),
      timeRange: currentTimeRange(),
    };
  }
  const replaceVariables = (value: string, extra?: ScopedVars, format?: string | Function) =>
    getTemplateSrv().replace(value, { ...scopedVars, ...extra }, format);
  const withConfig = {
    ...data,
    series: applyFieldOverrides({
      data: data.series,
      fieldConfig,
      fieldConfigRegistry: plugin.fieldConfigRegistry,
      replaceVariables,
      theme: config.theme2,
      timeZone: 'browser',
    }),
  };
  return { plugin, data, withConfig, options, fieldConfig, width, height, replaceVariables };
}

/** Renders the panel; `report` gets the options and field config whenever the panel changes them. */
export async function renderPanel(
  key: string,
  input: PanelInput,
  report: (options: Record<string, unknown>, fieldConfig: FieldConfigSource) => void
) {
  const { plugin, data, withConfig, options, fieldConfig, width, height, replaceVariables } = await preparePanel(
    key,
    input
  );
  report(options, fieldConfig);
  mount(
    createElement(PanelHost, {
      plugin,
      data: withConfig,
      options,
      fieldConfig,
      width,
      height,
      eventBus: new EventBusSrv(),
      replaceVariables,
      onState: report,
    })
  );
  return { options, fieldConfig, data: panelDataJson(data) };
}

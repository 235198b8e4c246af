// Grafana's getPanelOptionsWithDefaults (public/app/features/dashboard/state/): the plugin's option
// defaults (from its options builder) under the saved options, the field config defaults under the
// saved field config, properties the plugin does not know dropped, first threshold step -Infinity.
import type { FieldConfigOptionsRegistry, FieldConfigSource, PanelModel, PanelPlugin } from '@grafana/data';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** lodash mergeWith with arrays replaced, not merged. */
function merge(target: Obj, ...sources: Obj[]): Obj {
  for (const source of sources) {
    for (const [k, v] of Object.entries(source ?? {})) {
      target[k] = isObj(v) ? merge(isObj(target[k]) ? (target[k] as Obj) : {}, v) : v;
    }
  }
  return target;
}

function clean(obj: Obj, parent: string, registry: FieldConfigOptionsRegistry) {
  for (const [k, v] of Object.entries(obj)) {
    const path = `${parent}${k}`;
    if (registry.getIfExists(path)) {
      continue;
    }
    if (isObj(v)) {
      clean(v, `${path}.`, registry);
    } else {
      delete obj[k];
    }
  }
}

export function optionsWithDefaults(plugin: PanelPlugin, options: Obj, fieldConfig?: Partial<FieldConfigSource>) {
  const pluginDefaults = plugin.fieldConfigDefaults;
  const defaults = merge({}, pluginDefaults.defaults as Obj, (fieldConfig?.defaults ?? {}) as Obj);
  clean(defaults, '', plugin.fieldConfigRegistry);
  const thresholds = defaults.thresholds as { mode?: string; steps?: Array<{ value: number }> } | undefined;
  if (thresholds) {
    thresholds.mode ??= 'absolute';
    thresholds.steps ??= [];
    if (thresholds.steps.length) {
      thresholds.steps[0].value = -Infinity;
    }
  }
  const overrides = (fieldConfig?.overrides ?? []).map((o) => ({
    ...o,
    properties: o.properties.filter((p) => plugin.fieldConfigRegistry.getIfExists(p.id) !== undefined),
  }));
  return {
    options: merge({}, plugin.defaults as Obj, options),
    fieldConfig: { defaults, overrides: overrides.filter((o) => o.properties.length > 0) } as FieldConfigSource,
  };
}

/** PanelModel.pluginLoaded: the migration handler runs when the saved plugin version differs. */
export async function migrateOptions(plugin: PanelPlugin, panel: PanelModel): Promise<Obj> {
  const version = plugin.meta.info.version;
  if (plugin.onPanelMigration && (panel.pluginVersion !== version || plugin.shouldMigrate?.(panel))) {
    return (await plugin.onPanelMigration(panel)) as Obj;
  }
  return panel.options as Obj;
}

// A minimal DataSourceSrv: instance settings from config.datasources (boot data, refreshed from
// /api/frontend/settings after a save, as Grafana's DatasourceSrv.reload does), instances built from
// the plugin's DataSourceClass with its components attached.
import type { DataSourceApi, DataSourceInstanceSettings, DataSourcePlugin, DataSourceRef } from '@grafana/data';
import { config, type DataSourceSrv, getBackendSrv, type GetDataSourceListFilters } from '@grafana/runtime';

import { loadPlugin } from './plugins';

export class HostDataSourceSrv implements DataSourceSrv {
  private instances = new Map<string, Promise<DataSourceApi>>();

  getList(filters: GetDataSourceListFilters = {}): DataSourceInstanceSettings[] {
    const types = filters.type === undefined ? undefined : ([] as string[]).concat(filters.type);
    return Object.values(config.datasources).filter(
      (ds) =>
        (!filters.pluginId || ds.meta.id === filters.pluginId) &&
        (!types || types.includes(ds.type)) &&
        (!filters.filter || filters.filter(ds))
    );
  }

  getInstanceSettings(ref?: DataSourceRef | string | null): DataSourceInstanceSettings | undefined {
    const all = Object.values(config.datasources);
    const key = typeof ref === 'string' ? ref : ref?.uid;
    if (!key || key === 'default') {
      return all.find((ds) => ds.isDefault) ?? all.find((ds) => ds.name === config.defaultDatasource);
    }
    return all.find((ds) => ds.uid === key || ds.name === key);
  }

  get(ref?: DataSourceRef | string | null): Promise<DataSourceApi> {
    const settings = this.getInstanceSettings(ref);
    if (!settings) {
      const name = typeof ref === 'string' ? ref : ref?.uid;
      return Promise.reject(new Error(`Datasource ${name} was not found`));
    }
    let instance = this.instances.get(settings.uid);
    if (!instance) {
      instance = this.create(settings);
      this.instances.set(settings.uid, instance);
    }
    return instance;
  }

  private async create(settings: DataSourceInstanceSettings): Promise<DataSourceApi> {
    const plugin = (await loadPlugin(settings.meta.module)) as DataSourcePlugin<DataSourceApi>;
    const instance = new plugin.DataSourceClass(settings);
    instance.components = plugin.components;
    return instance;
  }

  reload() {
    this.instances.clear();
  }

  /** After a save: new settings from the server, new instances (DatasourceSrv.reload). */
  async reloadFromServer() {
    const settings = await getBackendSrv().get('/api/frontend/settings');
    config.datasources = settings.datasources;
    config.defaultDatasource = settings.defaultDatasource;
    this.reload();
  }

  registerRuntimeDataSource(): void {
    throw new Error('[host page] registerRuntimeDataSource is not emulated (docs/host-page.md)');
  }
}

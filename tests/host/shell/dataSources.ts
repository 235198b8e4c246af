// Which data source the host means when a test names none: the first of the plugin's type.
import { config, getDataSourceSrv } from '@grafana/runtime';

import { hostPlugins } from './plugins';

export const ourDataSourceUid = () => {
  const ds = Object.values(config.datasources).find((d) =>
    hostPlugins().some((p) => p.type === 'datasource' && p.id === d.type)
  );
  if (!ds) {
    throw new Error('[host page] no data source of the plugin in the boot data');
  }
  return ds.uid;
};
export const dataSource = (uid?: string) => getDataSourceSrv().get(uid ?? ourDataSourceUid());

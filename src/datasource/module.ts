import { DataSourcePlugin } from '@grafana/data';

import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import { StabilityDataSource } from './datasource';
import type { StabilityJsonData, StabilityQuery } from './types';

export const plugin = new DataSourcePlugin<StabilityDataSource, StabilityQuery, StabilityJsonData>(StabilityDataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);

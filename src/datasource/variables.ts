import {
  createDataFrame,
  CustomVariableSupport,
  type DataQueryRequest,
  type DataQueryResponse,
  FieldType,
} from '@grafana/data';
import { from, map, type Observable } from 'rxjs';

import { metricWith, parseSelector } from '../sources/prometheus/selector';
import type { StabilityDataSource } from './datasource';
import { VariableQueryEditor } from './components/VariableQueryEditor';
import { DEFAULT_VARIABLE_QUERY, type StabilityVariableQuery } from './types';

export class StabilityVariableSupport extends CustomVariableSupport<StabilityDataSource, StabilityVariableQuery> {
  editor = VariableQueryEditor;

  constructor(private readonly datasource: StabilityDataSource) {
    super();
  }

  query(request: DataQueryRequest<StabilityVariableQuery>): Observable<DataQueryResponse> {
    const query = { ...DEFAULT_VARIABLE_QUERY, ...request.targets[0] };
    const selector = this.datasource.interpolateSelector(query.selector, request.scopedVars);
    // go_info exists for every client_golang service, so only Go services are listed.
    const match = metricWith('go_info', parseSelector(selector));
    return from(this.datasource.prometheus.labelValues(query.label, match)).pipe(
      map((values) => ({
        data: [createDataFrame({ fields: [{ name: 'text', type: FieldType.string, values }] })],
      }))
    );
  }
}

import type { QueryEditorProps, SelectableValue } from '@grafana/data';
import { InlineField, InlineFieldRow, Input, Select } from '@grafana/ui';
import React, { type ChangeEvent } from 'react';

import { QueryType, type QueryTypeId } from '../../shared/queryTypes';
import { testIds } from '../../shared/testIds';
import type { StabilityDataSource } from '../datasource';
import { migrateQuery } from '../migrations';
import type { StabilityJsonData, StabilityQuery } from '../types';
import { OomQueryFields } from './OomQueryFields';
import { SpikesQueryFields } from './SpikesQueryFields';

type Props = QueryEditorProps<StabilityDataSource, StabilityQuery, StabilityJsonData>;

const QUERY_TYPES: Array<SelectableValue<QueryTypeId>> = [
  {
    label: 'Health snapshot',
    value: QueryType.HealthSnapshot,
    description: 'Goroutines, heap, next GC, Go version and uptime per instance',
  },
  {
    label: 'Latency spikes',
    value: QueryType.Spikes,
    description:
      'P99 spikes and regressions, each with its cause (GC, locks, syscalls, network, scheduler, CPU throttling)',
  },
  {
    label: 'OOM forecast',
    value: QueryType.OomForecast,
    description: 'Memory against its limit per instance: time left, warnings ahead of the OOM kill, GOMEMLIMIT',
  },
];

export function QueryEditor({ query: saved, datasource, onChange, onRunQuery }: Props) {
  const query = migrateQuery(saved);
  const update = (patch: Partial<StabilityQuery>, run = true) => {
    onChange({ ...query, ...patch });
    if (run) {
      onRunQuery();
    }
  };

  return (
    <>
      <InlineFieldRow>
        <InlineField label="Query type" labelWidth={14}>
          <Select
            width={28}
            data-testid={testIds.queryEditor.queryType}
            options={QUERY_TYPES}
            value={query.queryType}
            onChange={(v) => update({ queryType: v.value })}
          />
        </InlineField>
        <InlineField
          label="Selector"
          labelWidth={12}
          grow
          tooltip='Label matchers added to every metric, e.g. {job="$job"}'
        >
          <Input
            data-testid={testIds.queryEditor.selector}
            placeholder='{job="api"}'
            value={query.selector ?? ''}
            onChange={(e: ChangeEvent<HTMLInputElement>) => update({ selector: e.currentTarget.value }, false)}
            onBlur={() => onRunQuery()}
          />
        </InlineField>
      </InlineFieldRow>
      {query.queryType === QueryType.Spikes && (
        <SpikesQueryFields
          query={query}
          scrapeInterval={datasource.scrapeInterval}
          update={update}
          onRunQuery={onRunQuery}
        />
      )}
      {query.queryType === QueryType.OomForecast && (
        <OomQueryFields
          query={query}
          scrapeInterval={datasource.scrapeInterval}
          update={update}
          onRunQuery={onRunQuery}
        />
      )}
    </>
  );
}

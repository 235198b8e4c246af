import type { QueryEditorProps } from '@grafana/data';
import { InlineField, InlineFieldRow, Input } from '@grafana/ui';
import React from 'react';

import { testIds } from '../../shared/testIds';
import type { StabilityDataSource } from '../datasource';
import {
  DEFAULT_VARIABLE_QUERY,
  type StabilityJsonData,
  type StabilityQuery,
  type StabilityVariableQuery,
} from '../types';

type Props = QueryEditorProps<StabilityDataSource, StabilityQuery, StabilityJsonData, StabilityVariableQuery>;

export function VariableQueryEditor({ query: saved, onChange }: Props) {
  const query = { ...DEFAULT_VARIABLE_QUERY, ...saved };
  return (
    <InlineFieldRow>
      <InlineField label="Label" labelWidth={10} tooltip="Label whose values become the variable's options">
        <Input
          width={20}
          data-testid={testIds.variableEditor.label}
          value={query.label}
          onChange={(e) => onChange({ ...query, label: e.currentTarget.value.trim() })}
        />
      </InlineField>
      <InlineField label="Selector" labelWidth={12} grow tooltip='Optional matchers, e.g. {job="$job"}'>
        <Input
          data-testid={testIds.variableEditor.selector}
          placeholder='{job="$job"}'
          value={query.selector ?? ''}
          onChange={(e) => onChange({ ...query, selector: e.currentTarget.value })}
        />
      </InlineField>
    </InlineFieldRow>
  );
}

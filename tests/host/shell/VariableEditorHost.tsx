/** @jsxImportSource react */
// A query variable's editor as Grafana shows it for a data source with custom variable support
// (ds.variables.editor), with a Run button listing the values the variable query returns.
import type { DataQuery, DataSourceApi, MetricFindValue } from '@grafana/data';
import { Alert, Button } from '@grafana/ui';
import { type ComponentType, useRef, useState } from 'react';

import { runVariableQuery } from './variables';

interface Props {
  ds: DataSourceApi;
  initial: DataQuery;
  onState: (query: DataQuery, values?: MetricFindValue[]) => void;
}

export function VariableEditorHost({ ds, initial, onState }: Props) {
  const [query, setQueryState] = useState(initial);
  const [values, setValues] = useState<MetricFindValue[]>();
  const [error, setError] = useState<string>();
  const latest = useRef(initial);
  const Editor = (ds.variables as { editor?: ComponentType<any> } | undefined)?.editor;
  const setQuery = (q: DataQuery) => {
    latest.current = q;
    setQueryState(q);
    onState(q);
  };
  const run = async () => {
    setError(undefined);
    try {
      const found = await runVariableQuery(ds, latest.current);
      setValues(found);
      onState(latest.current, found);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  if (!Editor) {
    return <div data-testid="host-no-variable-editor">The data source has no custom variable editor</div>;
  }
  return (
    <div data-testid="host-variable-editor" style={{ padding: 16 }}>
      <Editor datasource={ds} query={query} onChange={setQuery} onRunQuery={run} />
      <Button data-testid="host-run-variable" onClick={run} style={{ marginTop: 8 }}>
        Run
      </Button>
      {error && <Alert data-testid="host-variable-error" title={error} severity="error" />}
      {values && (
        <ul data-testid="host-variable-values">
          {values.map((v, i) => (
            <li key={i}>{String(v.text)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

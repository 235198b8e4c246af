import type { DataFrame, DataQueryError } from '@grafana/data';
import { Alert } from '@grafana/ui';
import React from 'react';

import { queryTypeOf } from '../../shared/queryTypes';
import { testIds } from '../../shared/testIds';

interface Props {
  frames: DataFrame[];
  /** Query errors: said first, because they are usually why the frames are missing. */
  errors?: DataQueryError[];
  /** Human name of the query type this panel draws, e.g. "Latency spikes". */
  wanted: string;
}

/** Said instead of drawing when the panel's query does not produce the frames it draws. */
export function QueryTypeMismatch({ frames, errors = [], wanted }: Props) {
  const found = [...new Set(frames.map((f) => queryTypeOf(f) ?? 'another data source'))];
  return (
    <div data-testid={testIds.panels.wrongQueryType}>
      {errors.map((e, i) => (
        <Alert key={i} severity="error" title={`Query ${e.refId ?? ''} failed`}>
          {e.message ?? 'Unknown error'}
        </Alert>
      ))}
      <Alert severity="info" title={`This panel draws the Go Stability "${wanted}" query`}>
        {frames.length === 0
          ? 'The query returned no data. '
          : `The query returned ${frames.length} frame(s) from: ${found.join(', ')}. `}
        Choose the Go Stability data source and the &quot;{wanted}&quot; query type in the query editor.
      </Alert>
    </div>
  );
}

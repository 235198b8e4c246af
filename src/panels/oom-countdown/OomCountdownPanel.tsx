import type { PanelProps } from '@grafana/data';
import React from 'react';

import { QueryType } from '../../shared/queryTypes';
import { testIds } from '../../shared/testIds';
import { framesOfType } from '../common/framesOfType';
import { QueryTypeMismatch } from '../common/QueryTypeMismatch';
import type { OomCountdownPanelOptions } from './types';

type Props = PanelProps<OomCountdownPanelOptions>;

export function OomCountdownPanel({ data, width, height }: Props) {
  const frames = framesOfType(data.series, QueryType.OomForecast);
  if (frames.length === 0) {
    return <QueryTypeMismatch frames={data.series} errors={data.errors} wanted="OOM forecast" />;
  }
  // The OOM forecast query type lands with the OOM work; until then only the mismatch path draws.
  return <div data-testid={testIds.panels.oomCountdown} style={{ width, height }} />;
}

import type { PanelProps } from '@grafana/data';
import React from 'react';

import { QueryType } from '../../shared/queryTypes';
import { testIds } from '../../shared/testIds';
import { framesOfType } from '../common/framesOfType';
import { QueryTypeMismatch } from '../common/QueryTypeMismatch';
import type { SpikeCausePanelOptions } from './types';

type Props = PanelProps<SpikeCausePanelOptions>;

export function SpikeCausePanel({ data, width, height }: Props) {
  const frames = framesOfType(data.series, QueryType.Spikes);
  if (frames.length === 0) {
    return <QueryTypeMismatch frames={data.series} errors={data.errors} wanted="Latency spikes" />;
  }
  // The spikes query type lands with the latency-spike work; until then only the mismatch path draws.
  return <div data-testid={testIds.panels.spikeCause} style={{ width, height }} />;
}

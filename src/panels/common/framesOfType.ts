import type { DataFrame } from '@grafana/data';

import { queryTypeOf } from '../../shared/queryTypes';

export function framesOfType(frames: DataFrame[], queryType: string): DataFrame[] {
  return frames.filter((f) => queryTypeOf(f) === queryType);
}

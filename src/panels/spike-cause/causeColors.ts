import type { GrafanaTheme2 } from '@grafana/data';
import { useTheme2 } from '@grafana/ui';
import { useMemo } from 'react';

import type { SpikeCause } from '../../shared/spikeFrames';
import { isKnownCause } from './causes';

/**
 * One fixed colour per verdict, named in the theme's visualization palette so it follows the light and
 * dark themes. The same colour marks a cause on the chart, in its legend, the breakdown and the list.
 * 'unexplained' is neutral on purpose: no cause was found.
 */
const CAUSE_COLOR_NAMES: Readonly<Record<Exclude<SpikeCause, 'unexplained'>, string>> = {
  gc: 'orange',
  lock: 'red',
  syscall: 'purple',
  network: 'blue',
  scheduler: 'yellow',
  cpu_throttling: 'dark-green',
  mixed: 'super-light-purple',
};

export type CauseColorOf = (cause: string) => string;

export function causeColor(theme: GrafanaTheme2, cause: string): string {
  if (isKnownCause(cause) && cause !== 'unexplained') {
    return theme.visualization.getColorByName(CAUSE_COLOR_NAMES[cause]);
  }
  // 'unexplained' and verdicts this panel does not know (from a newer data source).
  return theme.colors.text.disabled;
}

/** The colour function for the current theme, stable between renders of one theme. */
export function useCauseColors(): CauseColorOf {
  const theme = useTheme2();
  return useMemo(() => (cause: string) => causeColor(theme, cause), [theme]);
}

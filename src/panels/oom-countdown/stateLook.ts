import { colorManipulator, type GrafanaTheme2 } from '@grafana/data';

import type { OomStateName } from '../../shared/oomFrames';

/** Always shown beside the colour: a state is never told by colour alone. */
export const STATE_TEXT: Record<OomStateName, string> = {
  ok: 'OK',
  warning: 'Warning',
  imminent: 'Imminent',
  no_limit: 'No limit',
  no_data: 'No data',
};

export interface StateLook {
  /** The state's colour: badge background, border, accents. */
  color: string;
  /** Text on `color`. */
  onColor: string;
  /** The tile's background: solid red when imminent (seen from across the room), a tint otherwise. */
  background: string;
  /** Text on the tile's background. */
  text: string;
  secondaryText: string;
}

/** Theme colours per state: green, orange and red as Grafana's thresholds use them; grey when unknown. */
export function stateLook(theme: GrafanaTheme2, state: OomStateName): StateLook {
  const base = theme.colors.background.secondary;
  const neutral = {
    color: theme.colors.secondary.main,
    onColor: theme.colors.secondary.contrastText,
    background: base,
    text: theme.colors.text.primary,
    secondaryText: theme.colors.text.secondary,
  };
  const named = (name: string) => theme.visualization.getColorByName(name);
  switch (state) {
    case 'imminent': {
      const red = named('red');
      const onRed = theme.colors.getContrastText(red);
      return { color: red, onColor: onRed, background: red, text: onRed, secondaryText: onRed };
    }
    case 'warning': {
      const orange = named('orange');
      return {
        ...neutral,
        color: orange,
        onColor: theme.colors.getContrastText(orange),
        background: colorManipulator.alpha(orange, theme.isDark ? 0.18 : 0.14),
      };
    }
    case 'ok': {
      const green = named('green');
      return { ...neutral, color: green, onColor: theme.colors.getContrastText(green) };
    }
    default:
      return neutral;
  }
}

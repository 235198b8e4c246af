/** data-testid values of the OOM countdown panel's parts (the panel root keeps shared testIds.panels.oomCountdown). */
export const oomTestIds = {
  tile: 'gosre-oomcountdown-tile',
  name: 'gosre-oomcountdown-name',
  state: 'gosre-oomcountdown-state',
  countdown: 'gosre-oomcountdown-countdown',
  memory: 'gosre-oomcountdown-memory',
  softLimit: 'gosre-oomcountdown-soft-limit',
  summary: 'gosre-oomcountdown-summary',
  thresholdNote: 'gosre-oomcountdown-threshold-note',
  tileProblems: 'gosre-oomcountdown-tile-problems',
  sparkline: 'gosre-oomcountdown-sparkline',
  problems: 'gosre-oomcountdown-problems',
  empty: 'gosre-oomcountdown-empty',
} as const;

/** data-testid values of the spike-cause panel's parts (the panel root keeps shared testIds.panels.spikeCause). */
export const spikeTestIds = {
  chart: 'gosre-spikecause-chart',
  chartEmpty: 'gosre-spikecause-chart-empty',
  marker: 'gosre-spikecause-marker',
  legend: 'gosre-spikecause-legend',
  breakdown: 'gosre-spikecause-breakdown',
  breakdownRow: 'gosre-spikecause-breakdown-row',
  list: 'gosre-spikecause-list',
  listRow: 'gosre-spikecause-list-row',
  evidence: 'gosre-spikecause-evidence',
  evidenceRow: 'gosre-spikecause-evidence-row',
  exploreLink: 'gosre-spikecause-explore-link',
  problems: 'gosre-spikecause-problems',
} as const;

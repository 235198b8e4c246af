import { BREAKDOWN_PX, GAP_PX, LEGEND_PX, panelLayout, PROBLEMS_PX, WIDE_FROM_PX } from './layout';

describe('panelLayout', () => {
  it('puts the breakdown beside the chart and the details under them on a wide panel', () => {
    const l = panelLayout(1000, 600, true, false);
    expect(l.wide).toBe(true);
    expect(l.chartWidth).toBe(1000 - BREAKDOWN_PX - GAP_PX);
    expect(l.chartHeight + LEGEND_PX + GAP_PX + l.detailsHeight).toBe(600);
  });

  it('gives the chart the full width without the breakdown, and room for problems', () => {
    const l = panelLayout(1000, 600, false, true);
    expect(l.chartWidth).toBe(1000);
    expect(l.chartHeight + LEGEND_PX + GAP_PX + l.detailsHeight).toBe(600 - PROBLEMS_PX - GAP_PX);
  });

  it('stacks on a narrow panel and never returns negative sizes', () => {
    expect(panelLayout(WIDE_FROM_PX - 1, 400, true, false)).toMatchObject({ wide: false, breakdownWidth: 0 });
    const tiny = panelLayout(0, 0, true, true);
    expect(Math.min(tiny.chartWidth, tiny.chartHeight, tiny.detailsHeight)).toBeGreaterThanOrEqual(0);
  });
});

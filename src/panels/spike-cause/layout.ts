/** Pixel sizes of the panel's parts, from the panel's size and options. Pure, so it is tested alone. */
export interface PanelLayout {
  /** Side by side (chart | breakdown, list | evidence) rather than stacked and scrolled. */
  wide: boolean;
  chartWidth: number;
  chartHeight: number;
  /** Width of the breakdown column when wide and shown. */
  breakdownWidth: number;
  /** Height of the list and evidence row when wide (stacked: they take what they need). */
  detailsHeight: number;
}

export const WIDE_FROM_PX = 720;
export const BREAKDOWN_PX = 220;
export const LEGEND_PX = 24;
export const GAP_PX = 8;
export const PROBLEMS_PX = 44;
/** Room left for a vertical scroll bar when the stacked layout scrolls. */
const SCROLLBAR_PX = 12;

export function panelLayout(width: number, height: number, showBreakdown: boolean, hasProblems: boolean): PanelLayout {
  const w = Math.max(0, Math.floor(width));
  const available = Math.max(0, Math.floor(height) - (hasProblems ? PROBLEMS_PX + GAP_PX : 0));
  const wide = w >= WIDE_FROM_PX;
  if (wide) {
    const top = Math.max(100, Math.round(available * 0.55));
    const breakdownWidth = showBreakdown ? BREAKDOWN_PX : 0;
    return {
      wide,
      chartWidth: Math.max(0, w - (showBreakdown ? breakdownWidth + GAP_PX : 0)),
      chartHeight: Math.max(60, top - LEGEND_PX),
      breakdownWidth,
      detailsHeight: Math.max(0, available - top - GAP_PX),
    };
  }
  const top = Math.min(320, Math.max(120, Math.round(available * 0.5)));
  return {
    wide,
    chartWidth: Math.max(0, w - SCROLLBAR_PX),
    chartHeight: Math.max(60, top - LEGEND_PX),
    breakdownWidth: 0,
    detailsHeight: 0,
  };
}

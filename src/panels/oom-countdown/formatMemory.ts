import { formattedValueToString, getValueFormat } from '@grafana/data';

const bytes = getValueFormat('bytes');

/** Bytes in Grafana's binary units: "231 MiB", "1.50 GiB". */
export function formatBytes(value: number): string {
  return formattedValueToString(bytes(value));
}

/**
 * Share of the limit in whole percent, rounded down below 100 (99.9 % is not "100 %": the limit is
 * not reached yet). Null without a positive limit.
 */
export function percentOfLimit(usage: number, limit: number): number | null {
  if (!(limit > 0) || !Number.isFinite(usage)) {
    return null;
  }
  const p = (usage / limit) * 100;
  return p < 100 ? Math.floor(p) : Math.round(p);
}

/** "231 MiB of 256 MiB, 90 %", or what is known when the usage or the limit is missing. */
export function memoryText(usage: number | null, limit: number | null): string {
  if (usage === null && limit === null) {
    return 'No memory sample and no limit';
  }
  if (usage === null) {
    return `No memory sample; limit ${formatBytes(limit!)}`;
  }
  if (limit === null) {
    return `${formatBytes(usage)}, no memory limit known`;
  }
  const percent = percentOfLimit(usage, limit);
  return `${formatBytes(usage)} of ${formatBytes(limit)}${percent === null ? '' : `, ${percent} %`}`;
}

/** The soft limit (GOMEMLIMIT) said apart from the hard one: crossing it costs CPU, not the process. */
export function softLimitText(softLimit: number): string {
  return `Soft limit ${formatBytes(softLimit)} (GOMEMLIMIT): GC works harder above it, not a kill`;
}

/** Readers for untrusted frame values: each returns a typed value or null, never throws. */

/** A finite number from a number or a numeric string; null otherwise (null, NaN, ±Infinity, text). */
export function toNumber(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** Epoch ms from a time value: a number, a numeric or ISO string, a Date or a DateTime. */
export function toMs(v: unknown): number | null {
  if (typeof v === 'string' && v.trim() !== '' && !Number.isFinite(Number(v))) {
    const parsed = Date.parse(v);
    return Number.isFinite(parsed) ? parsed : null;
  }
  if (typeof v === 'object' && v !== null && typeof (v as { valueOf: () => unknown }).valueOf === 'function') {
    return toNumber((v as { valueOf: () => unknown }).valueOf());
  }
  return toNumber(v);
}

/** The values of a field as an array, whatever Grafana version or transformation produced it. */
export function valuesOf(field: { values?: unknown } | undefined): unknown[] {
  const values = field?.values;
  if (Array.isArray(values)) {
    return values;
  }
  const toArray = (values as { toArray?: () => unknown[] } | undefined)?.toArray;
  return typeof toArray === 'function' ? toArray.call(values) : [];
}

/** A label set from an untrusted object: string, number and boolean values kept, as strings. */
export function toLabels(v: unknown): Record<string, string> | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return null;
  }
  const labels: Record<string, string> = {};
  for (const [k, value] of Object.entries(v)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      labels[k] = String(value);
    }
  }
  return labels;
}

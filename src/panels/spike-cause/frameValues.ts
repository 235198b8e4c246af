/** Cell readers for the events frame: each turns an untrusted value into a typed one, never throwing. */
import type { EvidenceRow } from './readFrames';

export const EVIDENCE_UNREADABLE = 'Evidence could not be read (not a JSON array).';

export function readLabels(value: unknown, problems: string[]): Record<string, string> {
  if (value === undefined || value === null || value === '') {
    return {};
  }
  const parsed = typeof value === 'string' ? parseJson(value) : value;
  if (!isPlainObject(parsed)) {
    problems.push('Labels could not be read (not a JSON object).');
    return {};
  }
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      labels[k] = String(v);
    }
  }
  return labels;
}

export function readEvidence(value: unknown, problems: string[]): EvidenceRow[] {
  if (value === undefined || value === null || value === '') {
    return [];
  }
  const parsed = typeof value === 'string' ? parseJson(value) : value;
  if (!Array.isArray(parsed)) {
    problems.push(EVIDENCE_UNREADABLE);
    return [];
  }
  const rows: EvidenceRow[] = [];
  for (const item of parsed) {
    if (isPlainObject(item) && typeof item.signal === 'string' && item.signal.length > 0) {
      rows.push({
        signal: item.signal,
        cause: typeof item.cause === 'string' ? item.cause : '',
        baseline: toNumber(item.baseline),
        value: toNumber(item.value),
        z: toNumber(item.z),
      });
    }
  }
  if (rows.length < parsed.length) {
    problems.push(`Evidence: ${parsed.length - rows.length} item(s) without a signal name were left out.`);
  }
  return rows;
}

function parseJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}

export function commaList(v: unknown): string[] {
  return text(v)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function toNumber(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

export function toConfidence(v: unknown): number | null {
  const n = toNumber(v);
  return n === null ? null : Math.min(1, Math.max(0, n));
}

/** Epoch ms from a time field value: a number, a numeric or ISO string, a Date or a DateTime. */
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

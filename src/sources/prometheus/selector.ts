/**
 * Label selectors typed by users, e.g. `{job="api", instance=~"10.0.*"}`: validated once, then added
 * to every metric the planner queries. Parsing (not string pasting) keeps a stray quote or brace in a
 * selector from changing the meaning of the PromQL around it.
 */
export interface Matcher {
  name: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

export class SelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorError';
  }
}

const MATCHER = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*(,|$)/;

export function parseSelector(text: string): Matcher[] {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '{}') {
    return [];
  }
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) {
    throw new SelectorError(`A selector looks like {job="api"}; got ${JSON.stringify(text)}`);
  }
  let rest = trimmed.slice(1, -1);
  const matchers: Matcher[] = [];
  while (rest.trim() !== '') {
    const m = MATCHER.exec(rest);
    if (!m) {
      throw new SelectorError(`Cannot read the matcher at ${JSON.stringify(rest.trim().slice(0, 40))} in ${text}`);
    }
    matchers.push({ name: m[1], op: m[2] as Matcher['op'], value: unescape(m[3]) });
    rest = rest.slice(m[0].length);
  }
  return matchers;
}

function unescape(quoted: string): string {
  return quoted.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

/** PromQL string literal: JSON's escaping is a subset Prometheus reads back the same. */
export function quote(value: string): string {
  return JSON.stringify(value);
}

/** `metric{matchers}` with every matcher re-quoted. */
export function metricWith(metric: string, matchers: Matcher[], extra: Matcher[] = []): string {
  const all = [...matchers, ...extra];
  if (all.length === 0) {
    return metric;
  }
  return `${metric}{${all.map((m) => `${m.name}${m.op}${quote(m.value)}`).join(',')}}`;
}

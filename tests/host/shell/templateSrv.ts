// A TemplateSrv following Grafana's template_srv.ts and formatRegistry.ts: `$var`, `${var}`,
// `${var:format}`, `${var.field}`, `[[var]]`; scopedVars first, then the dashboard variables set by
// the tests; `$__from` / `$__to` from the time range. Like Grafana, `$__interval`, `$__interval_ms`
// come only from scopedVars (the query request carries them), and so do `$__rate_interval` and
// `$__range*`, which in Grafana only the Prometheus and Loki data sources put there.
import { dateTime, type ScopedVars, type TimeRange, type TypedVariableModel } from '@grafana/data';
import type { TemplateSrv, VariableInterpolation } from '@grafana/runtime';

const VARIABLE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\${(\w+)(?:\.([^:^\}]+))?(?::([^\}]+))?}/g;
const ALL = '$__all';

/** What a test sets: one dashboard variable and its current value. */
export interface HostVariable {
  name: string;
  value: string | string[];
  text?: string | string[];
  /** All the options; defaults to the current value(s). */
  options?: string[];
  includeAll?: boolean;
  allValue?: string;
}

type Value = string | number | boolean | string[] | null | undefined | object;
type Formatter = (value: Value, args: string[], variable: { name: string }, text: string) => string;

const list = (v: Value): string[] => (Array.isArray(v) ? v.map(String) : [String(v)]);
const regexEscape = (v: string) => v.replace(/[\\^$*+?.()|[\]{}\/]/g, '\\$&');
const luceneEscape = (v: string) =>
  isNaN(+v) ? v.replace(/([\!\*\+\-\=<>\s\&\|\(\)\[\]\{\}\^\~\?\:\\/"])/g, '\\$1') : v;
const strict = (v: string) =>
  encodeURIComponent(v).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
const html = (v: string) =>
  v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const quoted = (q: string, esc: string) => (v: Value) =>
  list(v)
    .map((s) => `${q}${s.split(q).join(esc)}${q}`)
    .join(',');

const FORMATS: Record<string, Formatter> = {
  lucene: (v) =>
    typeof v === 'string'
      ? luceneEscape(v)
      : Array.isArray(v) && v.length === 0
        ? '__empty__'
        : `(${list(v)
            .map((s) => `"${luceneEscape(s)}"`)
            .join(' OR ')})`,
  raw: (v) => String(v),
  regex: (v) =>
    typeof v === 'string'
      ? regexEscape(v)
      : list(v).length === 1
        ? regexEscape(list(v)[0])
        : `(${list(v).map(regexEscape).join('|')})`,
  pipe: (v) => list(v).join('|'),
  distributed: (v, _a, variable) =>
    list(v)
      .map((s, i) => (i === 0 ? s : `${variable.name}=${s}`))
      .join(','),
  csv: (v) => list(v).join(','),
  html: (v) => html(list(v).join(', ')),
  json: (v) => JSON.stringify(v),
  percentencode: (v) => strict(Array.isArray(v) ? `{${v.join(',')}}` : String(v)),
  singlequote: quoted("'", "\\'"),
  doublequote: quoted('"', '\\"'),
  sqlstring: quoted("'", "''"),
  date: (v, args) => {
    const ms = parseInt(String(v), 10);
    const arg = args[0] ?? 'iso';
    return arg === 'ms'
      ? String(v)
      : arg === 'seconds'
        ? `${Math.round(ms / 1000)}`
        : arg === 'iso'
          ? dateTime(ms).toISOString()
          : dateTime(ms).format(arg);
  },
  glob: (v) => (Array.isArray(v) && v.length > 1 ? `{${v.join(',')}}` : String(v)),
  text: (_v, _a, _variable, text) => text,
  queryparam: (v, _a, variable) =>
    list(v)
      .map((s) => `var-${variable.name}=${strict(s)}`)
      .join('&'),
};

export class HostTemplateSrv implements TemplateSrv {
  private variables: HostVariable[] = [];
  private timeRange?: TimeRange;

  setVariables(variables: HostVariable[]) {
    this.variables = variables;
  }

  getVariables(): TypedVariableModel[] {
    return this.variables.map((v) => {
      const options = (v.options ?? list(v.value)).map((o) => ({
        text: o,
        value: o,
        selected: list(v.value).includes(o),
      }));
      return {
        id: v.name,
        name: v.name,
        label: v.name,
        type: 'custom',
        query: options.map((o) => o.value).join(','),
        current: { value: v.value, text: v.text ?? v.value, selected: true },
        options,
        multi: Array.isArray(v.value),
        includeAll: !!v.includeAll,
        allValue: v.allValue ?? null,
        hide: 0,
        skipUrlSync: false,
        index: 0,
        global: false,
        state: 'Done',
        error: null,
        description: null,
        rootStateKey: 'host',
      } as unknown as TypedVariableModel;
    });
  }

  updateTimeRange(timeRange: TimeRange) {
    this.timeRange = timeRange;
  }

  containsTemplate(target?: string): boolean {
    if (!target) {
      return false;
    }
    VARIABLE.lastIndex = 0;
    const match = VARIABLE.exec(target);
    const name = match && (match[1] || match[2] || match[4]);
    return !!name && this.variables.some((v) => v.name === name);
  }

  replace(
    target?: string,
    scopedVars?: ScopedVars,
    format?: string | Function,
    interpolations?: VariableInterpolation[]
  ): string {
    if (!target) {
      return target ?? '';
    }
    return target.replace(VARIABLE, (match, var1, var2, fmt2, var3, fieldPath, fmt3) => {
      const name: string = var1 || var2 || var3;
      const fmt: string | Function | undefined = fmt2 || fmt3 || format;
      const found = this.lookup(name, fieldPath, scopedVars);
      if (!found) {
        interpolations?.push({
          match,
          variableName: name,
          fieldPath,
          format: fmt as string,
          value: match,
          found: false,
        });
        return match;
      }
      // Grafana leaves a custom "All" value unformatted (unless the format is text or percentencode).
      const keepRaw = found.customAll && fmt !== 'text' && fmt !== 'percentencode';
      const value = keepRaw ? String(found.value) : this.format(found.value, fmt, name, found.text);
      interpolations?.push({ match, variableName: name, fieldPath, format: fmt as string, value, found: true });
      return value;
    });
  }

  private lookup(
    name: string,
    fieldPath: string | undefined,
    scopedVars?: ScopedVars
  ): { value: Value; text: string; customAll?: boolean } | undefined {
    const scoped = scopedVars?.[name];
    if (scoped) {
      const value = fieldPath ? fieldPath.split('.').reduce<any>((o, k) => o?.[k], scoped.value) : scoped.value;
      return value === undefined || value === null ? undefined : { value, text: String(scoped.text ?? value) };
    }
    if ((name === '__from' || name === '__to') && this.timeRange) {
      const ms = (name === '__from' ? this.timeRange.from : this.timeRange.to).valueOf();
      return { value: String(ms), text: String(ms) };
    }
    const variable = this.variables.find((v) => v.name === name);
    if (!variable) {
      return undefined;
    }
    const isAll = variable.value === ALL || (Array.isArray(variable.value) && variable.value[0] === ALL);
    if (isAll) {
      return variable.allValue !== undefined
        ? { value: variable.allValue, text: 'All', customAll: true }
        : { value: variable.options ?? [], text: 'All' };
    }
    return { value: variable.value, text: list(variable.text ?? variable.value).join(' + ') };
  }

  private format(value: Value, format: string | Function | undefined, name: string, text: string): string {
    if (!Array.isArray(value) && typeof value === 'object' && value !== null) {
      value = String(value);
    }
    if (typeof format === 'function') {
      return format(value, { name }, (v: Value, f: string) => this.format(v, f, name, text));
    }
    const [id, ...args] = (format ?? 'glob').split(':');
    let formatter = FORMATS[id];
    if (!formatter) {
      console.error(`Variable format ${id} not found. Using glob format as fallback.`);
      formatter = FORMATS.glob;
    }
    return formatter(value, args, { name }, text);
  }
}

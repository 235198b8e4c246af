// The Go text/template subset plugin.json routes use: {{ .JsonData.x }}, {{ .SecureJsonData.x }}
// (dotted paths allowed), optionally piped to Grafana's `orEmpty`. As in Go, a key missing from
// JsonData (map[string]interface{}) prints "<no value>" unless piped to orEmpty; one missing from
// SecureJsonData (map[string]string) prints "". Anything else is an error, never silently kept.
const ACTION = /\{\{-?\s*(.*?)\s*-?\}\}/g;
const FIELD = /^\.(JsonData|SecureJsonData)((?:\.[A-Za-z_][\w]*)+)(\s*\|\s*orEmpty)?$/;

export function interpolate(text, { jsonData, secureJsonData }) {
  return String(text ?? '').replace(ACTION, (whole, action) => {
    const m = FIELD.exec(action);
    if (!m) {
      throw new Error(`route template "${whole}" is not supported by the host page's proxy`);
    }
    const [, root, path, orEmpty] = m;
    let value = root === 'JsonData' ? jsonData : secureJsonData;
    for (const key of path.slice(1).split('.')) {
      value = value && typeof value === 'object' ? value[key] : undefined;
    }
    if (value === undefined || value === null) {
      return root === 'JsonData' && !orEmpty ? '<no value>' : '';
    }
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}

/** @jsxImportSource react */
// Query results as plain tables, each value formatted by Grafana's display processor after field
// config is applied (units such as bytes and seconds), as a table panel would show them. Grafana's
// own Table component is not used: it needs more of Grafana's runtime than the host provides.
import { applyFieldOverrides, type DataFrame, formattedValueToString } from '@grafana/data';
import { config } from '@grafana/runtime';

function cell(frame: DataFrame, fieldIndex: number, row: number): string {
  const field = frame.fields[fieldIndex];
  const value = field.values[row];
  if (value === null || value === undefined) {
    return '';
  }
  return field.display ? formattedValueToString(field.display(value)) : String(value);
}

export function ResultTables({ frames }: { frames: DataFrame[] }) {
  const prepared = applyFieldOverrides({
    data: frames,
    fieldConfig: { defaults: {}, overrides: [] },
    replaceVariables: (s: string) => s,
    theme: config.theme2,
    timeZone: 'utc',
  });
  const border = `1px solid ${config.theme2.colors.border.weak}`;
  return (
    <div data-testid="host-result-tables">
      {prepared.map((frame, i) => (
        <div key={i} data-testid="host-result-table" style={{ marginTop: 12 }}>
          <div style={{ fontWeight: 500, marginBottom: 4 }}>{frame.name ?? frame.refId}</div>
          <table style={{ borderCollapse: 'collapse' }}>
            <thead>
              <tr>
                {frame.fields.map((f) => (
                  <th key={f.name} style={{ border, padding: '4px 8px', textAlign: 'left' }}>
                    {f.config.displayName ?? f.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: frame.length }, (_, row) => (
                <tr key={row}>
                  {frame.fields.map((f, col) => (
                    <td key={f.name} style={{ border, padding: '4px 8px' }}>
                      {cell(frame, col, row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}

import type { PromTransport } from '../src/sources/prometheus/types';

/** Prometheus' HTTP API from Node, with a timeout so a dead server never hangs the runner. */
export function nodeTransport(baseUrl: string, timeoutMs = 30_000): PromTransport {
  const base = baseUrl.replace(/\/+$/, '');
  return async (path, params) => {
    const query = params.toString();
    const response = await fetch(`${base}${path}${query ? `?${query}` : ''}`, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { Accept: 'application/json' },
    });
    const text = await response.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      // Not JSON (an HTML login page, a proxy error): keep the text for the error message.
    }
    return { status: response.status, statusText: response.statusText, data };
  };
}

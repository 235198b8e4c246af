import { type BackendSrv, type FetchError, isFetchError } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

import type { HttpAnswer, PromTransport } from '../sources/prometheus/types';

/**
 * Prometheus requests go through Grafana's data source proxy on the data source's own URL, so
 * Grafana adds the auth, TLS and headers configured in the HTTP settings; secrets never reach us.
 */
export function grafanaProxyTransport(backendSrv: BackendSrv, proxyUrl: string): PromTransport {
  return async (path, params) => {
    const query = params.toString();
    try {
      const response = await lastValueFrom(
        backendSrv.fetch<unknown>({
          url: `${proxyUrl}${path}${query ? `?${query}` : ''}`,
          method: 'GET',
          showErrorAlert: false,
          showSuccessAlert: false,
        })
      );
      return { status: response.status, statusText: response.statusText, data: response.data };
    } catch (err) {
      if (isFetchError(err)) {
        return fromFetchError(err);
      }
      throw err;
    }
  };
}

function fromFetchError(err: FetchError): HttpAnswer {
  // Status 0 or a 502 from the proxy both mean the target was not reached.
  return { status: err.status || 502, statusText: err.statusText || err.message, data: err.data };
}

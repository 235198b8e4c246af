// A fetch-based BackendSrv following Grafana's public/app/core/services/backend_srv.ts: request ids
// (a newer request with the same id cancels the older one), abort on unsubscribe, the response body
// parsed by responseType (else JSON when it parses, text otherwise), FetchError {status, statusText,
// data, config} on non-2xx. Alerts (showErrorAlert, showSuccessAlert) are never shown.
import type { BackendSrv, BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';
import {
  catchError,
  defer,
  filter,
  lastValueFrom,
  mergeMap,
  type Observable,
  Subject,
  takeUntil,
  throwError,
  throwIfEmpty,
} from 'rxjs';
import { fromFetch } from 'rxjs/fetch';

const CANCEL_ALL = 'cancel_all_requests_request_id';
const HTTP_REQUEST_CANCELED = -1;

const isLocal = (url: string) => !/^https?:\/\//.test(url);

function urlWithParams(options: BackendSrvRequest): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(options.params ?? {})) {
    if (value === undefined || value === null || (value.length === 0 && typeof value !== 'number')) {
      continue;
    }
    for (const v of Array.isArray(value) ? value : [value]) {
      search.append(key, String(v));
    }
  }
  const query = search.toString();
  return query ? `${options.url}${options.url.includes('?') ? '&' : '?'}${query}` : options.url;
}

function requestInit(options: BackendSrvRequest): RequestInit {
  const headers = new Headers(options.headers ?? {});
  if (!headers.has('Accept')) {
    headers.set('Accept', 'application/json, text/plain, */*');
  }
  let body: BodyInit | undefined;
  const data = options.data;
  if (
    data === undefined ||
    data === null ||
    typeof data === 'string' ||
    data instanceof Blob ||
    data instanceof ArrayBuffer ||
    data instanceof FormData ||
    data instanceof URLSearchParams
  ) {
    body = data ?? undefined;
  } else {
    body = JSON.stringify(data);
    if (!headers.has('Content-Type')) {
      headers.set('Content-Type', 'application/json');
    }
  }
  const credentials = options.credentials ?? (options.withCredentials ? 'include' : 'same-origin');
  return { method: options.method ?? 'GET', headers, body, credentials, signal: options.abortSignal };
}

async function parseBody(response: Response, responseType: BackendSrvRequest['responseType']): Promise<unknown> {
  switch (responseType) {
    case 'arraybuffer':
      return response.arrayBuffer();
    case 'blob':
      return response.blob();
    case 'text':
      return response.text();
    case 'json':
      return response.headers.get('Content-Length') === '0' ? {} : response.json();
  }
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Grafana's processRequestError: string bodies and `error` fields become `data.message`. */
function processError(err: FetchError): FetchError {
  err.data = err.data ?? { message: 'Unexpected error' };
  if (typeof err.data === 'string') {
    err.data = { message: err.data, error: err.statusText, response: err.data };
  }
  if (err.data && !err.data.message && typeof err.data.error === 'string') {
    err.data.message = err.data.error;
  }
  return err;
}

export class HostBackendSrv implements BackendSrv {
  private inFlight = new Subject<string>();

  fetch<T>(input: BackendSrvRequest): Observable<FetchResponse<T>> {
    return defer(() => {
      const options: BackendSrvRequest = { ...input, headers: { ...input.headers }, retry: input.retry ?? 0 };
      if (options.requestId) {
        this.inFlight.next(options.requestId);
      }
      if (isLocal(options.url)) {
        options.headers!['X-Grafana-Org-Id'] = 1;
        options.url = options.url.replace(/^\//, '');
        if (options.headers!.Authorization) {
          options.headers!['X-DS-Authorization'] = options.headers!.Authorization;
          delete options.headers!.Authorization;
        }
      }
      const cancelled = this.inFlight.pipe(
        filter((id) => id === CANCEL_ALL || (!!options.requestId && id === options.requestId))
      );
      return fromFetch(urlWithParams(options), requestInit(options)).pipe(
        mergeMap(async (res): Promise<FetchResponse<T>> => {
          const { status, statusText, ok, headers, url, type, redirected } = res;
          const data = (await parseBody(res, options.responseType)) as T;
          return { status, statusText, ok, headers, url, type, redirected, data, config: options };
        }),
        mergeMap((res) =>
          res.ok
            ? [res]
            : throwError(() => ({ status: res.status, statusText: res.statusText, data: res.data, config: options }))
        ),
        catchError((err: FetchError) => throwError(() => processError(err))),
        takeUntil(cancelled),
        // takeUntil completes silently; Grafana turns that into a "cancelled" FetchError.
        throwIfEmpty(() => ({
          type: HTTP_REQUEST_CANCELED,
          cancelled: true,
          data: null,
          status: HTTP_REQUEST_CANCELED,
          statusText: 'Request was aborted',
          config: options,
        }))
      );
    });
  }

  async request<T = unknown>(options: BackendSrvRequest): Promise<T> {
    return (await lastValueFrom(this.fetch<T>(options))).data;
  }

  datasourceRequest<T = unknown>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
    return lastValueFrom(this.fetch<T>(options));
  }

  get<T = any>(url: string, params?: any, requestId?: string, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, method: 'GET', url, params, requestId });
  }
  delete<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, method: 'DELETE', url, data });
  }
  post<T = any>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, method: 'POST', url, data });
  }
  patch<T = any>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, method: 'PATCH', url, data });
  }
  put<T = any>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, method: 'PUT', url, data });
  }

  chunked(): Observable<FetchResponse<Uint8Array | undefined>> {
    return throwError(() => new Error('[host page] backendSrv.chunked() is not emulated (docs/host-page.md)'));
  }

  resolveCancelerIfExists(requestId: string) {
    this.inFlight.next(requestId);
  }

  cancelAllInFlightRequests() {
    this.inFlight.next(CANCEL_ALL);
  }
}

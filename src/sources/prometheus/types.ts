/** Plain shapes the Prometheus source hands to the engine and the data source: no Grafana types. */
export type Labels = Record<string, string>;

/** One instant-vector element. */
export interface InstantSample {
  labels: Labels;
  /** Unix milliseconds. */
  timestamp: number;
  value: number;
}

/** One range-vector series as typed arrays, timestamps in Unix milliseconds. */
export interface RangeSeries {
  labels: Labels;
  timestamps: Float64Array;
  values: Float64Array;
}

/** An HTTP answer as the injected transport saw it, whatever the status code. */
export interface HttpAnswer {
  status: number;
  statusText?: string;
  data: unknown;
}

/** The transport: the data source gives Grafana's proxy, the CLI gives Node's fetch. */
export type PromTransport = (path: string, params: URLSearchParams) => Promise<HttpAnswer>;

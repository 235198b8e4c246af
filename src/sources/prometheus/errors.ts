/** A Prometheus request that failed, with a sentence fit for a query error. */
export class PrometheusError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown }
  ) {
    super(message, options);
    this.name = 'PrometheusError';
  }
}

// Modules generated or aliased by tests/host/build.mjs.
declare module 'host:shared' {
  type Namespace = Record<string, unknown>;
  export const table: Record<string, { load: Namespace | (() => Promise<Namespace>); wrap: string | null }>;
  /** Shared by Grafana, but its npm package is not installed here. */
  export const missing: Record<string, string>;
  /** Shared by Grafana 12, never by the host page. */
  export const notProvided: Record<string, string>;
}

declare module 'host:i18n-internal' {
  export function getI18nInstance(): Record<string, unknown>;
  export function initializeI18n(
    options: { language?: string; ns?: string[] },
    regionalFormat: string
  ): Promise<{ language: string }>;
}

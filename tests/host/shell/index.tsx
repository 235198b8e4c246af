/** @jsxImportSource react */
// The host page's entry: Grafana's runtime services set through @grafana/runtime's own setters, the
// shared modules registered with SystemJS, i18n initialised, then window.__host for the tests.
// window.grafanaBootData is set before this runs, by /host/boot.js (see index.html).
import { EventBusSrv } from '@grafana/data';
import {
  config,
  type EchoEvent,
  setAppEvents,
  setBackendSrv,
  setDataSourceSrv,
  setEchoSrv,
  setRunRequest,
  setTemplateSrv,
} from '@grafana/runtime';
import { initializeI18n } from 'host:i18n-internal';

import { createHostApi } from './api';
import { showDashboard } from './dashboardView';
import { HostBackendSrv } from './backendSrv';
import { HostDataSourceSrv } from './dataSourceSrv';
import { registerStandardOptions } from './optionsRegistry';
import { currentTimeRange, runRequest } from './request';
import { createHostTheme } from './Root';
import { sharedModules } from './shared';
import { installSystemJs } from './systemjs';
import { HostTemplateSrv } from './templateSrv';

async function boot() {
  registerStandardOptions();
  installSystemJs(sharedModules());
  config.theme2 = createHostTheme();
  config.theme = config.theme2.v1;
  const templateSrv = new HostTemplateSrv();
  setBackendSrv(new HostBackendSrv());
  setTemplateSrv(templateSrv);
  setDataSourceSrv(new HostDataSourceSrv());
  setAppEvents(new EventBusSrv());
  setRunRequest(runRequest);
  currentTimeRange(); // the dashboard's time range, as TimeSrv hands it to templateSrv
  const events: unknown[] = (window.__hostEchoEvents = []);
  setEchoSrv({ flush: () => {}, addBackend: () => {}, addEvent: (e: Omit<EchoEvent, 'meta'>) => events.push(e) });
  await initializeI18n({ language: 'en-US', ns: ['grafana'] }, 'en-US');
  document.body.style.background = config.theme2.colors.background.canvas;
  document.body.style.color = config.theme2.colors.text.primary;
  window.__host = createHostApi(templateSrv);
  document.body.dataset.hostReady = 'true';
  if (new URLSearchParams(window.location.search).has('dashboard')) {
    await showDashboard(templateSrv);
  }
}

boot().catch((err) => {
  console.error('[host page] boot failed', err);
  document.body.dataset.hostReady = 'failed';
});

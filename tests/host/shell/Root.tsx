/** @jsxImportSource react */
// The React root every host view renders into: Grafana's theme (light or dark from ?theme=) through
// @grafana/ui's ThemeContext, its global styles, and an error boundary like the one around panels.
import { createTheme, type GrafanaTheme2 } from '@grafana/data';
import { config } from '@grafana/runtime';
import { ErrorBoundaryAlert, GlobalStyles, ThemeContext } from '@grafana/ui';
import { type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

export function createHostTheme(): GrafanaTheme2 {
  const mode = new URLSearchParams(window.location.search).get('theme') === 'light' ? 'light' : 'dark';
  return createTheme({ colors: { mode } });
}

let root: Root | undefined;

export function mount(view: ReactNode) {
  const element = document.getElementById('host-root');
  if (!element) {
    throw new Error('[host page] #host-root is missing');
  }
  root ??= createRoot(element);
  root.render(
    <ThemeContext.Provider value={config.theme2}>
      <GlobalStyles />
      <ErrorBoundaryAlert boundaryName="host-view">{view}</ErrorBoundaryAlert>
    </ThemeContext.Provider>
  );
}

export function unmount() {
  root?.unmount();
  root = undefined;
}

/** @jsxImportSource react */
// An app plugin's root page as Grafana's AppRootPage renders it (AppRootProps), inside a router at
// /a/<app id>; the router comes from the shared 'react-router' module, as Grafana's does.
import type { AppPlugin } from '@grafana/data';
import { type ComponentType, type ReactNode } from 'react';

import { System } from './systemjs';

interface Props {
  plugin: AppPlugin;
}

export async function appView({ plugin }: Props): Promise<ReactNode> {
  const Root = plugin.root;
  if (!Root) {
    return <div data-testid="host-app-no-root">The app plugin sets no root page</div>;
  }
  const basename = `/a/${plugin.meta.id}`;
  const page = (
    <div data-testid="host-app" style={{ padding: 16 }}>
      <Root meta={plugin.meta} basename={basename} path={basename} query={{}} onNavChanged={() => {}} />
    </div>
  );
  let router: { MemoryRouter?: ComponentType<{ initialEntries: string[]; children: ReactNode }> } = {};
  try {
    router = (await System().import('react-router')) as typeof router;
  } catch {
    console.warn('[host page] no shared react-router: the app page renders without a router');
  }
  const { MemoryRouter } = router;
  return MemoryRouter ? <MemoryRouter initialEntries={[basename]}>{page}</MemoryRouter> : page;
}

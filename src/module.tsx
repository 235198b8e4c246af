import { AppPlugin, type AppRootProps } from '@grafana/data';
import React from 'react';

import { OverviewPage } from './app/OverviewPage';

function App(_props: AppRootProps) {
  return <OverviewPage />;
}

export const plugin = new AppPlugin<{}>().setRootPage(App);

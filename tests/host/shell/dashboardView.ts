// The demo view (?dashboard): the sample dashboard that provisioning/ ships to Grafana users, with its
// query variables resolved through the data source (every value selected, as "All" would).
import { createElement } from 'react';

import dashboard from '../../../provisioning/dashboards/go-stability.json';
import { DashboardHost, type DashboardPanel } from './DashboardHost';
import { dataSource } from './dataSources';
import { setTimeRange } from './request';
import { mount } from './Root';
import type { HostTemplateSrv } from './templateSrv';
import { runVariableQuery } from './variables';

interface DashboardVariable {
  name: string;
  datasource: { uid: string };
  query: { refId: string };
}

export async function showDashboard(templateSrv: HostTemplateSrv) {
  setTimeRange({ from: dashboard.time.from, to: dashboard.time.to });
  const resolved = [];
  for (const variable of dashboard.templating.list as DashboardVariable[]) {
    const ds = await dataSource(variable.datasource.uid);
    const values = (await runVariableQuery(ds, variable.query)).map((v) => String(v.value ?? v.text));
    resolved.push({ name: variable.name, value: values, options: values, includeAll: true });
    // Later variables may refer to earlier ones ($job in the instance query).
    templateSrv.setVariables(resolved);
  }
  const refreshMs = (Number.parseInt(dashboard.refresh, 10) || 10) * 1000;
  mount(
    createElement(DashboardHost, {
      panels: dashboard.panels as DashboardPanel[],
      title: dashboard.title,
      refreshMs,
    })
  );
}

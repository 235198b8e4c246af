/**
 * @jest-environment node
 */
/**
 * docker-compose.yaml cannot be run here (no Docker engine), so it is checked by reading: it parses,
 * and every file, plugin id, service and data source uid it and provisioning/ refer to exists.
 */
import fs from 'fs';
import path from 'path';
import semver from 'semver';
import { parse } from 'yaml';

import { QueryType } from '../../src/shared/queryTypes';

const repo = path.resolve(__dirname, '../..');
const readYaml = (rel: string) => parse(fs.readFileSync(path.join(repo, rel), 'utf8'));
const readJson = (rel: string) => JSON.parse(fs.readFileSync(path.join(repo, rel), 'utf8'));

const compose = readYaml('docker-compose.yaml');
const services: Record<string, any> = compose.services;
const pluginJsons = ['src/plugin.json', 'src/datasource/plugin.json', 'src/panels/spike-cause/plugin.json', 'src/panels/oom-countdown/plugin.json'].map(readJson);
const pluginIds = pluginJsons.map((p) => p.id);
const dataSourceId = readJson('src/datasource/plugin.json').id;

/** A service as docker compose sees it: `extends` merged in, paths relative to their own file. */
function resolved(name: string): { service: any; baseDir: string } {
  const own = services[name];
  if (!own.extends) {
    return { service: own, baseDir: repo };
  }
  const baseFile = path.join(repo, own.extends.file);
  const base = parse(fs.readFileSync(baseFile, 'utf8')).services[own.extends.service];
  return {
    service: { ...base, ...own, environment: { ...base.environment, ...own.environment } },
    baseDir: path.dirname(baseFile),
  };
}

const hostOf = (url: string) => new URL(url).hostname;

describe('docker-compose.yaml', () => {
  it('builds every service from files that exist', () => {
    for (const name of Object.keys(services)) {
      const { service, baseDir } = resolved(name);
      if (service.build) {
        const context = path.resolve(baseDir, service.build.context ?? service.build);
        expect(fs.existsSync(path.join(context, service.build.dockerfile ?? 'Dockerfile'))).toBe(true);
      } else {
        expect(service.image).toMatch(/^[\w./-]+:[\w.-]+$/);
      }
    }
  });

  it('mounts files and folders that exist (dist/ after the build)', () => {
    for (const name of Object.keys(services)) {
      const { service, baseDir } = resolved(name);
      for (const volume of service.volumes ?? []) {
        const hostPath = path.resolve(baseDir, String(volume).split(':')[0]);
        expect({ volume, exists: fs.existsSync(hostPath) }).toEqual({ volume, exists: true });
      }
    }
  });

  it('runs a Grafana within grafanaDependency that loads all four unsigned plugins', () => {
    const { service } = resolved('grafana');
    const versionArg = String(service.build.args.grafana_version).match(/(\d+\.\d+\.\d+)/)?.[1] ?? '';
    for (const plugin of pluginJsons) {
      expect(semver.satisfies(versionArg, plugin.dependencies.grafanaDependency)).toBe(true);
    }
    const allowed = String(service.environment.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS).split(',');
    expect(allowed.sort()).toEqual([...pluginIds].sort());
  });
});

describe('provisioning/', () => {
  const datasources = readYaml('provisioning/datasources/gosre-stability.yaml').datasources;

  it('provisions our data source with a stable uid pointing at compose services', () => {
    const ds = datasources.find((d: any) => d.type === dataSourceId);
    expect(ds.uid).toBe('gosre-stability');
    expect(Object.keys(services)).toContain(hostOf(ds.url));
    expect(Object.keys(services)).toContain(hostOf(ds.jsonData.pprofUrl));
  });

  it('enables the app', () => {
    expect(readYaml('provisioning/plugins/apps.yaml').apps.map((a: any) => a.type)).toEqual([pluginIds[0]]);
  });

  it('scrapes the demo service Prometheus runs beside', () => {
    const prom = readYaml('provisioning/prometheus/prometheus.yml');
    const targets = prom.scrape_configs.flatMap((c: any) => c.static_configs.flatMap((s: any) => s.targets));
    expect(targets).toContain('demo:18080');
    expect(String(services.demo.ports[0])).toMatch(/^18080:18080/);
  });

  it('ships a dashboard whose panels, data sources and query types all exist', () => {
    const provider = readYaml('provisioning/dashboards/dashboards.yaml').providers[0];
    expect(provider.options.path).toBe('/etc/grafana/provisioning/dashboards');
    const dashboard = readJson('provisioning/dashboards/go-stability.json');
    const uids = datasources.map((d: any) => d.uid);
    const knownTypes: string[] = Object.values(QueryType);
    for (const panel of dashboard.panels) {
      expect(['table', 'timeseries', ...pluginIds]).toContain(panel.type);
      for (const target of panel.targets) {
        expect(uids).toContain(target.datasource.uid);
        expect(knownTypes).toContain(target.queryType);
      }
    }
    for (const variable of dashboard.templating.list) {
      expect(uids).toContain(variable.datasource.uid);
    }
  });
});

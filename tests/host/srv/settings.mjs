// Data source settings held in memory, as Grafana's /api/datasources endpoints show and update them:
// GET never returns secureJsonData, only secureJsonFields {name: true} for each secret that is set;
// PUT replaces the settings, keeps secrets it does not name, and refuses a stale version (409).
const UPDATABLE = [
  'name',
  'access',
  'url',
  'user',
  'database',
  'basicAuth',
  'basicAuthUser',
  'withCredentials',
  'isDefault',
  'jsonData',
];

export class DataSourceStore {
  /** @param {Array<Record<string, any>>} initial @param {string} defaultType */
  constructor(initial, defaultType) {
    this.items = initial.map((ds, i) => ({
      id: i + 1,
      uid: ds.uid ?? `host-ds-${i + 1}`,
      orgId: 1,
      name: ds.name ?? `Data source ${i + 1}`,
      type: ds.type ?? defaultType,
      access: 'proxy',
      url: ds.url ?? '',
      user: ds.user ?? '',
      database: ds.database ?? '',
      basicAuth: !!ds.basicAuth,
      basicAuthUser: ds.basicAuthUser ?? '',
      withCredentials: !!ds.withCredentials,
      isDefault: ds.isDefault ?? i === 0,
      jsonData: ds.jsonData ?? {},
      secureJsonData: { ...(ds.secureJsonData ?? {}) },
      version: 1,
      readOnly: !!ds.readOnly,
    }));
  }

  list() {
    return this.items;
  }

  find(uid) {
    return this.items.find((ds) => ds.uid === uid);
  }

  /** What GET /api/datasources/uid/<uid> returns: no secret, only which secrets are set. */
  dto(ds, typeLogoUrl = '') {
    const { secureJsonData, ...rest } = ds;
    const secureJsonFields = Object.fromEntries(
      Object.entries(secureJsonData)
        .filter(([, v]) => typeof v === 'string' && v.length > 0)
        .map(([k]) => [k, true])
    );
    return { ...rest, typeLogoUrl, secureJsonFields };
  }

  /** PUT /api/datasources/uid/<uid>: [status, body-or-error]. */
  update(uid, body) {
    const ds = this.find(uid);
    if (!ds) {
      return [404, { message: 'Data source not found' }];
    }
    if (ds.readOnly) {
      return [403, { message: 'Cannot update read-only data source' }];
    }
    if (typeof body !== 'object' || body === null || !body.name) {
      return [400, { message: 'bad request data' }];
    }
    if (body.version && body.version < ds.version) {
      return [409, { message: 'Datasource has already been updated by someone else. Please reload and try again' }];
    }
    for (const key of UPDATABLE) {
      if (key in body) {
        ds[key] = key === 'jsonData' ? { ...(body.jsonData ?? {}) } : body[key];
      }
    }
    for (const [k, v] of Object.entries(body.secureJsonData ?? {})) {
      ds.secureJsonData[k] = String(v ?? '');
    }
    ds.version += 1;
    return [200, null];
  }

  /** The entry of the frontend settings' `datasources` map (what the browser's config holds). */
  instanceSettings(ds, meta) {
    return {
      id: ds.id,
      uid: ds.uid,
      type: ds.type,
      name: ds.name,
      meta,
      url: `/api/datasources/proxy/uid/${ds.uid}`,
      isDefault: ds.isDefault,
      access: ds.access,
      jsonData: ds.jsonData,
      readOnly: ds.readOnly,
      database: ds.database,
      withCredentials: ds.withCredentials,
      cachingConfig: { enabled: false, TTLMs: 0 },
      apiVersion: '',
    };
  }
}

import { PluginId } from '../../shared/ids';
import { buildExploreLink, dataSourceUidOf, LIVE_LINK_TEXT, PAST_LINK_TEXT } from './exploreLink';

const NOW = Date.UTC(2024, 0, 2, 12, 0, 0);
const MIN = 60_000;

function panesOf(href: string) {
  const url = new URL(href, 'http://grafana.invalid');
  expect(url.pathname).toBe('/explore');
  expect(url.searchParams.get('schemaVersion')).toBe('1');
  return JSON.parse(url.searchParams.get('panes')!);
}

describe('buildExploreLink', () => {
  const base = { datasourceUid: 'ds-uid', instance: '10.0.0.1:8080' };

  it('links a live spike to a CPU profile query for its instance, over the spike up to now', () => {
    const link = buildExploreLink({ ...base, startMs: NOW - 3 * MIN, endMs: NOW - 20_000, nowMs: NOW });
    expect(link.kind).toBe('link');
    if (link.kind !== 'link') {
      return;
    }
    expect(link.live).toBe(true);
    expect(link.text).toBe(LIVE_LINK_TEXT);
    const pane = Object.values(panesOf(link.href))[0] as Record<string, unknown>;
    expect(pane).toEqual({
      datasource: 'ds-uid',
      queries: [
        {
          refId: 'A',
          datasource: { uid: 'ds-uid', type: PluginId.DataSource },
          queryType: 'profile',
          profileType: 'cpu',
          instance: '10.0.0.1:8080',
        },
      ],
      range: { from: String(NOW - 3 * MIN - 2 * MIN - 40_000), to: 'now' },
    });
  });

  it('says a past spike cannot be profiled any more, and captures now', () => {
    const link = buildExploreLink({ ...base, startMs: NOW - 30 * MIN, endMs: NOW - 28 * MIN, nowMs: NOW });
    expect(link.kind === 'link' && link.live).toBe(false);
    expect(link.kind === 'link' && link.text).toBe(
      'Capture a CPU profile now (the spike is over: a Go service keeps no past profiles)'
    );
    expect(PAST_LINK_TEXT).toMatch(/no past profiles/);
    if (link.kind === 'link') {
      expect((Object.values(panesOf(link.href))[0] as { range: unknown }).range).toEqual({ from: 'now-5m', to: 'now' });
    }
  });

  it('treats a spike that ended exactly one minute ago as live, and older as over', () => {
    const at = (endMs: number) => buildExploreLink({ ...base, startMs: endMs - MIN, endMs, nowMs: NOW });
    expect(at(NOW - MIN)).toMatchObject({ live: true });
    expect(at(NOW - MIN - 1)).toMatchObject({ live: false });
  });

  it('encodes hostile instance values in the URL instead of breaking it', () => {
    const instance = '"><img src=x onerror=alert(1)>&panes=evil#';
    const link = buildExploreLink({ ...base, instance, startMs: NOW, endMs: NOW, nowMs: NOW });
    expect(link.kind).toBe('link');
    if (link.kind === 'link') {
      expect(link.href).not.toMatch(/[<>"# ]/);
      const pane = Object.values(panesOf(link.href))[0] as { queries: Array<{ instance: string }> };
      expect(pane.queries[0].instance).toBe(instance);
    }
  });

  it('gives a reason instead of a link without a data source or an instance label', () => {
    expect(buildExploreLink({ ...base, datasourceUid: undefined, startMs: NOW, endMs: NOW, nowMs: NOW })).toMatchObject(
      {
        kind: 'none',
        reason: expect.stringMatching(/data source is not known/),
      }
    );
    expect(buildExploreLink({ ...base, instance: undefined, startMs: NOW, endMs: NOW, nowMs: NOW })).toMatchObject({
      kind: 'none',
      reason: expect.stringMatching(/no "instance" label/),
    });
  });
});

describe('dataSourceUidOf', () => {
  const targets = [
    { refId: 'A', datasource: { uid: 'first' } },
    { refId: 'B', datasource: { uid: '${ds}' } },
  ];
  it('takes the data source of the query that produced the event, resolving template variables', () => {
    expect(dataSourceUidOf(targets, 'A')).toBe('first');
    expect(dataSourceUidOf(targets, 'B', (s) => s.replace('${ds}', 'resolved'))).toBe('resolved');
  });
  it('falls back on any target with a data source, and gives up on unresolved variables', () => {
    expect(dataSourceUidOf(targets, 'Z')).toBe('first');
    expect(dataSourceUidOf([{ refId: 'B', datasource: { uid: '${ds}' } }], 'B')).toBeUndefined();
    expect(dataSourceUidOf(undefined, 'A')).toBeUndefined();
  });
});

import { buildHealthSnapshot } from './healthSnapshot';

const a = { job: 'api', instance: 'a:80' };
const b = { job: 'api', instance: 'b:80' };

describe('buildHealthSnapshot', () => {
  it('joins the signals of each instance into one record', () => {
    const [rec] = buildHealthSnapshot({
      goroutines: [{ labels: a, value: 12 }],
      heapAlloc: [{ labels: a, value: 1024 }],
      nextGc: [{ labels: a, value: 4096 }],
      goInfo: [{ labels: { ...a, version: 'go1.19.8' }, value: 1 }],
      uptime: [{ labels: a, value: 60.5 }],
    });
    expect(rec).toEqual({
      job: 'api',
      instance: 'a:80',
      goVersion: 'go1.19.8',
      goroutines: 12,
      heapAllocBytes: 1024,
      nextGcBytes: 4096,
      uptimeSeconds: 60.5,
      missing: [],
    });
  });

  it('reports absent and NaN signals as missing, never as zero', () => {
    const records = buildHealthSnapshot({
      goroutines: [
        { labels: b, value: 3 },
        { labels: a, value: NaN },
      ],
      heapAlloc: [{ labels: a, value: 10 }],
    });
    expect(records.map((r) => r.instance)).toEqual(['a:80', 'b:80']);
    expect(records[0].goroutines).toBeNull();
    expect(records[0].missing).toEqual(['goroutines', 'nextGc', 'goInfo', 'uptime']);
    expect(records[1].missing).toEqual(['heapAlloc', 'nextGc', 'goInfo', 'uptime']);
  });

  it('returns nothing when nothing was scraped', () => {
    expect(buildHealthSnapshot({})).toEqual([]);
  });
});

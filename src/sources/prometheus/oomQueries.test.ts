import { parseByteSize, planOomQueries, sourceName } from './oomQueries';
import { parseSelector, SelectorError } from './selector';

const job = parseSelector('{job="api"}');

describe('planOomQueries', () => {
  it('plans usage, limits and GOMEMLIMIT with fallbacks, per instance', () => {
    const plan = planOomQueries({ matchers: job });
    expect(plan.usage).toEqual([
      {
        metric: 'container_memory_working_set_bytes',
        expr: 'max by (instance) (container_memory_working_set_bytes{container!="",container!="POD",job="api"})',
      },
      { metric: 'process_resident_memory_bytes', expr: 'max by (instance) (process_resident_memory_bytes{job="api"})' },
    ]);
    expect(plan.limit).toEqual([
      {
        metric: 'container_spec_memory_limit_bytes',
        expr: 'max by (instance) (container_spec_memory_limit_bytes{container!="",container!="POD",job="api"})',
      },
      {
        metric: 'kube_pod_container_resource_limits',
        expr: 'max by (instance) (kube_pod_container_resource_limits{resource="memory",job="api"})',
      },
    ]);
    expect(plan.softLimit).toEqual({
      metric: 'go_gc_gomemlimit_bytes',
      expr: 'max by (instance) (go_gc_gomemlimit_bytes{job="api"})',
    });
    expect(plan.groupBy).toEqual(['instance']);
    expect(plan.configuredLimitBytes).toBeNull();
  });

  it('plans without a selector', () => {
    const plan = planOomQueries({ matchers: [] });
    expect(plan.usage[1].expr).toBe('max by (instance) (process_resident_memory_bytes)');
    expect(plan.softLimit.expr).toBe('max by (instance) (go_gc_gomemlimit_bytes)');
  });

  it('re-quotes a hostile label value instead of pasting it', () => {
    const hostile = parseSelector('{pod="x\\"}) or vector(1) #", namespace=~"a|b"}');
    expect(hostile[0].value).toBe('x"}) or vector(1) #');
    const plan = planOomQueries({ matchers: hostile, groupBy: ['namespace', 'pod', 'container'] });
    expect(plan.usage[0].expr).toBe(
      'max by (namespace, pod, container) (container_memory_working_set_bytes{container!="",container!="POD",pod="x\\"}) or vector(1) #",namespace=~"a|b"})'
    );
    expect(plan.usage[1].expr).toBe(
      'max by (namespace, pod, container) (process_resident_memory_bytes{pod="x\\"}) or vector(1) #",namespace=~"a|b"})'
    );
  });

  it('takes one usage and one limit metric when named, with the filters their metric needs', () => {
    const plan = planOomQueries({
      matchers: job,
      usageMetric: ' container_memory_rss ',
      limitMetric: 'kube_pod_container_resource_limits',
    });
    expect(plan.usage).toEqual([
      {
        metric: 'container_memory_rss',
        expr: 'max by (instance) (container_memory_rss{container!="",container!="POD",job="api"})',
      },
    ]);
    expect(plan.limit.map((s) => s.expr)).toEqual([
      'max by (instance) (kube_pod_container_resource_limits{resource="memory",job="api"})',
    ]);
    const plain = planOomQueries({ matchers: job, usageMetric: 'go_memstats_sys_bytes', limitMetric: 'my_limit' });
    expect(plain.usage[0].expr).toBe('max by (instance) (go_memstats_sys_bytes{job="api"})');
    expect(plain.limit[0].expr).toBe('max by (instance) (my_limit{job="api"})');
  });

  it('queries no limit series when the limit is configured', () => {
    const plan = planOomQueries({ matchers: job, limitBytes: 512 * 2 ** 20 });
    expect(plan.limit).toEqual([]);
    expect(plan.configuredLimitBytes).toBe(536870912);
    expect(plan.usage).toHaveLength(2);
    expect(() => planOomQueries({ matchers: job, limitBytes: 0 })).toThrow(RangeError);
  });

  it('refuses names that are not Prometheus names', () => {
    expect(() => planOomQueries({ matchers: job, usageMetric: 'up or vector(1)' })).toThrow(SelectorError);
    expect(() => planOomQueries({ matchers: job, limitMetric: 'a{b="c"}' })).toThrow(SelectorError);
    expect(() => planOomQueries({ matchers: job, groupBy: ['pod)'] })).toThrow(SelectorError);
  });

  it('names the KSM limit with its resource in notices', () => {
    expect(sourceName('kube_pod_container_resource_limits')).toBe(
      'kube_pod_container_resource_limits{resource="memory"}'
    );
    expect(sourceName('container_spec_memory_limit_bytes')).toBe('container_spec_memory_limit_bytes');
  });
});

describe('parseByteSize', () => {
  it.each([
    ['536870912', 536870912],
    ['512MiB', 536870912],
    ['512Mi', 536870912],
    ['512 mib', 536870912],
    ['1.5GiB', 1.5 * 2 ** 30],
    ['2Gi', 2 * 2 ** 30],
    ['500MB', 500e6],
    ['1G', 1e9],
    ['64KiB', 65536],
    ['100B', 100],
    [268435456, 268435456],
    ['', undefined],
    ['  ', undefined],
    [undefined, undefined],
  ] as const)('reads %j', (text, bytes) => expect(parseByteSize(text)).toBe(bytes));

  it.each(['512 potatoes', '-1', '0', '0MiB', 'MiB', '1e9', '2048PiB', '2000000TiB'])('refuses %j', (text) =>
    expect(() => parseByteSize(text)).toThrow(RangeError)
  );
});

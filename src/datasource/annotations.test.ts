import { type AnnotationQuery, type DataQueryRequest, dateTime } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import { QueryType } from '../shared/queryTypes';
import { annotationText, escapeHtml, spikeAnnotations, spikeAnnotationSupport } from './annotations';
import { p99Frame, spikeEventsFrame } from './spikeFrames';
import { dataSourceOver, FROM, gcStormTable, rangeTransport, SPIKE_AT, STEP_MS, TO } from './testing/fakePrometheus';
import type { StabilityQuery } from './types';

const row = {
  kind: 'spike',
  cause: 'gc',
  confidence: 0.8234,
  peak: 0.412,
  baseline: 0.12,
  evidence: JSON.stringify([
    { signal: 'gc_pause_p99', cause: 'gc', baseline: 0.0005, value: 0.02, z: 8.14 },
    { signal: 'gc_mean_pause', cause: 'gc', baseline: 0.0003, value: 0.002, z: 5 },
    { signal: 'threads', cause: 'syscall', baseline: 12, value: 12, z: 0 },
  ]),
  labels: '{"instance":"10.0.0.1:8080"}',
  possibleCauses: 'gc',
  suggestedProfiles: 'allocs,heap',
};

describe('annotationText', () => {
  it('names the cause, its confidence, the size and the signals that moved', () => {
    expect(annotationText(row)).toBe(
      'P99 spike: gc (confidence 0.82) — peak 412 ms vs 120 ms before — evidence: gc_pause_p99 z=8.1, gc_mean_pause z=5.0' +
        ' — profiles: allocs, heap — instance="10.0.0.1:8080"'
    );
  });

  it('lists what remains possible when unexplained, and the tied causes when mixed', () => {
    const unexplained = { ...row, kind: 'regression', cause: 'unexplained', confidence: 0, evidence: '[]' };
    expect(
      annotationText({ ...unexplained, possibleCauses: 'lock,network', suggestedProfiles: 'mutex,goroutine' })
    ).toBe(
      'P99 regression: unexplained — peak 412 ms vs 120 ms before — possible causes: lock, network' +
        ' — profiles: mutex, goroutine — instance="10.0.0.1:8080"'
    );
    expect(annotationText({ ...row, cause: 'mixed', possibleCauses: 'gc,cpu_throttling', peak: 1.5 })).toMatch(
      /^P99 spike: mixed of gc, cpu_throttling \(confidence 0\.82\) — peak 1\.50 s vs 120 ms before/
    );
  });
});

describe('spikeAnnotations', () => {
  it('turns each events row into a region with the cause in the text and [cause, kind] as tags', async () => {
    const ds = dataSourceOver(rangeTransport(gcStormTable()).transport);
    const frames = await ds.query(request({ refId: 'A', queryType: QueryType.Spikes, selector: '{job="api"}' }));
    const events = spikeAnnotations((await lastValueFrom(frames)).data);
    expect(events).toEqual([
      {
        time: SPIKE_AT,
        timeEnd: SPIKE_AT + 3 * STEP_MS,
        isRegion: true,
        text: expect.stringMatching(
          /^P99 spike: gc \(confidence 0\.\d\d\) — peak 500 ms vs \d+(\.\d)? ms before — evidence: gc_/
        ),
        tags: ['gc', 'spike'],
      },
    ]);
    expect(events[0].text).toContain('instance=&quot;10.0.0.1:8080&quot;');
  });

  it('reads only events frames of the spikes query type', () => {
    const p99 = p99Frame({ instance: 'a' }, [1], [0.1], 'A');
    expect(spikeAnnotations([p99, spikeEventsFrame([], 'A', [])])).toEqual([]);
  });

  it('keeps a hostile label value plain text: Grafana renders annotation text as HTML', () => {
    const text = annotationText({ ...row, labels: JSON.stringify({ pod: '<img src=x onerror=alert(1)>' }) });
    expect(escapeHtml(text)).toContain('pod=&quot;&lt;img src=x onerror=alert(1)&gt;&quot;');
    expect(escapeHtml(text)).not.toMatch(/[<>]/);
  });
});

describe('spikeAnnotationSupport', () => {
  const support = spikeAnnotationSupport;

  it('makes every annotation a spikes query, keeping what the user set', () => {
    const legacy = support.prepareAnnotation!({ name: 'Spikes', enable: true, iconColor: 'red' });
    expect(legacy.target).toEqual({ refId: 'Anno', queryType: 'spikes', schemaVersion: 1, selector: '' });
    const saved = {
      name: 'Spikes',
      enable: true,
      iconColor: 'red',
      target: { refId: 'X', queryType: QueryType.HealthSnapshot, selector: '{job="api"}', k: 4 },
    } as AnnotationQuery<StabilityQuery>;
    const prepared = support.prepareAnnotation!(saved);
    expect(prepared.target).toEqual({
      refId: 'X',
      queryType: 'spikes',
      schemaVersion: 1,
      selector: '{job="api"}',
      k: 4,
    });
    expect(support.prepareQuery!(prepared)).toEqual(prepared.target);
    expect(support.getDefaultQuery!()).toMatchObject({ queryType: 'spikes' });
  });

  it('runs end to end as Grafana runs it: prepare, query with refId Anno, process the frames', async () => {
    const ds = dataSourceOver(rangeTransport(gcStormTable()).transport);
    const saved = { name: 'Spikes', enable: true, iconColor: 'red', target: { refId: 'A', selector: '{job="api"}' } };
    const annotation = ds.annotations!.prepareAnnotation!(saved);
    const query = ds.annotations!.prepareQuery!(annotation)!;
    const response = await lastValueFrom(ds.query(request({ ...query, refId: 'Anno' })));
    const events = await lastValueFrom(ds.annotations!.processEvents!(annotation, response.data));
    expect(events?.map((e) => [e.time, e.tags])).toEqual([[SPIKE_AT, ['gc', 'spike']]]);
  });
});

function request(target: StabilityQuery): DataQueryRequest<StabilityQuery> {
  return {
    targets: [target],
    range: { from: dateTime(FROM), to: dateTime(TO) },
    scopedVars: {},
  } as unknown as DataQueryRequest<StabilityQuery>;
}

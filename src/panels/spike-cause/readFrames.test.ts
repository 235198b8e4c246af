import { createDataFrame, FieldType, toDataFrame } from '@grafana/data';

import { QueryType } from '../../shared/queryTypes';
import { SpikeField, SpikeFrameRole } from '../../shared/spikeFrames';
import { readSpikeFrames } from './readFrames';
import { eventRow, eventsFrame, p99Frame, STEP_MS, T0 } from './testFrames';

const api = { instance: '10.0.0.1:8080', job: 'api' };

describe('readSpikeFrames', () => {
  it('reads good frames into typed records, newest first', () => {
    const older = eventRow({ start: T0, end: T0 + STEP_MS, cause: 'lock' });
    const newer = eventRow({
      kind: 'regression',
      cause: 'unexplained',
      confidence: 0,
      possible_causes: 'lock, network',
      suggested_profiles: 'mutex,goroutine,trace',
    });
    const data = readSpikeFrames([
      p99Frame(api, [0.1, 0.2]),
      p99Frame({ ...api, instance: 'b' }, [0.1]),
      eventsFrame([older, newer]),
    ]);

    expect(data.p99Frames).toHaveLength(2);
    expect(data.hasEventsFrame).toBe(true);
    expect(data.problems).toEqual([]);
    expect(data.notices).toEqual(['lock: not observable (needs Go >= 1.20 and runtime metrics)']);
    expect(data.events.map((e) => e.cause)).toEqual(['unexplained', 'lock']);
    const [first] = data.events;
    expect(first).toMatchObject({
      refId: 'A',
      startMs: newer.start,
      endMs: newer.end,
      kind: 'regression',
      peak: 0.8,
      baseline: 0.1,
      confidence: 0,
      labels: api,
      possibleCauses: ['lock', 'network'],
      suggestedProfiles: ['mutex', 'goroutine', 'trace'],
      problems: [],
    });
    expect(first.evidence[0]).toEqual({ signal: 'gc_pause_p99', cause: 'gc', baseline: 0.0002, value: 0.012, z: 9.5 });
    expect(new Set(data.events.map((e) => e.id)).size).toBe(2);
  });

  it('keeps ids stable across refreshes and unique for identical rows', () => {
    const a = readSpikeFrames([eventsFrame([eventRow(), eventRow()])]);
    const b = readSpikeFrames([eventsFrame([eventRow(), eventRow()])]);
    expect(a.events.map((e) => e.id)).toEqual(b.events.map((e) => e.id));
    expect(a.events[0].id).not.toBe(a.events[1].id);
  });

  it('says so when there is no events frame, and still returns the P99 frames', () => {
    const data = readSpikeFrames([p99Frame(api, [0.1])]);
    expect(data.hasEventsFrame).toBe(false);
    expect(data.events).toEqual([]);
    expect(data.p99Frames).toHaveLength(1);
    expect(data.problems[0]).toMatch(/no events frame/);
  });

  it('reads a partial events frame with the missing fields empty', () => {
    const omit = [SpikeField.End, SpikeField.Kind, SpikeField.Peak, SpikeField.Evidence, SpikeField.Labels];
    const data = readSpikeFrames([eventsFrame([eventRow()], omit)]);
    expect(data.events).toHaveLength(1);
    expect(data.events[0]).toMatchObject({ kind: 'spike', peak: null, evidence: [], labels: {}, cause: 'gc' });
    expect(data.events[0].endMs).toBe(data.events[0].startMs);
    expect(data.problems.join(' ')).toMatch(/lacks "end", "kind", "peak", "labels", "evidence"/);
  });

  it('cannot place events without a start field, and shows a missing cause as unknown', () => {
    expect(readSpikeFrames([eventsFrame([eventRow()], [SpikeField.Start])]).problems[0]).toMatch(/no "start" field/);
    const noCause = readSpikeFrames([eventsFrame([eventRow()], [SpikeField.Cause])]);
    expect(noCause.events[0].cause).toBe('unknown');
    expect(noCause.problems[0]).toMatch(/no "cause" field/);
  });

  it('survives malformed evidence and labels, NaN numbers and bad start times', () => {
    const rows = [
      eventRow({ evidence: '{not json', labels: '[1,2]' }),
      eventRow({
        evidence: JSON.stringify([{ signal: 'threads', z: 'x' }, 42, null, { z: 3 }]),
        peak: NaN,
        confidence: 7,
      }),
      eventRow({ start: NaN }),
    ];
    const data = readSpikeFrames([eventsFrame(rows)]);
    expect(data.events).toHaveLength(2);
    const broken = data.events.find((e) => e.problems.some((p) => p.startsWith('Evidence could not')))!;
    expect(broken.evidence).toEqual([]);
    expect(broken.labels).toEqual({});
    expect(broken.problems).toContain('Labels could not be read (not a JSON object).');
    const partial = data.events.find((e) => e !== broken)!;
    expect(partial.evidence).toEqual([{ signal: 'threads', cause: '', baseline: null, value: null, z: null }]);
    expect(partial.peak).toBeNull();
    expect(partial.confidence).toBe(1);
    expect(data.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/1 event\(s\) without a valid start/),
        expect.stringMatching(/1 event\(s\) carry evidence that could not be read/),
      ])
    );
  });

  it('recognises frames by their fields when a transformation dropped meta.custom.role', () => {
    const p99 = toDataFrame({
      fields: [
        { name: 'time', type: FieldType.time, values: [T0] },
        { name: 'p99', type: FieldType.number, values: [0.1] },
      ],
    });
    const events = createDataFrame({
      meta: { custom: { queryType: QueryType.Spikes } },
      fields: [
        { name: 'start', type: FieldType.time, values: [T0] },
        { name: 'cause', type: FieldType.string, values: ['network'] },
      ],
    });
    const data = readSpikeFrames([p99, events]);
    expect(data.p99Frames).toEqual([p99]);
    expect(data.events.map((e) => e.cause)).toEqual(['network']);
  });

  it('ignores frames of another role', () => {
    const other = createDataFrame({ meta: { custom: { queryType: QueryType.Spikes, role: 'future' } }, fields: [] });
    expect(readSpikeFrames([other, eventsFrame([eventRow()])]).events).toHaveLength(1);
    expect(SpikeFrameRole.Events).toBe('events');
  });
});

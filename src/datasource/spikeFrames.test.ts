import { FieldType } from '@grafana/data';

import { attributeEvents, detectSpikes } from '../engine/spikes';
import { addStep, evenTimestamps, noisyLevel } from '../engine/spikes/testHelpers';
import { QueryType } from '../shared/queryTypes';
import { SpikeField, SpikeFrameRole } from '../shared/spikeFrames';
import { p99Frame, spikeEventsFrame, type SpikeRow } from './spikeFrames';

const ts = evenTimestamps(200, 15);
const p99 = addStep(noisyLevel(200, 0.1, 0.002, 1), 120, 123, 0.4);
const gcPause = addStep(noisyLevel(200, 0.0005, 0.00002, 2), 119, 124, 0.02);

function rows(labels: Record<string, string>): SpikeRow[] {
  const { events } = detectSpikes(ts, p99, { stepSeconds: 15 });
  const { attributions } = attributeEvents(events, [{ id: 'gc_pause_p99', timestamps: ts, values: gcPause }], {
    stepSeconds: 15,
  });
  return events.map((event, i) => ({ labels, event, attribution: attributions[i] }));
}

describe('p99Frame', () => {
  it('is a time and a p99 field with the group labels, unit s, NaN as holes', () => {
    const frame = p99Frame({ job: 'api', instance: 'a:1' }, [1000, 2000], [0.1, NaN], 'A');
    expect(frame.refId).toBe('A');
    expect(frame.meta?.custom).toEqual({ queryType: QueryType.Spikes, role: SpikeFrameRole.P99 });
    expect(frame.fields.map((f) => [f.name, f.type])).toEqual([
      [SpikeField.Time, FieldType.time],
      [SpikeField.P99, FieldType.number],
    ]);
    expect(frame.fields[0].values).toEqual([1000, 2000]);
    expect(frame.fields[1].values).toEqual([0.1, null]);
    expect(frame.fields[1].config.unit).toBe('s');
    expect(frame.fields[1].labels).toEqual({ instance: 'a:1', job: 'api' });
  });
});

describe('spikeEventsFrame', () => {
  it('has every field of the contract, in its order and types', () => {
    const frame = spikeEventsFrame([], 'A', []);
    expect(frame.meta?.custom).toEqual({ queryType: QueryType.Spikes, role: SpikeFrameRole.Events });
    expect(frame.fields.map((f) => [f.name, f.type])).toEqual([
      [SpikeField.Start, FieldType.time],
      [SpikeField.End, FieldType.time],
      [SpikeField.Kind, FieldType.string],
      [SpikeField.Peak, FieldType.number],
      [SpikeField.Baseline, FieldType.number],
      [SpikeField.Cause, FieldType.string],
      [SpikeField.Confidence, FieldType.number],
      [SpikeField.Labels, FieldType.string],
      [SpikeField.Evidence, FieldType.string],
      [SpikeField.Explanation, FieldType.string],
      [SpikeField.PossibleCauses, FieldType.string],
      [SpikeField.SuggestedProfiles, FieldType.string],
    ]);
    expect(frame.length).toBe(0);
  });

  it('writes one row per event: times in ms, labels and evidence as JSON, lists comma-separated', () => {
    const notices = [{ severity: 'info' as const, text: 'lock: not observable' }];
    const frame = spikeEventsFrame(rows({ job: 'api', instance: '10.0.0.1:8080' }), 'A', notices);
    const value = (name: string) => frame.fields.find((f) => f.name === name)!.values[0];
    expect(frame.length).toBe(1);
    expect(value(SpikeField.Start)).toBe(ts[120]);
    expect(value(SpikeField.End)).toBe(ts[122]);
    expect(value(SpikeField.Kind)).toBe('spike');
    expect(value(SpikeField.Peak)).toBeCloseTo(0.5, 1);
    expect(value(SpikeField.Baseline)).toBeCloseTo(0.1, 2);
    expect(value(SpikeField.Cause)).toBe('gc');
    expect(value(SpikeField.Labels)).toBe('{"instance":"10.0.0.1:8080","job":"api"}');
    const evidence = JSON.parse(value(SpikeField.Evidence));
    expect(evidence).toEqual([
      {
        signal: 'gc_pause_p99',
        cause: 'gc',
        baseline: expect.any(Number),
        value: expect.any(Number),
        z: expect.any(Number),
      },
    ]);
    expect(evidence[0].z).toBeGreaterThan(3);
    expect(value(SpikeField.Explanation)).toMatch(/^GC/);
    expect(value(SpikeField.PossibleCauses)).toBe('gc');
    expect(value(SpikeField.SuggestedProfiles)).toBe('allocs,heap');
    expect(frame.meta?.notices).toEqual(notices);
  });
});

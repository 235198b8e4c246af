import { type DataFrame, dateTime, LoadingState, type PanelProps, toDataFrame } from '@grafana/data';
import { act, fireEvent, render, type RenderResult, screen, within } from '@testing-library/react';
import React from 'react';

import { SpikeField } from '../../shared/spikeFrames';
import { testIds } from '../../shared/testIds';
import { stubCanvas } from './canvasStub';
import { SpikeCausePanel } from './SpikeCausePanel';
import { spikeTestIds } from './testIds';
import { eventRow, eventsFrame, p99Frame, STEP_MS, T0 } from './testFrames';
import { defaultSpikeCauseOptions, type SpikeCausePanelOptions } from './types';

async function renderPanel(
  series: DataFrame[],
  options: Partial<SpikeCausePanelOptions> = {},
  size = { width: 1000, height: 600 }
) {
  const props = {
    id: 1,
    data: {
      state: LoadingState.Done,
      series,
      timeRange: { from: dateTime(T0), to: dateTime(T0 + 60 * STEP_MS), raw: { from: 'now-15m', to: 'now' } },
      request: { targets: [{ refId: 'A', datasource: { uid: 'ds-uid', type: 'gosre-stability-datasource' } }] },
    },
    timeRange: { from: dateTime(T0), to: dateTime(T0 + 60 * STEP_MS), raw: { from: 'now-15m', to: 'now' } },
    timeZone: 'utc',
    options: { ...defaultSpikeCauseOptions, ...options },
    fieldConfig: { defaults: {}, overrides: [] },
    transparent: false,
    renderCounter: 0,
    title: 'P99',
    eventBus: undefined,
    onOptionsChange: jest.fn(),
    onFieldConfigChange: jest.fn(),
    replaceVariables: (s: string) => s,
    onChangeTimeRange: jest.fn(),
    ...size,
  } as unknown as PanelProps<SpikeCausePanelOptions>;
  // uPlot lays out and draws in a microtask; let it finish (and the overlay follow) inside act.
  let result: RenderResult | undefined;
  await act(async () => {
    result = render(<SpikeCausePanel {...props} />);
  });
  return result!;
}

const api = { instance: '10.0.0.1:8080', job: 'api' };
const p99 = p99Frame(
  api,
  Array.from({ length: 60 }, (_, i) => (i >= 10 && i <= 12 ? 0.8 : 0.1))
);

const rows = () => screen.getAllByTestId(spikeTestIds.listRow);
const evidence = () => screen.getByTestId(spikeTestIds.evidence);

describe('SpikeCausePanel', () => {
  let restoreCanvas: () => void;
  beforeAll(() => {
    restoreCanvas = stubCanvas();
  });
  afterAll(() => restoreCanvas());

  it('keeps saying which query it needs when no spikes frames arrive', async () => {
    await renderPanel([toDataFrame({ fields: [{ name: 'x', values: [1] }] })]);
    expect(screen.getByTestId(testIds.panels.wrongQueryType)).toHaveTextContent('Latency spikes');
  });

  it('draws the chart and lists the spikes newest first with their cause', async () => {
    const older = eventRow({ start: T0 + 5 * STEP_MS, end: T0 + 6 * STEP_MS, cause: 'lock' });
    const newer = eventRow({ start: T0 + 30 * STEP_MS, end: T0 + 31 * STEP_MS, cause: 'gc' });
    await renderPanel([p99, eventsFrame([older, newer])]);
    expect(screen.getByTestId(spikeTestIds.chart)).toBeInTheDocument();
    expect(rows().map((r) => r.getAttribute('data-cause'))).toEqual(['gc', 'lock']);
    expect(rows()[0]).toHaveTextContent('GC');
    expect(rows()[1]).toHaveTextContent('Lock contention');
    expect(rows()[0]).toHaveTextContent('instance=10.0.0.1:8080, job=api');
  });

  it('marks each spike on the chart in its cause colour; clicking a marker shows its evidence', async () => {
    const lock = eventRow({ start: T0 + 5 * STEP_MS, end: T0 + 6 * STEP_MS, cause: 'lock' });
    const gc = eventRow({ start: T0 + 30 * STEP_MS, end: T0 + 31 * STEP_MS, cause: 'gc', kind: 'regression' });
    await renderPanel([p99, eventsFrame([lock, gc])]);
    const markers = screen.getAllByTestId(spikeTestIds.marker);
    expect(markers.map((m) => m.getAttribute('aria-label'))).toEqual([
      'GC regression, 2024-01-02 10:07:30 – 10:07:45 (15s)',
      'Lock contention spike, 2024-01-02 10:01:15 – 10:01:30 (15s)',
    ]);
    const legendDot = within(screen.getByTestId(spikeTestIds.legend)).getByText('Lock contention').firstElementChild;
    expect(markers[1].style.background).toBe((legendDot as HTMLElement).style.background);
    expect(markers[0].style.background).not.toBe(markers[1].style.background);
    await act(async () => {
      fireEvent.click(markers[1]);
    });
    expect(within(evidence()).getByTestId(`${spikeTestIds.evidence}-cause`)).toHaveTextContent('Lock contention');
    expect(screen.getAllByTestId(spikeTestIds.marker)[1]).toHaveAttribute('aria-pressed', 'true');
    expect(rows()[1]).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows the verdict, evidence with units, possible causes, profiles and the profile link of the clicked spike', async () => {
    const lock = eventRow({
      start: T0 + 5 * STEP_MS,
      cause: 'mixed',
      confidence: 0.42,
      explanation: 'Mixed: GC and lock contention moved together.',
      evidence: JSON.stringify([
        { signal: 'mutex_wait_rate', cause: 'lock', baseline: 0.001, value: 0.2, z: 8 },
        { signal: 'gc_pause_p99', cause: 'gc', baseline: 0.0002, value: 0.012, z: 9.5 },
        { signal: 'gc_cpu_ratio', cause: 'gc', baseline: 0.02, value: 0.25, z: 6.1 },
        { signal: 'tcp_retransmit_rate', cause: 'network', baseline: 1, value: 2, z: 0.5 },
      ]),
      possible_causes: 'gc,lock',
      suggested_profiles: 'allocs,heap,mutex',
    });
    await renderPanel([p99, eventsFrame([eventRow({ start: T0 + 30 * STEP_MS }), lock])]);
    expect(within(evidence()).getByTestId(`${spikeTestIds.evidence}-cause`)).toHaveTextContent('GC');

    await act(async () => {
      fireEvent.click(rows()[1]);
    });
    const box = evidence();
    expect(within(box).getByTestId(`${spikeTestIds.evidence}-cause`)).toHaveTextContent('Mixed');
    expect(box).toHaveTextContent('confidence 42 %');
    expect(box).toHaveTextContent('Mixed: GC and lock contention moved together.');
    const table = within(box)
      .getAllByTestId(spikeTestIds.evidenceRow)
      .map((r) => r.textContent);
    expect(table[0]).toMatch(/^gc_pause_p99 \(GC\)200 µs12 ms9\.5$/);
    expect(table[1]).toMatch(/^mutex_wait_rate \(Lock contention\)1 ms\/s200 ms\/s8\.0$/);
    expect(table[2]).toMatch(/^gc_cpu_ratio \(GC\)2\.0%25\.0%6\.1$/);
    expect(table[3]).toMatch(/^tcp_retransmit_rate \(Network\)1\/s2\/s0\.5$/);
    expect(box).toHaveTextContent('Possible causes: GC, Lock contention');
    expect(box).toHaveTextContent('Profiles that would tell them apart: allocs, heap, mutex');
    const link = within(box).getByTestId(spikeTestIds.exploreLink);
    expect(link).toHaveTextContent(
      'Capture a CPU profile now (the spike is over: a Go service keeps no past profiles)'
    );
    expect(link.getAttribute('href')).toMatch(/^\/explore\?/);
    expect(link.getAttribute('href')).toContain('ds-uid');
  });

  it('offers a live profile while the spike is still going on', async () => {
    const now = Date.now();
    await renderPanel([p99, eventsFrame([eventRow({ start: now - 60_000, end: now })])]);
    expect(screen.getByTestId(spikeTestIds.exploreLink)).toHaveTextContent(
      'Capture a CPU profile now (the spike is still going on)'
    );
  });

  it('shows hostile label, cause and evidence text as text, never as HTML', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = await renderPanel([
      p99,
      eventsFrame([
        eventRow({
          cause: hostile,
          labels: JSON.stringify({ instance: hostile, job: '<script>alert(2)</script>' }),
          explanation: `<b>bold</b>${hostile}`,
          evidence: JSON.stringify([{ signal: hostile, cause: hostile, baseline: 1, value: 2, z: 3 }]),
          possible_causes: hostile,
          suggested_profiles: '<a href="javascript:alert(3)">cpu</a>',
        }),
      ]),
    ]);
    expect(container.querySelector('img, script, b, a:not([data-testid])')).toBeNull();
    expect(rows()[0]).toHaveTextContent(`instance=${hostile}, job=<script>alert(2)</script>`);
    expect(evidence()).toHaveTextContent(`<b>bold</b>${hostile}`);
    expect(screen.getByTestId(spikeTestIds.breakdown)).toHaveTextContent(hostile);
    const link = screen.getByTestId(spikeTestIds.exploreLink);
    expect(link.getAttribute('href')).not.toMatch(/[<>"]/);
    await act(async () => {
      fireEvent.mouseEnter(screen.getByTestId(spikeTestIds.marker));
    });
    expect(await screen.findByRole('tooltip')).toHaveTextContent(`${hostile} spike`);
    expect(document.querySelector('img, script, b')).toBeNull();
  });

  it('counts spikes per cause in the breakdown, with or without regressions', async () => {
    const at = (i: number, over: Parameters<typeof eventRow>[0]) => eventRow({ start: T0 + i * STEP_MS, ...over });
    const series = [
      p99,
      eventsFrame([
        at(1, { cause: 'gc' }),
        at(2, { cause: 'gc' }),
        at(3, { cause: 'lock' }),
        at(4, { cause: 'mixed' }),
        at(5, { cause: 'unexplained' }),
        at(6, { cause: 'gc', kind: 'regression', end: T0 + 20 * STEP_MS }),
      ]),
    ];
    const counts = () =>
      screen.getAllByTestId(spikeTestIds.breakdownRow).map((r) => [r.getAttribute('data-cause'), r.textContent]);
    const { unmount } = await renderPanel(series);
    expect(screen.getByTestId(spikeTestIds.breakdown)).toHaveTextContent('6 spikes and regressions by cause');
    expect(counts()).toEqual([
      ['gc', 'GC350 %'],
      ['lock', 'Lock contention117 %'],
      ['mixed', 'Mixed117 %'],
      ['unexplained', 'Unexplained117 %'],
    ]);
    unmount();
    await renderPanel(series, { showRegressions: false });
    expect(screen.getByTestId(spikeTestIds.breakdown)).toHaveTextContent('5 spikes by cause');
    expect(counts()[0]).toEqual(['gc', 'GC240 %']);
    expect(rows()).toHaveLength(5);
  });

  it('hides the breakdown when the option is off', async () => {
    await renderPanel([p99, eventsFrame([eventRow()])], { showBreakdown: false });
    expect(screen.queryByTestId(spikeTestIds.breakdown)).toBeNull();
    expect(rows()).toHaveLength(1);
  });

  it('says what is missing instead of crashing: no events frame, zero groups, bad evidence', async () => {
    const { unmount } = await renderPanel([p99]);
    expect(screen.getByTestId(spikeTestIds.problems)).toHaveTextContent('no events frame');
    expect(screen.getByTestId(spikeTestIds.chart)).toBeInTheDocument();
    unmount();

    await renderPanel([eventsFrame([eventRow({ evidence: '{oops', peak: NaN })], [SpikeField.Confidence])]);
    expect(screen.getByTestId(spikeTestIds.chartEmpty)).toHaveTextContent('No P99 series');
    expect(screen.getByTestId(spikeTestIds.problems)).toHaveTextContent('lacks "confidence"');
    expect(evidence()).toHaveTextContent('Evidence could not be read');
    expect(evidence()).toHaveTextContent('P99 – against a baseline of 100 ms');
  });

  it('lists hundreds of events, capped, on a narrow panel', async () => {
    const many = Array.from({ length: 700 }, (_, i) => eventRow({ start: T0 + i * 1000, end: T0 + i * 1000 + 500 }));
    await renderPanel([p99, eventsFrame(many)], {}, { width: 400, height: 500 });
    expect(rows()).toHaveLength(300);
    expect(screen.getByTestId(spikeTestIds.list)).toHaveTextContent('The newest 300 of 700 events');
    expect(screen.getByTestId(spikeTestIds.breakdown)).toHaveTextContent('700 spikes and regressions by cause');
  });
});

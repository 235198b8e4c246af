import { createDataFrame, type DataFrame, dateTime, LoadingState, type PanelProps, toDataFrame } from '@grafana/data';
import { act, render, screen, within } from '@testing-library/react';
import React from 'react';

import { OomField } from '../../shared/oomFrames';
import { QueryType } from '../../shared/queryTypes';
import { testIds } from '../../shared/testIds';
import { OomCountdownPanel } from './OomCountdownPanel';
import { oomTestIds } from './testIds';
import { EVAL_MS, forecastFrame, MIB } from './testFrames';
import { defaultOomCountdownOptions, type OomCountdownPanelOptions } from './types';

function panelProps(
  series: DataFrame[],
  options: Partial<OomCountdownPanelOptions> = {},
  { width = 1000, height = 600, to = 'now' }: { width?: number; height?: number; to?: string } = {}
) {
  const timeRange = { from: dateTime(EVAL_MS - 3_600_000), to: dateTime(EVAL_MS), raw: { from: 'now-1h', to } };
  return {
    id: 1,
    data: { state: LoadingState.Done, series, timeRange },
    timeRange,
    timeZone: 'utc',
    options: { ...defaultOomCountdownOptions, ...options },
    fieldConfig: { defaults: {}, overrides: [] },
    transparent: false,
    renderCounter: 0,
    title: 'OOM countdown',
    eventBus: undefined,
    onOptionsChange: jest.fn(),
    onFieldConfigChange: jest.fn(),
    replaceVariables: (s: string) => s,
    onChangeTimeRange: jest.fn(),
    width,
    height,
  } as unknown as PanelProps<OomCountdownPanelOptions>;
}

function renderPanel(...args: Parameters<typeof panelProps>) {
  return render(<OomCountdownPanel {...panelProps(...args)} />);
}

const tiles = () => screen.getAllByTestId(oomTestIds.tile);
const part = (tile: HTMLElement, id: string) => within(tile).getByTestId(id);
const tick = (ms: number) =>
  act(() => {
    jest.advanceTimersByTime(ms);
  });

describe('OomCountdownPanel', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(EVAL_MS);
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('keeps saying which query it needs when no OOM frames arrive', () => {
    renderPanel([toDataFrame({ fields: [{ name: 'x', values: [1] }] })]);
    expect(screen.getByTestId(testIds.panels.wrongQueryType)).toHaveTextContent('OOM forecast');
  });

  it('shows one tile per instance, soonest to the limit first', () => {
    renderPanel([
      forecastFrame({ labels: { pod: 'calm' }, state: 'ok', ttl: null }),
      forecastFrame({ labels: { pod: 'later' }, state: 'warning', ttl: 250 }),
      forecastFrame({ labels: { pod: 'soon' }, state: 'imminent', ttl: 12 }),
    ]);
    expect(tiles().map((t) => part(t, oomTestIds.name).textContent)).toEqual(['soon', 'later', 'calm']);
    expect(tiles().map((t) => part(t, oomTestIds.countdown).textContent)).toEqual(['12 s', '4 min 10 s', '—']);
  });

  it('says the state in words and colour: Imminent tints the whole tile', () => {
    renderPanel([
      forecastFrame({ labels: { pod: 'a' }, state: 'imminent', ttl: 12 }),
      forecastFrame({ labels: { pod: 'b' }, state: 'ok', ttl: null }),
    ]);
    const [imminent, ok] = tiles();
    expect(part(imminent, oomTestIds.state)).toHaveTextContent(/^Imminent$/);
    expect(imminent).toHaveAttribute('data-state', 'imminent');
    expect(part(ok, oomTestIds.state)).toHaveTextContent(/^OK$/);
    expect(imminent.style.background).not.toBe(ok.style.background);
    expect(imminent).toHaveAccessibleName('a: Imminent, 12 s');
  });

  it('shows memory against the limit, the soft limit apart, and the summary', () => {
    renderPanel([forecastFrame({ softLimit: 200 * MIB })]);
    const [tile] = tiles();
    expect(part(tile, oomTestIds.memory)).toHaveTextContent('231 MiB of 256 MiB, 90 %');
    expect(part(tile, oomTestIds.softLimit)).toHaveTextContent(
      'Soft limit 200 MiB (GOMEMLIMIT): GC works harder above it, not a kill'
    );
    expect(part(tile, oomTestIds.summary)).toHaveTextContent('peak 231 MiB of 256 MiB');
    expect(tile).toHaveTextContent('left until the 256 MiB limit');
    expect(within(tile).getByRole('meter')).toHaveAttribute('aria-valuenow', '90');
  });

  it('counts down every second between refreshes and stops at zero', () => {
    renderPanel([forecastFrame({ state: 'warning', ttl: 42 })]);
    const countdown = () => part(tiles()[0], oomTestIds.countdown).textContent;
    expect(countdown()).toBe('42 s');
    tick(1000);
    expect(countdown()).toBe('41 s');
    tick(5000);
    expect(countdown()).toBe('36 s');
    expect(tiles()[0]).toHaveAttribute('data-state', 'warning');
    // Under the 30 s imminent threshold the tile turns red while you watch.
    tick(7000);
    expect(countdown()).toBe('29 s');
    expect(tiles()[0]).toHaveAttribute('data-state', 'imminent');
    tick(60_000);
    expect(countdown()).toBe('Limit reached');
    tick(10_000);
    expect(countdown()).toBe('Limit reached');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('counts from the evaluation time, not from when the data arrived', () => {
    jest.setSystemTime(EVAL_MS + 10_000);
    renderPanel([forecastFrame({ ttl: 200 })]);
    expect(part(tiles()[0], oomTestIds.countdown)).toHaveTextContent('3 min 10 s');
  });

  it('does not tick for a time range that ends in the past', () => {
    renderPanel([forecastFrame({ ttl: 42 })], {}, { to: '2024-01-02T10:00:00Z' });
    tick(5000);
    const [tile] = tiles();
    expect(part(tile, oomTestIds.countdown)).toHaveTextContent('42 s');
    expect(tile).toHaveTextContent('(at the end of the time range)');
    expect(jest.getTimerCount()).toBe(0);
  });

  it("lets the panel's thresholds override an ok state when little time is left", () => {
    const { unmount } = renderPanel([forecastFrame({ state: 'ok', ttl: 20 })], { imminentSeconds: 30 });
    let [tile] = tiles();
    expect(part(tile, oomTestIds.state)).toHaveTextContent(/^Imminent$/);
    expect(part(tile, oomTestIds.thresholdNote)).toHaveTextContent(
      "At or under this panel's 30 s threshold (data source: OK)"
    );
    unmount();

    renderPanel([forecastFrame({ state: 'ok', ttl: 20 })], { imminentSeconds: 10, warningSeconds: 60 });
    [tile] = tiles();
    expect(part(tile, oomTestIds.state)).toHaveTextContent(/^Warning$/);
  });

  it('keeps a stricter data source state over lenient thresholds', () => {
    renderPanel([forecastFrame({ state: 'imminent', ttl: 3600 })], { imminentSeconds: 1, warningSeconds: 2 });
    const [tile] = tiles();
    expect(part(tile, oomTestIds.state)).toHaveTextContent(/^Imminent$/);
    expect(within(tile).queryByTestId(oomTestIds.thresholdNote)).toBeNull();
  });

  it('shows hostile labels and summary as text, never as HTML', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = renderPanel([
      forecastFrame({
        labels: { instance: hostile, job: '<script>alert(2)</script>' },
        summary: `<b>bold</b>${hostile}`,
      }),
    ]);
    const [tile] = tiles();
    expect(container.querySelector('img, script, b')).toBeNull();
    expect(part(tile, oomTestIds.name)).toHaveTextContent(hostile);
    expect(tile).toHaveTextContent('job=<script>alert(2)</script>');
    expect(part(tile, oomTestIds.summary)).toHaveTextContent(`<b>bold</b>${hostile}`);
  });

  it('draws the trajectory unless the option is off', () => {
    const { unmount } = renderPanel([forecastFrame()]);
    const svg = part(tiles()[0], oomTestIds.sparkline);
    expect(svg.querySelectorAll('path').length).toBe(4);
    unmount();
    renderPanel([forecastFrame()], { showSparkline: false });
    expect(screen.queryByTestId(oomTestIds.sparkline)).toBeNull();
  });

  it('gives one instance the whole panel and many a scrolling grid', () => {
    const { unmount } = renderPanel([forecastFrame()], {}, { width: 900, height: 500 });
    expect(tiles()[0].style.width).toBe('900px');
    expect(tiles()[0].style.height).toBe('500px');
    unmount();
    renderPanel(
      Array.from({ length: 40 }, (_, i) => forecastFrame({ labels: { pod: `pod-${i}` }, ttl: 100 + i })),
      {},
      { width: 900, height: 500 }
    );
    expect(tiles()).toHaveLength(40);
    expect(parseFloat(tiles()[0].style.width)).toBeLessThan(300);
  });

  it('degrades instead of crashing: missing fields, NaN, no limit, no usage', () => {
    const broken = createDataFrame({
      meta: { custom: { queryType: QueryType.OomForecast, role: 'forecast', state: 'ok', labels: { pod: 'broken' } } },
      fields: [
        { name: OomField.Time, type: 'time' as never, values: [EVAL_MS - 1000, EVAL_MS] },
        { name: OomField.Usage, type: 'number' as never, values: [NaN, NaN] },
      ],
    });
    renderPanel([
      broken,
      forecastFrame({ labels: { pod: 'unlimited' }, limit: null, state: 'no_limit', ttl: null }),
      forecastFrame({ labels: { pod: 'silent' }, usage: [null, null], state: 'no_data', ttl: null }),
    ]);
    const byName = (name: string) => tiles().find((t) => part(t, oomTestIds.name).textContent === name)!;
    expect(part(byName('broken'), oomTestIds.tileProblems)).toHaveTextContent('No "limit"');
    expect(part(byName('broken'), oomTestIds.memory)).toHaveTextContent('No memory sample and no limit');
    expect(part(byName('unlimited'), oomTestIds.state)).toHaveTextContent(/^No limit$/);
    expect(part(byName('unlimited'), oomTestIds.memory)).toHaveTextContent('231 MiB, no memory limit known');
    expect(part(byName('silent'), oomTestIds.state)).toHaveTextContent(/^No data$/);
    expect(part(byName('silent'), oomTestIds.countdown)).toHaveTextContent('—');
  });

  it('says why when the query found no instance', () => {
    renderPanel([
      createDataFrame({
        meta: {
          custom: { queryType: QueryType.OomForecast },
          notices: [{ severity: 'warning', text: 'No go_memstats_heap_inuse_bytes series match the selector' }],
        },
        fields: [],
      }),
    ]);
    expect(screen.getByTestId(oomTestIds.empty)).toHaveTextContent('no instance to count down');
    expect(screen.getByTestId(oomTestIds.empty)).toHaveTextContent('No go_memstats_heap_inuse_bytes series match');
    expect(screen.queryByTestId(oomTestIds.problems)).toBeNull();
  });

  it('lists query errors above the tiles', () => {
    const props = panelProps([forecastFrame()]);
    props.data.errors = [{ refId: 'B', message: 'Prometheus is down' }];
    render(<OomCountdownPanel {...props} />);
    expect(screen.getByTestId(oomTestIds.problems)).toHaveTextContent('Query B failed: Prometheus is down');
    expect(tiles()).toHaveLength(1);
  });
});

import { judgeState } from './judgeState';

const t = { warningSeconds: 300, imminentSeconds: 30 };

describe('judgeState', () => {
  it('escalates an ok state when the time left is under the panel thresholds', () => {
    expect(judgeState('ok', 20, t)).toEqual({ state: 'imminent', byThreshold: true });
    expect(judgeState('ok', 30, t)).toEqual({ state: 'imminent', byThreshold: true });
    expect(judgeState('ok', 31, t)).toEqual({ state: 'warning', byThreshold: true });
    expect(judgeState('warning', 10, t)).toEqual({ state: 'imminent', byThreshold: true });
    expect(judgeState('ok', 0, t)).toEqual({ state: 'imminent', byThreshold: true });
  });

  it('keeps the data source state when it is the stricter one', () => {
    expect(judgeState('imminent', 3600, t)).toEqual({ state: 'imminent', byThreshold: false });
    expect(judgeState('warning', 600, t)).toEqual({ state: 'warning', byThreshold: false });
    expect(judgeState('ok', 301, t)).toEqual({ state: 'ok', byThreshold: false });
    expect(judgeState('warning', null, t)).toEqual({ state: 'warning', byThreshold: false });
  });

  it('does not apply thresholds without a limit or a sample', () => {
    expect(judgeState('no_limit', 5, t)).toEqual({ state: 'no_limit', byThreshold: false });
    expect(judgeState('no_data', 5, t)).toEqual({ state: 'no_data', byThreshold: false });
  });

  it('falls back on the default thresholds when the saved ones are junk', () => {
    expect(judgeState('ok', 200, { warningSeconds: NaN })).toEqual({ state: 'warning', byThreshold: true });
    expect(judgeState('ok', 20, {})).toEqual({ state: 'imminent', byThreshold: true });
  });
});

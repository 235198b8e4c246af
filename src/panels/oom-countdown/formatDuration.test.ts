import { formatDuration, NO_DURATION } from './formatDuration';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [1, '1 s'],
    [0.2, '1 s'],
    [41.9999999999, '42 s'],
    [42, '42 s'],
    [59.5, '1 min'],
    [60, '1 min'],
    [200, '3 min 20 s'],
    [3599, '59 min 59 s'],
    [3600, '1 h'],
    [3900, '1 h 5 min'],
    [3959, '1 h 5 min'],
    [86_399, '23 h 59 min'],
    [86_400, '1 d'],
    [2 * 86_400 + 3 * 3600 + 59, '2 d 3 h'],
  ])('%s s reads "%s"', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('never counts below zero', () => {
    expect(formatDuration(-5)).toBe('0 s');
    expect(formatDuration(-0.1)).toBe('0 s');
  });

  it('says nothing numeric without a finite time', () => {
    for (const v of [null, undefined, NaN, Infinity, -Infinity]) {
      expect(formatDuration(v)).toBe(NO_DURATION);
    }
  });
});

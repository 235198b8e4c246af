import { formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['1s', 1],
    ['15s', 15],
    ['250ms', 0.25],
    ['1m30s', 90],
    ['2h', 7200],
  ])('reads %s', (text, seconds) => expect(parseDuration(text)).toBe(seconds));

  it.each(['', '1', 's', '-1s', '1 s', '0s', '1x'])('refuses %j', (text) => expect(parseDuration(text)).toBeNull());
});

describe('formatDuration', () => {
  it.each([
    [1, '1s'],
    [0.25, '250ms'],
    [90, '90s'],
  ])('writes %s s as %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

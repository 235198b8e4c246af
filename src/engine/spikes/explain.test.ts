import { formatValue, suggestProfiles } from './explain';

describe('formatValue', () => {
  it.each([
    [0.000123456, 'seconds', '123 µs'],
    [0.0421, 'seconds', '42.1 ms'],
    [0, 'seconds', '0 ms'],
    [2.5, 'seconds', '2.5 s'],
    [0.1234, 'ratio', '12.3 %'],
    [3.14159, 'per_second', '3.14/s'],
    [0.002, 'seconds_per_second', '0.002 s/s'],
    [41, 'count', '41'],
  ] as const)('%p %s -> %p', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });
});

describe('suggestProfiles', () => {
  it.each([
    { verdict: 'gc', causes: ['gc'], notObservable: ['lock'], profiles: ['allocs', 'heap'] },
    { verdict: 'mixed', causes: ['lock', 'cpu_throttling'], notObservable: [], profiles: ['mutex', 'cpu'] },
    { verdict: 'unexplained', causes: [], notObservable: [], profiles: ['goroutine', 'block', 'cpu'] },
    {
      verdict: 'unexplained',
      causes: [],
      notObservable: ['network'],
      profiles: ['goroutine', 'trace', 'block', 'cpu'],
    },
  ] as const)(
    '$verdict with $causes, not observable $notObservable',
    ({ verdict, causes, notObservable, profiles }) => {
      expect(suggestProfiles(verdict, [...causes], [...notObservable])).toEqual(profiles);
    }
  );
});

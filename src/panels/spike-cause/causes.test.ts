import { causeBreakdown, causeLabel, isKnownCause } from './causes';

describe('causeBreakdown', () => {
  it('counts every verdict, mixed and unexplained included, in the contract order', () => {
    const causes = ['unexplained', 'gc', 'mixed', 'lock', 'gc', 'gc', 'cpu_throttling', 'unexplained'];
    expect(causeBreakdown(causes.map((cause) => ({ cause })))).toEqual([
      { cause: 'gc', count: 3, share: 3 / 8 },
      { cause: 'lock', count: 1, share: 1 / 8 },
      { cause: 'cpu_throttling', count: 1, share: 1 / 8 },
      { cause: 'mixed', count: 1, share: 1 / 8 },
      { cause: 'unexplained', count: 2, share: 2 / 8 },
    ]);
  });

  it('puts verdicts it does not know last, shown as they came', () => {
    const shares = causeBreakdown([{ cause: 'zeta' }, { cause: 'gc' }, { cause: 'alpha' }]);
    expect(shares.map((s) => s.cause)).toEqual(['gc', 'alpha', 'zeta']);
    expect(isKnownCause('alpha')).toBe(false);
    expect(causeLabel('alpha')).toBe('alpha');
    expect(causeLabel('cpu_throttling')).toBe('CPU throttling');
  });

  it('is empty for no events', () => {
    expect(causeBreakdown([])).toEqual([]);
  });
});

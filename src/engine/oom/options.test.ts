import { buildOomOptions, DEFAULT_OOM_OPTIONS, InvalidOomOptionError, MIB } from './options';

describe('buildOomOptions', () => {
  it('fills the documented defaults', () => {
    expect(buildOomOptions()).toEqual({
      alpha: 0.3,
      beta: 0.1,
      smoothingStepSeconds: 1,
      horizonSeconds: 40,
      imminentSeconds: 20,
      consecutiveEvaluations: 3,
      clearEvaluations: 3,
      minGrowthBytesPerSecond: 0.8 * MIB,
      envelopeWindowSeconds: 150,
      maxGapSeconds: 60,
      restartDropRatio: 0.5,
      warmupSeconds: 60,
      bandSigmas: 2,
    });
    expect(Object.isFrozen(DEFAULT_OOM_OPTIONS)).toBe(true);
  });

  it('keeps what the caller sets and treats undefined as "default"', () => {
    const o = buildOomOptions({ horizonSeconds: 120, alpha: undefined, smoothingStepSeconds: null });
    expect(o.horizonSeconds).toBe(120);
    expect(o.alpha).toBe(0.3);
    expect(o.smoothingStepSeconds).toBeNull();
  });

  it.each([
    [{ alpha: 0 }, 'oom: option alpha must be a number in (0, 1], got 0'],
    [{ beta: 1.5 }, 'oom: option beta must be a number in (0, 1], got 1.5'],
    [{ smoothingStepSeconds: -1 }, 'oom: option smoothingStepSeconds must be a finite number > 0, got -1'],
    [{ horizonSeconds: NaN }, 'oom: option horizonSeconds must be a finite number > 0, got NaN'],
    [{ imminentSeconds: 50 }, 'oom: option imminentSeconds must be <= horizonSeconds (40), got 50'],
    [{ consecutiveEvaluations: 2.5 }, 'oom: option consecutiveEvaluations must be an integer >= 1, got 2.5'],
    [{ clearEvaluations: 0 }, 'oom: option clearEvaluations must be an integer >= 1, got 0'],
    [{ minGrowthBytesPerSecond: -1 }, 'oom: option minGrowthBytesPerSecond must be a finite number >= 0, got -1'],
    [
      { envelopeWindowSeconds: Infinity },
      'oom: option envelopeWindowSeconds must be a finite number > 0, got Infinity',
    ],
    [{ maxGapSeconds: 0 }, 'oom: option maxGapSeconds must be a finite number > 0, got 0'],
    [{ restartDropRatio: 2 }, 'oom: option restartDropRatio must be a number in (0, 1], got 2'],
    [{ warmupSeconds: -5 }, 'oom: option warmupSeconds must be a finite number >= 0, got -5'],
    [{ bandSigmas: -1 }, 'oom: option bandSigmas must be a finite number >= 0, got -1'],
  ])('rejects %j naming the option and value', (input, message) => {
    expect(() => buildOomOptions(input)).toThrow(new InvalidOomOptionError('', '', '').constructor as typeof Error);
    expect(() => buildOomOptions(input)).toThrow(message);
  });
});

import { buildDetectOptions, DETECT_DEFAULTS, type DetectOptionsInput } from './detectOptions';
import { InvalidOptionError } from './optionChecks';

describe('buildDetectOptions', () => {
  it('fills the documented defaults, derived ones from the step and W', () => {
    expect(buildDetectOptions({ stepSeconds: 15 })).toEqual({
      stepSeconds: 15,
      windowSamples: DETECT_DEFAULTS.windowSamples,
      k: 3,
      continueK: 2,
      rateWindowSeconds: 60,
      minHistorySamples: 15,
      sigmaFloorRelative: 0.05,
      sigmaFloorAbsolute: 0,
      bucketBounds: null,
      bucketWidthFraction: 0.25,
      minPeakRatio: null,
      maxGapSteps: 3,
      baselineResetGapSteps: 30,
      spikeExtraSteps: 3,
      acceptNewLevelAfterSamples: 90,
    });
  });

  it('treats null as "use the default" and keeps what is given', () => {
    const options = buildDetectOptions({ stepSeconds: 10, windowSamples: 11, k: null, minPeakRatio: 2 });
    expect(options).toMatchObject({
      windowSamples: 11,
      k: 3,
      minHistorySamples: 6,
      minPeakRatio: 2,
      acceptNewLevelAfterSamples: 33,
    });
  });

  it('drops a trailing +Inf bucket bound', () => {
    const options = buildDetectOptions({ stepSeconds: 15, bucketBounds: [0.1, 0.5, Infinity] });
    expect(Array.from(options.bucketBounds!)).toEqual([0.1, 0.5]);
  });

  it('accepts Infinity to never accept a new level', () => {
    expect(
      buildDetectOptions({ stepSeconds: 15, acceptNewLevelAfterSamples: Infinity }).acceptNewLevelAfterSamples
    ).toBe(Infinity);
  });

  it.each<[string, Partial<DetectOptionsInput>, string]>([
    ['stepSeconds 0', { stepSeconds: 0 }, 'stepSeconds'],
    ['stepSeconds NaN', { stepSeconds: NaN }, 'stepSeconds'],
    ['windowSamples 2.5', { windowSamples: 2.5 }, 'windowSamples'],
    ['windowSamples 4', { windowSamples: 4 }, 'windowSamples'],
    ['k 0', { k: 0 }, 'k'],
    ['continueK above k', { k: 3, continueK: 3.5 }, 'continueK'],
    ['negative floor', { sigmaFloorRelative: -0.1 }, 'sigmaFloorRelative'],
    ['minHistorySamples above W', { minHistorySamples: 31 }, 'minHistorySamples'],
    ['minPeakRatio below 1', { minPeakRatio: 0.5 }, 'minPeakRatio'],
    ['descending bounds', { bucketBounds: [0.5, 0.1] }, 'bucketBounds'],
    ['NaN bound', { bucketBounds: [0.1, NaN] }, 'bucketBounds'],
    ['empty bounds', { bucketBounds: [Infinity] }, 'bucketBounds'],
    ['reset gap shorter than run gap', { maxGapSteps: 5, baselineResetGapSteps: 2 }, 'baselineResetGapSteps'],
    ['acceptNewLevelAfterSamples too small', { acceptNewLevelAfterSamples: 3 }, 'acceptNewLevelAfterSamples'],
  ])('rejects %s, naming the option and the value', (_name, bad, option) => {
    const build = () => buildDetectOptions({ stepSeconds: 15, ...bad });
    expect(build).toThrow(InvalidOptionError);
    expect(build).toThrow(new RegExp(`option ${option} must be .*, got `));
  });
});

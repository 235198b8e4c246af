import { bucketWidthAt, sigmaFloor } from './sigmaFloor';

const bounds = Float64Array.from([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1]);

describe('bucketWidthAt', () => {
  it.each([
    { value: 0.001, width: 0.005 }, // first bucket starts at 0
    { value: 0.005, width: 0.005 }, // le is inclusive: 0.005 is in (0, 0.005]
    { value: 0.007, width: 0.005 },
    { value: 0.0975, width: 0.05 },
    { value: 0.1, width: 0.05 },
    { value: 0.12, width: 0.15 },
    { value: 3, width: 0.5 }, // +Inf bucket: histogram_quantile answers the last finite bound
  ])('$value lies in a bucket $width wide', ({ value, width }) => {
    expect(bucketWidthAt(value, bounds)).toBeCloseTo(width, 12);
  });

  it('handles a single bound and a first bound at or below zero', () => {
    expect(bucketWidthAt(3, Float64Array.from([2]))).toBe(2);
    expect(bucketWidthAt(-1, Float64Array.from([0, 4]))).toBe(4);
  });
});

describe('sigmaFloor', () => {
  const base = { sigmaFloorRelative: 0, sigmaFloorAbsolute: 0, bucketBounds: null, bucketWidthFraction: 0.25 };
  it.each([
    { name: 'no floors', options: base, median: 0.2, floor: 0 },
    { name: 'relative', options: { ...base, sigmaFloorRelative: 0.05 }, median: -0.2, floor: 0.01 },
    {
      name: 'absolute wins',
      options: { ...base, sigmaFloorRelative: 0.05, sigmaFloorAbsolute: 0.02 },
      median: 0.2,
      floor: 0.02,
    },
    {
      name: 'bucket width wins',
      options: { ...base, sigmaFloorRelative: 0.05, bucketBounds: bounds },
      median: 0.0975,
      floor: 0.0125,
    },
    {
      name: 'bucket fraction 0 disables it',
      options: { ...base, bucketBounds: bounds, bucketWidthFraction: 0 },
      median: 0.0975,
      floor: 0,
    },
  ])('$name', ({ options, median, floor }) => {
    expect(sigmaFloor(median, options)).toBeCloseTo(floor, 12);
  });
});

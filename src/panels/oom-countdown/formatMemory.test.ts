import { formatBytes, memoryText, percentOfLimit, softLimitText } from './formatMemory';

const MIB = 1024 * 1024;

describe('memory text', () => {
  it('says usage against the limit with the share', () => {
    expect(memoryText(231 * MIB, 256 * MIB)).toBe('231 MiB of 256 MiB, 90 %');
    expect(memoryText(300 * MIB, 256 * MIB)).toBe('300 MiB of 256 MiB, 117 %');
  });

  it('does not round a share just under the limit up to 100 %', () => {
    expect(percentOfLimit(255.9 * MIB, 256 * MIB)).toBe(99);
    expect(percentOfLimit(256 * MIB, 256 * MIB)).toBe(100);
    expect(percentOfLimit(1, 0)).toBeNull();
    expect(percentOfLimit(NaN, 1)).toBeNull();
  });

  it('says what is known when the usage or the limit is missing', () => {
    expect(memoryText(231 * MIB, null)).toBe('231 MiB, no memory limit known');
    expect(memoryText(null, 256 * MIB)).toBe('No memory sample; limit 256 MiB');
    expect(memoryText(null, null)).toBe('No memory sample and no limit');
    expect(memoryText(0, 0)).toBe('0 B of 0 B');
  });

  it('says the soft limit is not a kill', () => {
    expect(formatBytes(1.5 * 1024 * MIB)).toBe('1.50 GiB');
    expect(softLimitText(200 * MIB)).toBe('Soft limit 200 MiB (GOMEMLIMIT): GC works harder above it, not a kill');
  });
});

import { describe, expect, it } from 'vitest';
import { formatBytes, formatTimestamp } from '../../../shared/format';

describe('formatTimestamp', () => {
  it('writes m:ss under an hour and h:mm:ss from an hour on', () => {
    expect([0, 5, 65, 754.9, 3599, 3600, 3725, 36000].map(formatTimestamp)).toEqual([
      '0:00',
      '0:05',
      '1:05',
      '12:34',
      '59:59',
      '1:00:00',
      '1:02:05',
      '10:00:00',
    ]);
    expect(formatTimestamp(-3)).toBe('0:00');
    expect(formatTimestamp(Number.NaN)).toBe('0:00');
  });
});

describe('formatBytes', () => {
  it('writes binary units with one decimal under ten, and zero in the unit it is asked for', () => {
    expect(
      [1, 1023, 1024, 1536, 10 * 1024, 350 * 1024 ** 2, 1.24 * 1024 ** 3, 20 * 1024 ** 3].map((b) => formatBytes(b)),
    ).toEqual(['1 B', '1,023 B', '1 KB', '1.5 KB', '10 KB', '350 MB', '1.2 GB', '20 GB']);
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(0, 'GB')).toBe('0 GB');
    expect(formatBytes(Number.NaN)).toBe('0 B');
  });
});

import { describe, expect, it } from 'vitest';
import { bucketCitations, MAX_HEAT_BUCKETS } from '../../../server/domain/assistant/get-citation-heat';

describe('bucketCitations', () => {
  it('slices a long lesson into at most 40 slices and counts each citation in its slice', () => {
    const { bucketSeconds, buckets } = bucketCitations(3600, [0, 89.9, 90, 3599, 3600, 5000]);
    expect(bucketSeconds).toBe(90);
    expect(buckets).toHaveLength(MAX_HEAT_BUCKETS);
    expect(buckets[0]).toEqual({ startSeconds: 0, endSeconds: 90, citations: 2 });
    expect(buckets[1]!.citations).toBe(1);
    // At or past the end: the last slice.
    expect(buckets.at(-1)).toEqual({ startSeconds: 3510, endSeconds: 3600, citations: 3 });
  });

  it('keeps slices at least 10 s long on a short lesson, the last one ending at the lesson’s end', () => {
    const { bucketSeconds, buckets } = bucketCitations(25, [24]);
    expect(bucketSeconds).toBe(10);
    expect(buckets.map((b) => [b.startSeconds, b.endSeconds, b.citations])).toEqual([
      [0, 10, 0],
      [10, 20, 0],
      [20, 25, 1],
    ]);
  });

  it('without a known length still gives one slice spanning what was cited, ignoring nonsense times', () => {
    const { buckets } = bucketCitations(0, [42, Number.NaN, -5]);
    expect(buckets).toEqual([{ startSeconds: 0, endSeconds: 42, citations: 1 }]);
  });
});

import type { CitationHeat } from '../../../shared/schemas/assistant-settings';
import type { Db } from '../../ports/db';
import { isVideoId, videoNotFound } from '../videos/video-id';

/** Slices of a lesson's timeline: enough to see a moment, few enough for a phone-wide strip. */
export const MAX_HEAT_BUCKETS = 40;
/** A slice is never shorter than this: a citation starts at a sentence, seconds apart from the next. */
export const MIN_BUCKET_SECONDS = 10;

export function bucketSecondsFor(durationSeconds: number): number {
  return Math.max(MIN_BUCKET_SECONDS, Math.ceil(durationSeconds / MAX_HEAT_BUCKETS));
}

/** Counts per slice, every slice present; a citation past the declared end counts in the last one. */
export function bucketCitations(
  durationSeconds: number,
  starts: readonly number[],
): Pick<CitationHeat, 'bucketSeconds' | 'buckets'> {
  const valid = starts.filter((s) => Number.isFinite(s) && s >= 0);
  const latest = valid.reduce((m, s) => Math.max(m, s), 0);
  const span = Math.max(durationSeconds, 0);
  const bucketSeconds = bucketSecondsFor(span);
  const count = Math.max(1, Math.ceil(span / bucketSeconds));
  const counts = new Array<number>(count).fill(0);
  for (const start of valid) {
    counts[Math.min(count - 1, Math.floor(start / bucketSeconds))]! += 1;
  }
  // Without a known length (no duration, no transcript) the strip still spans what was cited.
  const end = span > 0 ? span : Math.max(latest, bucketSeconds);
  return {
    bucketSeconds,
    buckets: counts.map((citations, i) => ({
      startSeconds: i * bucketSeconds,
      endSeconds: i === count - 1 ? end : (i + 1) * bucketSeconds,
      citations,
    })),
  };
}

/** Where students' citations land in one of the creator's lessons (404 for anyone else's). */
export async function getCitationHeat(db: Db, input: { creatorId: string; videoId: string }): Promise<CitationHeat> {
  if (!isVideoId(input.videoId)) throw videoNotFound();
  const lesson = await db.tables.videos.findRunningTime({ creatorId: input.creatorId, videoId: input.videoId });
  if (!lesson) throw videoNotFound();
  const cited = await db.tables.insightReads.citationStarts({ creatorId: input.creatorId, videoId: input.videoId });
  const starts = cited.map((r) => Number(r.start));
  const sliced = bucketCitations(Number(lesson.duration), starts);
  return {
    videoId: lesson.id,
    durationSeconds: Number(lesson.duration),
    ...sliced,
    totalCitations: sliced.buckets.reduce((n, b) => n + b.citations, 0),
  };
}

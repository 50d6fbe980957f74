import type { VideoDetail } from '../../../shared/schemas/videos';
import type { Db } from '../../ports/db';
import { getVideoSummary } from './list-videos';
import { isVideoId, videoNotFound } from './video-id';

/** One of the creator's videos with its transcript and what it cost, for the video page. */
export async function getVideoDetail(db: Db, input: { creatorId: string; videoId: string }): Promise<VideoDetail> {
  if (!isVideoId(input.videoId)) throw videoNotFound();
  const summary = await getVideoSummary(db, input);
  if (!summary) throw videoNotFound();
  const meta = await db.tables.videos.find(input, ['mime_type', 'language']);
  const lines = await db.tables.transcriptSegments.readPage({ ...input, afterSeq: -1, limit: 20000 });
  const costs = await db.tables.apiCosts.totalsForVideo(input);
  return {
    ...summary,
    mimeType: meta?.mime_type ?? null,
    language: meta?.language ?? null,
    transcript: lines.map((l) => ({
      startSeconds: Number(l.start_seconds),
      endSeconds: Number(l.end_seconds),
      text: l.text,
    })),
    costs: costs.map((c) => ({
      operation: c.operation,
      model: c.model,
      units: Number(c.units),
      unitKind: c.unit_kind,
      costUsd: Number(c.cost_usd),
    })),
  };
}

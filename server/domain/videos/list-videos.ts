import type { VideoSummary } from '../../../shared/schemas/videos';
import type { Db } from '../../ports/db';
import type { VideoSummaryRow } from '../../ports/tables/videos-table';

/** Time left at the pace so far; unknown until a little progress is made. */
function etaOf(progress: number, elapsed: number | null): number | null {
  if (elapsed === null || progress < 3 || progress >= 100) return null;
  return Math.round((elapsed * (100 - progress)) / progress);
}

function toVideoSummary(r: VideoSummaryRow): VideoSummary {
  return {
    id: r.id,
    title: r.title,
    sourceKind: r.source_kind,
    status: r.status,
    progress: Number(r.progress),
    error: r.error,
    durationSeconds: r.duration_seconds === null ? null : Number(r.duration_seconds),
    sizeBytes: Number(r.size_bytes),
    chunkCount: r.chunk_count,
    costUsd: Number(r.cost_usd),
    createdAt: r.created_at.toISOString(),
    uploadedAt: r.uploaded_at === null ? null : r.uploaded_at.toISOString(),
    transcriptSource: r.transcript_source,
    hasMedia: r.has_media,
    etaSeconds: etaOf(Number(r.progress), r.elapsed_seconds === null ? null : Number(r.elapsed_seconds)),
    attempts: r.attempts,
  };
}

/** The creator's library, newest first. */
export async function listVideos(db: Db, input: { creatorId: string }): Promise<VideoSummary[]> {
  const rows = await db.tables.videos.listSummaries(input.creatorId);
  return rows.map(toVideoSummary);
}

/** One of the creator's videos, or null (another creator's id is simply not there). */
export async function getVideoSummary(
  db: Db,
  input: { creatorId: string; videoId: string },
): Promise<VideoSummary | null> {
  const row = await db.tables.videos.findSummary(input);
  return row ? toVideoSummary(row) : null;
}

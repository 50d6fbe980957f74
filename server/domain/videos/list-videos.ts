import type { VideoSummary } from '../../../shared/schemas/videos';
import type { Db } from '../../ports/db';

interface VideoRow {
  id: string;
  title: string;
  source_kind: VideoSummary['sourceKind'];
  status: VideoSummary['status'];
  progress: string | number;
  error: string | null;
  duration_seconds: string | number | null;
  size_bytes: string | number;
  chunk_count: number;
  cost: string | number;
  created_at: Date | string;
  uploaded_at: Date | string | null;
  transcript_source: VideoSummary['transcriptSource'];
  has_media: boolean;
  elapsed_seconds: string | number | null;
  attempts: number;
}

const VIDEO_COLUMNS = `v.id, v.title, v.source_kind, v.status, v.progress, v.error, v.duration_seconds, v.size_bytes,
  v.chunk_count, v.created_at, v.uploaded_at, v.transcript_source, v.storage_key is not null as has_media, v.attempts,
  case when v.status in ('transcribing', 'chunking', 'embedding') and v.processing_started_at is not null
       then extract(epoch from now() - v.processing_started_at) end as elapsed_seconds,
  coalesce((select sum(a.cost_usd) from api_costs a where a.video_id = v.id), 0) as cost`;

/** Time left at the pace so far; unknown until a little progress is made. */
function etaOf(progress: number, elapsed: number | null): number | null {
  if (elapsed === null || progress < 3 || progress >= 100) return null;
  return Math.round((elapsed * (100 - progress)) / progress);
}

function toVideoSummary(r: VideoRow): VideoSummary {
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
    costUsd: Number(r.cost),
    createdAt: new Date(r.created_at).toISOString(),
    uploadedAt: r.uploaded_at === null ? null : new Date(r.uploaded_at).toISOString(),
    transcriptSource: r.transcript_source,
    hasMedia: r.has_media,
    etaSeconds: etaOf(Number(r.progress), r.elapsed_seconds === null ? null : Number(r.elapsed_seconds)),
    attempts: r.attempts,
  };
}

/** The creator's library, newest first. */
export async function listVideos(db: Db, input: { creatorId: string }): Promise<VideoSummary[]> {
  const rows = await db.query<VideoRow>(
    `select ${VIDEO_COLUMNS} from videos v where v.creator_id = $1 order by v.created_at desc, v.title limit 500`,
    [input.creatorId],
  );
  return rows.map(toVideoSummary);
}

/** One of the creator's videos, or null (another creator's id is simply not there). */
export async function getVideoSummary(
  db: Db,
  input: { creatorId: string; videoId: string },
): Promise<VideoSummary | null> {
  const [row] = await db.query<VideoRow>(
    `select ${VIDEO_COLUMNS} from videos v where v.id = $1 and v.creator_id = $2`,
    [input.videoId, input.creatorId],
  );
  return row ? toVideoSummary(row) : null;
}

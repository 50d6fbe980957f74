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
}

export const VIDEO_COLUMNS = `v.id, v.title, v.source_kind, v.status, v.progress, v.error, v.duration_seconds, v.size_bytes,
  v.chunk_count, v.created_at,
  coalesce((select sum(a.cost_usd) from api_costs a where a.video_id = v.id), 0) as cost`;

export function toVideoSummary(r: VideoRow): VideoSummary {
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

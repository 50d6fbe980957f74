import type { Db } from '../../../ports/db';
import { type VideoRow, videos } from '../../../ports/db-schema/tables';
import type { VideoKey, VideoLease, VideoSummaryRow, VideosTable } from '../../../ports/tables/videos-table';
import { selectList } from '../select-list';
import { lessonStatements } from './lesson-statements';

/** A library entry's columns (VideoSummaryRow); its cost reads api_costs, the one statement here that does. */
const SUMMARY = `${selectList(
  videos,
  [
    'id',
    'title',
    'source_kind',
    'status',
    'progress',
    'error',
    'duration_seconds',
    'size_bytes',
    'chunk_count',
    'created_at',
    'uploaded_at',
    'transcript_source',
    'attempts',
  ],
  'v',
)},
  v.storage_key is not null as has_media,
  case when v.status in ('transcribing', 'chunking', 'embedding') and v.processing_started_at is not null
       then extract(epoch from now() - v.processing_started_at)::text end as elapsed_seconds,
  coalesce((select sum(a.cost_usd) from api_costs a where a.video_id = v.id), 0)::text as cost_usd`;

/** The `videos` table's statements, on whichever connection or transaction `db` is. */
export function videosTable(db: Pick<Db, 'query'>): VideosTable {
  const one = async <Row>(sql: string, params: readonly unknown[]) => (await db.query<Row>(sql, params))[0] ?? null;
  const byKey = (key: VideoKey) => [key.videoId, key.creatorId];
  /** A write through the lease ($1 id, $2 creator, $3 token, then `params`): whether the run still held it. */
  const held = async (lease: VideoLease, sql: string, params: readonly unknown[]) =>
    (
      await db.query(`${sql} where id = $1 and creator_id = $2 and lease_token = $3 returning id`, [
        ...byKey(lease),
        lease.token,
        ...params,
      ])
    ).length > 0;
  return {
    find: <K extends keyof VideoRow>(key: VideoKey, columns: readonly K[]) =>
      one<Pick<VideoRow, K>>(
        `select ${selectList(videos, columns)} from videos where id = $1 and creator_id = $2`,
        byKey(key),
      ),
    lock: <K extends keyof VideoRow>(key: VideoKey, columns: readonly K[]) =>
      one<Pick<VideoRow, K>>(
        `select ${selectList(videos, columns)} from videos where id = $1 and creator_id = $2 for update`,
        byKey(key),
      ),
    listSummaries: (creatorId) =>
      db.query<VideoSummaryRow>(
        `select ${SUMMARY} from videos v where v.creator_id = $1 order by v.created_at desc, v.title limit 500`,
        [creatorId],
      ),
    findSummary: (key) =>
      one<VideoSummaryRow>(`select ${SUMMARY} from videos v where v.id = $1 and v.creator_id = $2`, byKey(key)),
    async insertCaptions(video) {
      const row = await one<{ id: string }>(
        `insert into videos (creator_id, title, source_kind, mime_type, size_bytes, duration_seconds, status, progress,
                             transcript_source, upload_expires_at)
         values ($1, $2, 'captions', $3, $4, $5, 'pending', 0, 'captions', now() + make_interval(secs => $6)) returning id`,
        [
          video.creatorId,
          video.title,
          video.mimeType,
          video.sizeBytes,
          video.durationSeconds,
          video.abandonAfterSeconds,
        ],
      );
      return row!.id;
    },
    async insertUpload(video) {
      await db.query(
        `insert into videos (id, creator_id, title, source_kind, mime_type, size_bytes, duration_seconds, status, progress,
                             transcript_source, storage_key, upload_expires_at)
         values ($1, $2, $3, $4, $5, $6, $7, 'pending', 0, $8, $9, coalesce($10, now() + make_interval(secs => $11)))`,
        [
          video.id,
          video.creatorId,
          video.title,
          video.sourceKind,
          video.mimeType,
          video.sizeBytes,
          video.durationSeconds,
          video.transcriptSource,
          video.storageKey,
          'at' in video.uploadExpires ? video.uploadExpires.at : null,
          'afterSeconds' in video.uploadExpires ? video.uploadExpires.afterSeconds : null,
        ],
      );
    },
    async markUploaded(key) {
      await db.query(
        `update videos set uploaded_at = coalesce(uploaded_at, now()), upload_expires_at = null, updated_at = now()
          where id = $1 and creator_id = $2`,
        byKey(key),
      );
    },
    async rename(key) {
      // One statement: the lesson's chunks are searched with its title (chunks.context), so they change with it.
      const renamed = await db.query(
        `with renamed as (
           update videos set title = $3, updated_at = now() where id = $1 and creator_id = $2 returning id
         ), rechunked as (
           update chunks set context = $3 where video_id in (select id from renamed) and creator_id = $2 and context <> $3
         )
         select id from renamed`,
        [...byKey(key), key.title],
      );
      return renamed.length > 0;
    },
    remove: (key) =>
      one<Pick<VideoRow, 'size_bytes' | 'storage_key'>>(
        `delete from videos where id = $1 and creator_id = $2 returning size_bytes::text as size_bytes, storage_key`,
        byKey(key),
      ),
    async requeue(key) {
      const won = await db.query(
        `update videos set status = 'pending', progress = 0, error = null, completed_at = null,
                lease_token = null, lease_expires_at = null, processing_started_at = null, updated_at = now()
          where id = $1 and creator_id = $2 and uploaded_at is not null and status = any($3::video_status[])
          returning id`,
        [...byKey(key), key.from],
      );
      return won.length > 0;
    },
    listAbandonedUploads: (input) =>
      db.query<Pick<VideoRow, 'id' | 'creator_id'>>(
        `select id, creator_id from videos where uploaded_at is null and upload_expires_at < $1 limit $2`,
        [input.now, input.limit],
      ),
    async addSize(key) {
      await db.query(
        `update videos set size_bytes = size_bytes + $3, updated_at = now() where id = $1 and creator_id = $2`,
        [...byKey(key), key.sizeBytes],
      );
    },
    claimLease: (lease) =>
      one<Pick<VideoRow, 'transcript_source' | 'storage_key' | 'mime_type' | 'duration_seconds'>>(
        `update videos
            set lease_token = $3, lease_expires_at = now() + make_interval(secs => $4), attempts = attempts + 1,
                processing_started_at = now(), stage_started_at = now(), error = null, updated_at = now()
          where id = $1 and creator_id = $2 and uploaded_at is not null
            and status in ('pending', 'transcribing', 'chunking', 'embedding')
            and (lease_expires_at is null or lease_expires_at < now())
          returning transcript_source, storage_key, mime_type, duration_seconds::text as duration_seconds`,
        [...byKey(lease), lease.token, lease.leaseSeconds],
      ),
    setStageHeld: (lease) =>
      held(
        lease,
        `update videos set status = $4::video_status, progress = $5,
                stage_started_at = case when status = $4::video_status then stage_started_at else now() end,
                lease_expires_at = now() + make_interval(secs => $6), updated_at = now()`,
        [lease.status, lease.progress, lease.leaseSeconds],
      ),
    completeHeld: (lease) =>
      held(
        lease,
        `update videos set status = 'completed', progress = 100, completed_at = now(), error = null,
                lease_token = null, lease_expires_at = null, updated_at = now()`,
        [],
      ),
    failHeld: (lease) =>
      held(
        lease,
        `update videos set status = 'failed', error = $4, lease_token = null, lease_expires_at = null, updated_at = now()`,
        [lease.error],
      ),
    listStalled: (input) =>
      db.query<Pick<VideoRow, 'id' | 'creator_id'>>(
        `select id, creator_id from videos
          where status in ('pending', 'transcribing', 'chunking', 'embedding') and uploaded_at is not null
            and ((lease_expires_at is null and updated_at < $1::timestamptz - make_interval(secs => $3)) or lease_expires_at < $1)
          order by updated_at limit $2`,
        [input.now, input.limit, input.graceSeconds],
      ),
    async releaseAllLeases() {
      await db.query(
        `update videos set lease_token = null, lease_expires_at = null
          where lease_token is not null and status in ('pending', 'transcribing', 'chunking', 'embedding')`,
      );
    },
    async setChunkCount(key) {
      await db.query(`update videos set chunk_count = $3, updated_at = now() where id = $1 and creator_id = $2`, [
        ...byKey(key),
        key.chunkCount,
      ]);
    },
    async setTranscribed(key) {
      await db.query(
        `update videos set duration_seconds = coalesce(duration_seconds, $3), language = $4, updated_at = now()
          where id = $1 and creator_id = $2`,
        [...byKey(key), key.durationSeconds, key.language],
      );
    },
    async fillDuration(key) {
      await db.query(
        `update videos set duration_seconds = coalesce(duration_seconds, $3) where id = $1 and creator_id = $2`,
        [...byKey(key), key.durationSeconds],
      );
    },
    restartFinished: (key) =>
      one<Pick<VideoRow, 'size_bytes'>>(
        `update videos set status = 'pending', progress = 0, error = null, completed_at = null,
                lease_token = null, lease_expires_at = null, processing_started_at = null, updated_at = now()
          where id = $1 and creator_id = $2 and status in ('completed', 'failed') returning size_bytes::text as size_bytes`,
        byKey(key),
      ),
    async replaceSource(key) {
      await db.query(
        `update videos set transcript_source = $3, source_kind = $4, storage_key = coalesce($5, storage_key), mime_type = $6, size_bytes = $7
          where id = $1 and creator_id = $2`,
        [
          ...byKey(key),
          key.transcriptSource,
          key.transcriptSource === 'captions' ? 'captions' : 'audio',
          key.storageKey,
          key.mimeType,
          key.sizeBytes,
        ],
      );
    },
    claimUnannounced: (creatorId) =>
      db.query<Pick<VideoRow, 'id' | 'title'>>(
        `update videos set students_notified_at = now()
          where creator_id = $1 and status = 'completed' and students_notified_at is null
          returning id, title`,
        [creatorId],
      ),
    async releaseAnnounced(input) {
      await db.query(`update videos set students_notified_at = null where creator_id = $1 and id = any($2::uuid[])`, [
        input.creatorId,
        input.videoIds,
      ]);
    },
    ...lessonStatements(db),
  };
}

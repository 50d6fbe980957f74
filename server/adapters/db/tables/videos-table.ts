import type { Db } from '../../../ports/db';
import { type VideoRow, videos } from '../../../ports/db-schema/tables';
import type { LessonRow, VideoKey, VideoLease, VideoSummaryRow, VideosTable } from '../../../ports/tables/videos-table';
import { selectList } from '../select-list';

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

/**
 * The creator's order, for `videos v` joined with LESSON_JOIN: lessons outside a module
 * first (a course's introduction rarely sits in one), then each module in its position;
 * inside, lessons by position, and lessons never placed after the placed ones in upload
 * order (a new upload lands at the end until the creator moves it).
 */
const LESSON_ORDER = `m.position nulls first, m.created_at nulls first, m.id nulls first, v.position nulls last, v.created_at, v.id`;
const LESSON_JOIN = `left join course_modules m on m.id = v.module_id and m.creator_id = v.creator_id`;
/** A lesson's columns (LessonRow): an imported lesson plays its Mux stream, so it has media without a file. */
const LESSON = `${selectList(videos, ['id', 'title', 'module_id'], 'v')}, m.title as module_title,
  ${selectList(videos, ['duration_seconds'], 'v')},
  (v.storage_key is not null or exists (select 1 from whop_lesson_imports w
     where w.creator_id = v.creator_id and w.video_id = v.id and w.mux_playback_id is not null)) as has_media`;

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
    lockMany: (input) =>
      db.query<Pick<VideoRow, 'id'>>(
        `select id from videos where creator_id = $1 and id = any($2::uuid[]) for update`,
        [input.creatorId, input.videoIds],
      ),
    async placeInOutline(input) {
      const videoIds = input.lessons.map((l) => l.videoId);
      // The unlisted first (after the listed, in their old order), so positions stay distinct.
      await db.query(
        `update videos v set position = $3::int + r.n, updated_at = now()
           from (select id, row_number() over (order by position nulls last, created_at, id) as n
                   from videos where creator_id = $1 and not (id = any($2::uuid[]))) r
          where v.id = r.id and v.creator_id = $1`,
        [input.creatorId, videoIds, videoIds.length],
      );
      await db.query(
        `update videos v set position = o.n - 1, module_id = o.module_id, updated_at = now()
           from unnest($2::uuid[], $3::uuid[]) with ordinality as o(id, module_id, n)
          where v.id = o.id and v.creator_id = $1`,
        [input.creatorId, videoIds, input.lessons.map((l) => l.moduleId)],
      );
    },
    async placeImportedLessons(creatorId) {
      // One statement across whop_lesson_imports and course_modules, here because what it
      // writes is the lessons' place: the modules it creates and the lessons it places
      // appear together or not at all.
      const placed = await db.query(
        `with chapters as (
           select distinct on (i.chapter_id) i.chapter_id, i.chapter_title, i.course_id, i.chapter_order
             from whop_lesson_imports i
            where i.creator_id = $1 and i.video_id is not null and i.removed_at is null
            order by i.chapter_id, i.chapter_order
         ), missing as (
           select c.* from chapters c
            where not exists (select 1 from course_modules m where m.creator_id = $1 and m.whop_chapter_id = c.chapter_id)
         ), made as (
           insert into course_modules (creator_id, title, position, whop_chapter_id)
           select $1, coalesce(nullif(left(btrim(c.chapter_title), 120), ''), 'Chapter'),
                  (select coalesce(max(position) + 1, 0) from course_modules where creator_id = $1)
                    + (row_number() over (order by c.course_id, c.chapter_order, c.chapter_id))::int - 1,
                  c.chapter_id
             from missing c
           returning id, whop_chapter_id
         ), modules as (
           select id, whop_chapter_id from made
           union all
           select m.id, m.whop_chapter_id from course_modules m
            where m.creator_id = $1 and m.whop_chapter_id in (select chapter_id from chapters)
         )
         update videos v set module_id = m.id, position = greatest(i.lesson_order, 0), updated_at = now()
           from whop_lesson_imports i join modules m on m.whop_chapter_id = i.chapter_id
          where i.creator_id = $1 and i.video_id = v.id and v.creator_id = $1
            and v.module_id is null and v.position is null
         returning v.id`,
        [creatorId],
      );
      return placed.length;
    },
    listOutline: (creatorId) =>
      db.query<Pick<VideoRow, 'id' | 'title' | 'module_id' | 'status'>>(
        `select ${selectList(videos, ['id', 'title', 'module_id', 'status'], 'v')} from videos v ${LESSON_JOIN}
          where v.creator_id = $1 order by ${LESSON_ORDER} limit 1000`,
        [creatorId],
      ),
    listLessons: (creatorId) =>
      db.query<LessonRow>(
        `select ${LESSON} from videos v ${LESSON_JOIN}
          where v.creator_id = $1 and v.status = 'completed'
          order by ${LESSON_ORDER}
          limit 1000`,
        [creatorId],
      ),
    findRunningTime: (key) =>
      // Where the transcript ends is read from transcript_segments, for a video without a duration.
      one<Pick<VideoRow, 'id'> & { duration: number }>(
        `select v.id, coalesce(v.duration_seconds, (select max(t.end_seconds) from transcript_segments t
                                                     where t.video_id = v.id and t.creator_id = $2), 0)::float8 as duration
           from videos v where v.id = $1 and v.creator_id = $2`,
        [key.videoId, key.creatorId],
      ),
    findLesson: (key) =>
      one<LessonRow & Pick<VideoRow, 'mime_type'> & { n: string }>(
        `select * from (
           select ${LESSON}, v.mime_type, (row_number() over (order by ${LESSON_ORDER}))::text as n
             from videos v ${LESSON_JOIN}
            where v.creator_id = $1 and v.status = 'completed'
         ) ordered where id = $2`,
        [key.creatorId, key.videoId],
      ),
  };
}

import type { Db } from '../../../ports/db';
import type { TranscriptSegmentRow } from '../../../ports/db-schema/tables';
import {
  type ChunksTable,
  HIT_START,
  HIT_STOP,
  type MomentPassageRow,
  type SegmentLine,
  type SourceSegmentRow,
  type StarterTextRow,
  type TranscriptHitRow,
  type TranscriptSegmentsTable,
} from '../../../ports/tables/transcript-tables';

/* A video's transcript and its chunks (written by domain/ingestion, read by place for the chat), one module each. */

export function transcriptSegmentsTable(db: Pick<Db, 'query'>): TranscriptSegmentsTable {
  return {
    async insertBatch(key) {
      await db.query(
        `insert into transcript_segments (creator_id, video_id, seq, start_seconds, end_seconds, text)
         select $1, $2, s.seq, s.start_seconds, s.end_seconds, s.text
           from unnest($3::int[], $4::numeric[], $5::numeric[], $6::text[]) as s(seq, start_seconds, end_seconds, text)`,
        [
          key.creatorId,
          key.videoId,
          key.segments.map((_, j) => key.firstSeq + j),
          key.segments.map((s) => s.startSeconds),
          key.segments.map((s) => s.endSeconds),
          key.segments.map((s) => s.text),
        ],
      );
    },
    async removeAll(key) {
      await db.query(`delete from transcript_segments where video_id = $1 and creator_id = $2`, [
        key.videoId,
        key.creatorId,
      ]);
    },
    readPage: (key) =>
      db.query<SegmentLine>(
        `select seq, start_seconds::text as start_seconds, end_seconds::text as end_seconds, text from transcript_segments
          where video_id = $1 and creator_id = $2 and seq > $3 order by seq limit $4`,
        [key.videoId, key.creatorId, key.afterSeq, key.limit],
      ),

    // The chat's reads.
    ofSources: (input) =>
      db.query<SourceSegmentRow>(
        // Lateral, so each source is two short scans of the (video_id, start_seconds) index, whatever
        // the planner guesses about unnest's row count: the segments starting inside the source, and
        // the one that started before it and runs into it (the latest start before the source's).
        // The tenancy filter of that one sits outside its LIMIT: inside, the planner preferred the
        // (creator_id, video_id) index and read the whole video (163 buffers for 6 sources, now 52).
        `select s.n::int as n, t.start_seconds::text as start_seconds, t.text
           from unnest($2::uuid[], $3::numeric[], $4::numeric[]) with ordinality as s(video_id, lo, hi, n)
           cross join lateral (
             select b.seq, b.start_seconds, b.text from (
               select t.seq, t.start_seconds, t.end_seconds, t.text, t.creator_id from transcript_segments t
                where t.video_id = s.video_id and t.start_seconds < s.lo
                order by t.start_seconds desc limit 1) b
              where b.end_seconds >= s.lo and b.creator_id = $1
             union all
             select t.seq, t.start_seconds, t.text from transcript_segments t
              where t.video_id = s.video_id and t.creator_id = $1 and t.start_seconds between s.lo and s.hi
           ) t
          order by s.n, t.seq`,
        [
          input.creatorId,
          input.sources.map((s) => s.videoId),
          input.sources.map((s) => s.startSeconds),
          input.sources.map((s) => s.endSeconds),
        ],
      ),
    linesBefore: (key) =>
      // Joins videos: only the creator's completed lesson has lines to follow.
      db.query<Pick<TranscriptSegmentRow, 'start_seconds' | 'text'>>(
        `select t.start_seconds::text, t.text from transcript_segments t
           join videos v on v.id = t.video_id and v.creator_id = $1 and v.status = 'completed'
          where t.creator_id = $1 and t.video_id = $2 and t.start_seconds <= $3::numeric and t.start_seconds >= $3::numeric - 600
          order by t.start_seconds desc, t.seq desc limit 2`,
        [key.creatorId, key.videoId, key.seconds],
      ),
  };
}

/**
 * Passages are found through chunks (their GIN index), on their transcript text only:
 * `tsv` also holds the lesson title, which would make every passage of a lesson match
 * its title's words. Within a passage, the hit is the transcript line holding most of
 * the searched words (ranked with an OR of them: an AND query ranks a line holding
 * some but not all of them 0), so the link opens the lesson at that line's second.
 * Reads chunks, with the lesson (videos: completed, its title) and its transcript lines.
 * $1 creator, $2 search text, $3 rows, $4 offset.
 */
const TRANSCRIPT_SEARCH_SQL = `
  with q as (
    select websearch_to_tsquery('english', $2) as query,
           (select to_tsquery('simple', string_agg(quote_literal(l), ' | '))
              from unnest(tsvector_to_array(to_tsvector('english', $2))) l) as any_term
  )
  select c.video_id, v.title as video_title, c.seq,
         coalesce(line.start_seconds, c.start_seconds)::text as start_seconds,
         ts_headline('english', coalesce(line.text, c.text), coalesce(q.any_term, q.query),
                     'StartSel="${HIT_START}", StopSel="${HIT_STOP}", MaxWords=28, MinWords=10, MaxFragments=1') as headline
    from q cross join chunks c
    join videos v on v.id = c.video_id and v.creator_id = $1 and v.status = 'completed'
    left join lateral (
      select t.start_seconds, t.text from transcript_segments t
       where t.creator_id = $1 and t.video_id = c.video_id
         and t.start_seconds < c.end_seconds and t.end_seconds > c.start_seconds
       order by ts_rank(to_tsvector('english', t.text), q.any_term) desc, t.seq
       limit 1
    ) line on q.any_term is not null
   where c.creator_id = $1 and c.tsv @@ q.query and to_tsvector('english', c.text) @@ q.query
   order by ts_rank_cd(to_tsvector('english', c.text), q.query) desc, v.title, c.video_id, c.seq
   limit $3 offset $4`;

export function chunksTable(db: Pick<Db, 'query'>): ChunksTable {
  return {
    async insertBatch(key) {
      if (key.chunks.length === 0) return;
      await db.query(
        // Each chunk is searched with its lesson's title (context): see the bm25_retrieval migration.
        `insert into chunks (creator_id, video_id, seq, start_seconds, end_seconds, text, token_count, embedding, embedding_model, context)
         select $1, $2, c.seq, c.start_seconds, c.end_seconds, c.text, c.token_count, c.embedding::vector, $3, v.title
           from unnest($4::int[], $5::numeric[], $6::numeric[], $7::text[], $8::int[], $9::text[])
             as c(seq, start_seconds, end_seconds, text, token_count, embedding)
           join videos v on v.id = $2 and v.creator_id = $1`,
        [
          key.creatorId,
          key.videoId,
          key.model,
          key.chunks.map((c) => c.seq),
          key.chunks.map((c) => c.startSeconds),
          key.chunks.map((c) => c.endSeconds),
          key.chunks.map((c) => c.text),
          key.chunks.map((c) => c.tokenCount),
          key.chunks.map((c) => c.embedding),
        ],
      );
    },
    async removeAll(key) {
      await db.query(`delete from chunks where video_id = $1 and creator_id = $2`, [key.videoId, key.creatorId]);
    },
    searchText: (input) =>
      db.query<TranscriptHitRow>(TRANSCRIPT_SEARCH_SQL, [input.creatorId, input.q, input.limit, input.offset]),

    // The chat's reads, each joining the creator's completed lessons (videos).
    momentPassages: (key) =>
      db.query<MomentPassageRow>(
        `select c.id::text as id, v.title as video_title, c.start_seconds::text, c.end_seconds::text, c.text
           from chunks c join videos v on v.id = c.video_id and v.creator_id = $1 and v.status = 'completed'
          where c.creator_id = $1 and c.video_id = $2
            and c.start_seconds <= $3::numeric + $5 and c.end_seconds >= $3::numeric - $4
          order by (c.start_seconds <= $3 and c.end_seconds >= $3) desc,
                   abs((c.start_seconds + c.end_seconds) / 2 - $3), c.seq
          limit $6`,
        [key.creatorId, key.videoId, key.seconds, key.beforeSeconds, key.afterSeconds, key.limit],
      ),
    starterTexts: (input) =>
      db.query<StarterTextRow>(STARTER_TEXT_SQL, [input.creatorId, input.lessons, input.chunksPerLesson]),
  };
}

/**
 * The creator's completed lessons that have chunks, numbered in the order they were
 * added, the ones at evenly spread positions, with the text of their first chunks.
 * $1 creator id, $2 lessons wanted, $3 chunks per lesson.
 */
const STARTER_TEXT_SQL = `
  with lessons as (
    select v.id, v.title, row_number() over (order by v.created_at, v.id) - 1 as i, count(*) over () as n
      from videos v
     where v.creator_id = $1 and v.status = 'completed'
       and exists (select 1 from chunks c where c.creator_id = $1 and c.video_id = v.id)
  ), picked as (
    select id, title, i from lessons l
     where l.i in (select distinct round(k * (l.n - 1)::numeric / greatest($2::int - 1, 1))::int from generate_series(0, $2::int - 1) k)
  )
  select p.id as video_id, p.title, string_agg(c.text, ' ' order by c.seq) as text
    from picked p
    join chunks c on c.creator_id = $1 and c.video_id = p.id and c.seq < $3
   group by p.id, p.title, p.i
   order by p.i`;

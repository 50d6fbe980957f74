import type { Db } from '../../../ports/db';
import {
  type ChunksTable,
  HIT_START,
  HIT_STOP,
  type SegmentLine,
  type TranscriptHitRow,
  type TranscriptSegmentsTable,
} from '../../../ports/tables/transcript-tables';

/* A video's transcript and its chunks (written by domain/ingestion), one module each. */

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
  };
}

import type { Db } from '../../../ports/db';
import type { ChunksTable, SegmentLine, TranscriptSegmentsTable } from '../../../ports/tables/transcript-tables';

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
  };
}

/**
 * The two candidate lists of hybrid retrieval. Parameters, shared by both:
 * $1 creator id, $2 question text, $3 query vector as '[x,y,…]' (or null),
 * $4 embedding model, $5 how many candidates.
 *
 * Tenant isolation is in every statement: chunks AND videos are filtered by
 * creator_id = $1, and only completed videos count (a video still processing
 * may have a partial or stale set of chunks).
 */

/**
 * matched_terms: how many of the question's distinct search terms (english
 * stems, stopwords dropped: the same lexemes the tsv column holds) the chunk
 * contains. The relevance floor uses it (see relevance-floor.ts).
 */
const CANDIDATE_COLUMNS = `
  c.id, c.video_id, v.title as video_title, c.seq, c.start_seconds, c.end_seconds, c.text,
  (select count(*)::int from unnest(q.terms) t where t = any(tsvector_to_array(c.tsv))) as matched_terms,
  cardinality(q.terms)::int as query_terms`;

/** The question's distinct search terms: english stems, stopwords dropped (the lexemes the tsv column holds). */
const QUESTION = `
  select array(select lexeme from unnest(to_tsvector('english', $2))) as terms`;

/**
 * pgvector cosine top-k through the HNSW index of the creator's own partition
 * (chunks are list-partitioned by creator_id, so `creator_id = $1` prunes the scan
 * to one creator's graph: see the chunks_per_creator migration). Run inside a
 * transaction after the HNSW_SCAN_SETTINGS. The completed-video filter is applied
 * after the index scan, so iterative scanning keeps the scan going when a video
 * being reprocessed holds some of the nearest chunks; relaxed_order may return rows
 * slightly out of order, hence the re-sort outside the materialized CTE
 * (pgvector's documented pattern).
 */
export const VECTOR_CANDIDATES_SQL = `
  with nearest as materialized (
    select c.id, c.embedding <=> $3::vector as distance
      from chunks c
     where c.creator_id = $1
       and c.embedding_model = $4
       and c.embedding is not null
       and c.video_id in (select id from videos where creator_id = $1 and status = 'completed')
     order by c.embedding <=> $3::vector
     limit $5
  ), q as (${QUESTION})
  select ${CANDIDATE_COLUMNS}, 1 - n.distance as similarity
    from nearest n
    join chunks c on c.id = n.id and c.creator_id = $1
    join videos v on v.id = c.video_id and v.creator_id = $1
    cross join q
   order by n.distance, c.id`;

export const HNSW_SCAN_SETTINGS: Readonly<Record<string, string>> = {
  'hnsw.iterative_scan': 'relaxed_order',
  // Candidates examined per scan step: recall@10 0.997 on the benchmark corpus (0.96 at pgvector's default 40).
  'hnsw.ef_search': '100',
  // Postgres' cost model does not charge for reading every vector out of TOAST (6 KB
  // each), so for a creator of a few thousand chunks it would compute every distance
  // (scan the partition, sort) at several times the cost of the HNSW walk
  // (bench/retrieval-recall.bench.ts). These leave the index's own order as the plan.
  enable_seqscan: 'off',
  enable_bitmapscan: 'off',
  enable_sort: 'off',
  // Those disabled paths cost 10^10 in the plan, far past jit_above_cost, so a real server
  // (JIT on by default; PGlite has none) spent ~0.7–1.5 s compiling every 60 ms search.
  jit: 'off',
};

/** Settings as one statement (one round trip), local to the current transaction like SET LOCAL. */
export function setLocalSql(settings: Readonly<Record<string, string>>): string {
  const calls = Object.entries(settings).map(([name, value]) => `set_config('${name}', '${value}', true)`);
  return `select ${calls.join(', ')}`;
}

/**
 * A term found in more than this share of a creator's chunks does not tell them
 * apart, and ORing it would make Postgres match and rank most of the course.
 */
export const COMMON_TERM_SHARE = 0.25;
/** At most this many of the question's terms are searched, rarest first. */
export const MAX_SEARCH_TERMS = 6;

/**
 * Full-text top-k over the generated tsv column (the partition's GIN index),
 * ranked by ts_rank. The question's terms are ORed (a natural question rarely
 * matches one chunk whole), keeping only those rare enough in this creator's
 * course (course_terms counts the chunks holding each term): the inverse document
 * frequency cut BM25 would make and ts_rank lacks. When no term is rare enough the
 * list is empty and the vector list alone ranks (its rows still count
 * matched_terms for the relevance floor). Search syntax (quotes, -negation) is
 * ignored: students do not type it. Run it before HNSW_SCAN_SETTINGS, which would
 * take the GIN (bitmap) scan away.
 */
export const FULL_TEXT_CANDIDATES_SQL = `
  with q as (${QUESTION}),
  course as (
    select coalesce(sum(chunk_count), 0) as chunks from videos where creator_id = $1 and status = 'completed'
  ),
  rare as (
    select t.lexeme
      from course_terms t, q, course
     where t.creator_id = $1
       and t.lexeme = any(q.terms)
       and t.chunks <= greatest(2, course.chunks * ${COMMON_TERM_SHARE})
     order by t.chunks, t.lexeme
     limit ${MAX_SEARCH_TERMS}
  ),
  search as (
    -- Each lexeme quoted as a tsquery operand (quote and backslash escaped), ORed; null when none.
    select string_agg('''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || '''', ' | ')::tsquery as query
      from rare
  )
  select ${CANDIDATE_COLUMNS},
         case when c.embedding_model = $4 and $3::vector is not null then 1 - (c.embedding <=> $3::vector) end as similarity
    from chunks c
    join videos v on v.id = c.video_id and v.creator_id = $1 and v.status = 'completed'
    cross join q
    cross join search s
   where c.creator_id = $1
     and c.tsv @@ s.query
   order by ts_rank(c.tsv, s.query) desc, c.id
   limit $5`;

/** A row of either list, as the drivers return it (numeric and bigint may come back as strings). */
export interface CandidateRow {
  id: number | string;
  video_id: string;
  video_title: string;
  seq: number;
  start_seconds: number | string;
  end_seconds: number | string;
  text: string;
  matched_terms: number;
  query_terms: number;
  similarity: number | string | null;
}

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

const QUESTION = `
  select array(select lexeme from unnest(to_tsvector('english', $2))) as terms,
         -- websearch_to_tsquery ANDs every word, so a natural question rarely matches one chunk
         -- whole; OR-ing its terms lets ts_rank rank partial matches. Negation (-word) is
         -- dropped with it: students do not type search syntax, and "a | !b" would match nearly all.
         replace(replace(websearch_to_tsquery('english', $2)::text, ' & ', ' | '), '!', '')::tsquery as query`;

/**
 * pgvector cosine top-k through the HNSW index. Run inside a transaction after
 * HNSW_SCAN_SETTINGS: the creator filter is applied after the index scan, so
 * without iterative scanning a small creator would get few or no rows back.
 * relaxed_order may return rows slightly out of order, hence the re-sort outside
 * the materialized CTE (pgvector's documented pattern).
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

export const HNSW_SCAN_SETTINGS = [
  `set local hnsw.iterative_scan = relaxed_order`,
  // Candidates examined per scan step: above pgvector's 40 default for recall under the tenant filter.
  `set local hnsw.ef_search = 100`,
];

/**
 * Full-text top-k over the generated tsv column (GIN index), ranked by term frequency.
 * ts_rank, not ts_rank_cd: every OR match is ranked, and in a course most chunks share
 * its subject words; cover density cost three times as much per row for no better fusion
 * (bench/chat-question.bench.ts).
 */
export const FULL_TEXT_CANDIDATES_SQL = `
  with q as (${QUESTION})
  select ${CANDIDATE_COLUMNS},
         case when c.embedding_model = $4 and $3::vector is not null then 1 - (c.embedding <=> $3::vector) end as similarity
    from chunks c
    join videos v on v.id = c.video_id and v.creator_id = $1 and v.status = 'completed'
    cross join q
   where c.creator_id = $1
     and c.tsv @@ q.query
   order by ts_rank(c.tsv, q.query) desc, c.id
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

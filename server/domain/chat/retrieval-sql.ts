/**
 * The two candidate lists of hybrid retrieval. Parameters, shared by both:
 * $1 creator id, $2 question text, $3 query vector as '[x,y,…]' (or null),
 * $4 embedding model, $5 how many candidates.
 *
 * Tenant isolation is in every statement: chunks AND videos are filtered by
 * creator_id = $1, and only completed videos count (a video still processing
 * may have a partial or stale set of chunks).
 */

/** Okapi BM25's usual constants: term-frequency saturation and length normalisation. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/**
 * The question's terms (english stems, stopwords dropped: the lexemes the tsv
 * column holds) with their BM25 inverse document frequency in this creator's
 * course: idf = ln(1 + (N − df + ½) / (df + ½)), N and df from course_stats and
 * course_terms; and its `weight` in `coverage`. A term the course never says gets
 * the highest weight there is: a question about what the course lacks covers little
 * of its own weight (see retrieval-calibration.ts).
 */
/** ln 4: the idf of a term found in a quarter of the chunks (see `weight` below). */
const TOPIC_TERM_WEIGHT = Math.log(4);

export const QUESTION_TERMS = `
  q as (
    select distinct t.lexeme from unnest(to_tsvector('english', $2)) t
  ),
  course as (
    select greatest(coalesce(max(s.chunks), 0), 1)::float8 as n,
           greatest(coalesce(max(s.lexemes)::float8 / nullif(max(s.chunks), 0), 1), 1) as avg_len
      from course_stats s where s.creator_id = $1
  ),
  weights as (
    select q.lexeme, coalesce(ct.chunks, 0) as df,
           ln(1 + (course.n - coalesce(ct.chunks, 0) + 0.5) / (coalesce(ct.chunks, 0) + 0.5)) as idf,
           -- For coverage, a term the course says often is its topic, not noise: it weighs at
           -- least what a term in a quarter of the chunks does (a one-lesson course's title word
           -- is in every chunk, and "what is kombucha?" is on topic in a kombucha course).
           case when ct.chunks is null then ln(1 + (course.n + 0.5) / 0.5)
                else greatest(ln(1 + (course.n - ct.chunks + 0.5) / (ct.chunks + 0.5)), ${TOPIC_TERM_WEIGHT}) end as weight
      from q cross join course
      left join course_terms ct on ct.creator_id = $1 and ct.lexeme = q.lexeme
  ),
  mass as materialized (select sum(weight) as total from weights),
  terms as materialized (select coalesce(array_agg(lexeme), '{}') as lexemes from weights)`;

/**
 * For one chunk `c`: its BM25 score for the question, and `coverage`, the share of
 * the question's idf mass it holds (1 = every term of the question is in the chunk
 * or its lesson title). Term frequency comes from the tsvector's positions, length
 * is the chunk's distinct lexemes against the course's average. Only the question's
 * lexemes are unnested: setweight marks their positions 'B' (no stored position has
 * that weight: titles are 'A', text 'D') and ts_filter keeps just those, both in C.
 * Unnesting the whole tsvector (~70 lexemes) for each of 30 candidates was two thirds
 * of the vector statement's time.
 */
const SCORE_OF_CHUNK = `
  lateral (
    select coalesce(sum(w.idf * (u.tf * ${BM25_K1 + 1}) / (u.tf + ${BM25_K1} * (${1 - BM25_B} + ${BM25_B} * length(c.tsv) / course.avg_len))), 0) as bm25,
           coalesce(sum(w.weight) / nullif(mass.total, 0), 0) as coverage
      from (select lexeme, coalesce(array_length(positions, 1), 1) as tf
              from unnest(ts_filter(setweight(c.tsv, 'B', terms.lexemes), '{b}'))) u
      join weights w on w.lexeme = u.lexeme
  ) s`;

const CANDIDATE_COLUMNS = `
  c.id, c.video_id, v.title as video_title, c.seq, c.start_seconds, c.end_seconds, c.text, s.bm25, s.coverage`;

/**
 * pgvector cosine top-k through the HNSW index of the creator's own partition
 * (chunks are list-partitioned by creator_id, so `creator_id = $1` prunes the scan
 * to one creator's graph: see the chunks_per_creator migration). Run inside a
 * transaction after the HNSW_SCAN_SETTINGS. The completed-video filter is applied
 * after the index scan, so iterative scanning keeps the scan going when a video
 * being reprocessed holds some of the nearest chunks; relaxed_order may return rows
 * slightly out of order, hence the re-sort outside the materialized CTE
 * (pgvector's documented pattern). Each row also carries its BM25 score and
 * coverage, so the relevance floor judges both lists alike.
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
  ), ${QUESTION_TERMS}
  select ${CANDIDATE_COLUMNS}, 1 - n.distance as similarity
    from nearest n
    join chunks c on c.id = n.id and c.creator_id = $1
    join videos v on v.id = c.video_id and v.creator_id = $1
    cross join course cross join mass cross join terms
    cross join ${SCORE_OF_CHUNK}
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
 * Which chunks BM25 scores: those holding one of the question's terms found in at
 * most this share of the course. A chunk that shares only words said all over the
 * course cannot rank high (their idf is small), and ORing such a word would make
 * Postgres read most of the course for nothing.
 */
export const COMMON_TERM_SHARE = 0.25;
/** Below this many chunks a course is read whole whatever the term: it is cheap, and a title word is in every chunk. */
export const SMALL_COURSE_CHUNKS = 50;
/** At most this many of the question's terms pick candidates, rarest first (all of them score). */
export const MAX_SEARCH_TERMS = 8;

/**
 * BM25 top-k over the generated tsv column (the partition's GIN index picks the
 * candidates, see COMMON_TERM_SHARE; every question term then scores them). With
 * no term rare enough the list is empty and the vector list ranks alone. Search
 * syntax (quotes, -negation) is ignored: students do not type it, and each lexeme
 * is quoted as a tsquery operand. Run it before HNSW_SCAN_SETTINGS, which would
 * take the GIN (bitmap) scan away.
 */
export const FULL_TEXT_CANDIDATES_SQL = `
  with ${QUESTION_TERMS},
  search as (
    -- Each lexeme quoted as a tsquery operand (quote and backslash escaped), ORed; null when none.
    select string_agg('''' || replace(replace(r.lexeme, '\\', '\\\\'), '''', '''''') || '''', ' | ')::tsquery as query
      from (select w.lexeme from weights w, course
             where w.df > 0 and w.df <= greatest(${SMALL_COURSE_CHUNKS}, course.n * ${COMMON_TERM_SHARE})
             order by w.df, w.lexeme limit ${MAX_SEARCH_TERMS}) r
  )
  select ${CANDIDATE_COLUMNS},
         case when c.embedding_model = $4 and $3::vector is not null then 1 - (c.embedding <=> $3::vector) end as similarity
    from chunks c
    join videos v on v.id = c.video_id and v.creator_id = $1 and v.status = 'completed'
    cross join search
    cross join course cross join mass cross join terms
    cross join ${SCORE_OF_CHUNK}
   where c.creator_id = $1
     and c.tsv @@ search.query
   order by s.bm25 desc, c.id
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
  bm25: number | string;
  coverage: number | string;
  similarity: number | string | null;
}

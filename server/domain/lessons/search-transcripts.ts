import { SEARCH_PAGE_SIZE, type SearchResults, type SnippetPart } from '../../../shared/schemas/lessons';
import type { Db } from '../../ports/db';

/** Marks ts_headline puts around matched words: control characters no caption line holds. */
const START = '\u0002';
const STOP = '\u0003';

/**
 * Passages are found through chunks (their GIN index), on their transcript text only:
 * `tsv` also holds the lesson title, which would make every passage of a lesson match
 * its title's words. Within a passage, the hit is the transcript line holding most of
 * the searched words (ranked with an OR of them: an AND query ranks a line holding
 * some but not all of them 0), so the link opens the lesson at that line's second.
 * $1 creator, $2 search text, $3 rows, $4 offset.
 */
const SEARCH_SQL = `
  with q as (
    select websearch_to_tsquery('english', $2) as query,
           (select to_tsquery('simple', string_agg(quote_literal(l), ' | '))
              from unnest(tsvector_to_array(to_tsvector('english', $2))) l) as any_term
  )
  select c.video_id, v.title as video_title, c.seq,
         coalesce(line.start_seconds, c.start_seconds) as start_seconds,
         ts_headline('english', coalesce(line.text, c.text), coalesce(q.any_term, q.query),
                     'StartSel="${START}", StopSel="${STOP}", MaxWords=28, MinWords=10, MaxFragments=1') as headline
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

/** ts_headline's text split at its marks: matched words are parts with `hit`, rendered without HTML. */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, piece] of headline.split(new RegExp(`[${START}${STOP}]`)).entries()) {
    if (piece) parts.push({ text: piece, hit: i % 2 === 1 });
  }
  return parts;
}

/**
 * Postgres full-text search over the creator's completed lessons' transcripts, best
 * passages first, a page at a time. Overlapping passages (chunks repeat their last
 * sentence) can land on the same line: a page keeps it once.
 */
export async function searchTranscripts(
  db: Db,
  input: { creatorId: string; q: string; offset: number },
): Promise<SearchResults> {
  const rows = await db.query<{
    video_id: string;
    video_title: string;
    start_seconds: string | number;
    headline: string;
  }>(SEARCH_SQL, [input.creatorId, input.q, SEARCH_PAGE_SIZE + 1, input.offset]);
  const more = rows.length > SEARCH_PAGE_SIZE;
  const seen = new Set<string>();
  const hits = rows.slice(0, SEARCH_PAGE_SIZE).flatMap((r) => {
    const startSeconds = Number(r.start_seconds);
    const key = `${r.video_id}@${startSeconds}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ videoId: r.video_id, videoTitle: r.video_title, startSeconds, snippet: snippetParts(r.headline) }];
  });
  return { hits, nextOffset: more ? input.offset + SEARCH_PAGE_SIZE : null };
}

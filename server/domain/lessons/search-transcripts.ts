import { SEARCH_PAGE_SIZE, type SearchResults, type SnippetPart } from '../../../shared/schemas/lessons';
import type { Db } from '../../ports/db';
import { HIT_START, HIT_STOP } from '../../ports/tables/transcript-tables';

/** ts_headline's text split at its marks: matched words are parts with `hit`, rendered without HTML. */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, piece] of headline.split(new RegExp(`[${HIT_START}${HIT_STOP}]`)).entries()) {
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
  const rows = await db.tables.chunks.searchText({
    creatorId: input.creatorId,
    q: input.q,
    limit: SEARCH_PAGE_SIZE + 1,
    offset: input.offset,
  });
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

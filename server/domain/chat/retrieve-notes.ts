import type { ChatSource } from '../../../shared/schemas/chat';
import type { Db } from '../../ports/db';
import { calibrationFor, passesRelevanceFloor } from './retrieval-calibration';
import { QUESTION_TERMS } from './retrieval-sql';
import type { RetrievedSource } from './retrieve-sources';

/** How a note source is titled when it is not pinned to a lesson (the prompt and the student see the kind too). */
export const CREATORS_NOTE_TITLE = "Creator's note";
/** Notes among an answer's sources at most: a correction, not the whole answer's material. */
export const MAX_NOTE_SOURCES = 2;
/**
 * A note that holds this share of the question's weight (or clears the model's
 * similarity floor) clearly answers it and comes before every lesson passage: the
 * creator wrote it to correct what the lessons led to. So does a note that covers
 * the question at least as well as the best lesson passage (a tie goes to the
 * creator: a paraphrase of the corrected question). Any other note that clears the
 * ordinary floor follows the lessons.
 */
export const NOTE_LEAD_COVERAGE = 0.6;

/** A creator's note that matched the question. */
export interface RetrievedNote {
  noteId: string;
  body: string;
  /** The lesson moment it is pinned to; null when it is not (or its lesson is not completed). */
  videoId: string | null;
  videoTitle: string | null;
  startSeconds: number | null;
  coverage: number;
  similarity: number | null;
  /** It clearly matches whatever the lessons say (NOTE_LEAD_COVERAGE or the similarity floor). */
  leads: boolean;
}

/**
 * Every note of the creator (at most MAX_NOTES_PER_CREATOR, so a scan of one
 * creator's rows) with the share of the question's weight its question and text
 * hold (terms weighed as retrieval-sql.ts weighs them for chunks) and its cosine
 * to the query vector. $1 creator, $2 query text, $3 vector or null, $4 model.
 */
const NOTE_CANDIDATES_SQL = `
  with ${QUESTION_TERMS}
  select n.id, n.body, v.id as video_id, v.title as video_title, n.start_seconds,
         coalesce((select sum(w.weight) from weights w where w.lexeme = any(tsvector_to_array(n.tsv)))
                  / nullif(mass.total, 0), 0) as coverage,
         case when $3::vector is not null and n.embedding_model = $4 and n.embedding is not null
              then 1 - (n.embedding <=> $3::vector) end as similarity
    from creator_notes n
    left join videos v on v.id = n.video_id and v.creator_id = $1 and v.status = 'completed'
    cross join mass cross join terms
   where n.creator_id = $1`;

interface NoteRow {
  id: string;
  body: string;
  video_id: string | null;
  video_title: string | null;
  start_seconds: string | number | null;
  coverage: string | number;
  similarity: string | number | null;
}

export interface RetrieveNotesInput {
  creatorId: string;
  query: string;
  /** The query's vector from retrieveSources (null: none, e.g. no content words). */
  vector: readonly number[] | null;
  model: string;
  minSimilarity?: number;
}

/**
 * The asking creator's notes that answer the question, best first: searched by
 * words and by vector beside the chunks (retrieveSources), kept by the same
 * relevance floor, at most MAX_NOTE_SOURCES. Another creator's notes are never read.
 */
export async function retrieveNotes(db: Db, input: RetrieveNotesInput): Promise<RetrievedNote[]> {
  const query = input.query.trim();
  if (!query) return [];
  const hasVector = !!input.vector && input.vector.some((v) => v !== 0);
  const rows = await db.query<NoteRow>(NOTE_CANDIDATES_SQL, [
    input.creatorId,
    query,
    hasVector ? `[${input.vector!.join(',')}]` : null,
    input.model,
  ]);
  const floor = input.minSimilarity ?? calibrationFor(input.model).similarityFloor;
  return rows
    .map((r) => {
      const coverage = Number(r.coverage);
      const similarity = r.similarity === null ? null : Number(r.similarity);
      const pinned = r.video_id !== null && r.start_seconds !== null;
      return {
        noteId: r.id,
        body: r.body,
        videoId: pinned ? r.video_id : null,
        videoTitle: pinned ? r.video_title : null,
        startSeconds: pinned ? Number(r.start_seconds) : null,
        coverage,
        similarity,
        leads: coverage >= NOTE_LEAD_COVERAGE || (similarity !== null && similarity >= floor),
      };
    })
    .filter((n) => passesRelevanceFloor(n, floor))
    .sort(
      (a, b) =>
        b.coverage - a.coverage || (b.similarity ?? 0) - (a.similarity ?? 0) || a.noteId.localeCompare(b.noteId),
    )
    .slice(0, MAX_NOTE_SOURCES);
}

/**
 * The answer's numbered sources: notes that clearly match (or match as well as the
 * best lesson passage) first, then the lesson
 * passages (already reranked), then notes that only cleared the floor, `limit` in
 * all (leading notes are always kept).
 */
export function numberSourcesWithNotes(
  notes: readonly RetrievedNote[],
  lessons: readonly RetrievedSource[],
  limit: number,
): ChatSource[] {
  const bestLesson = Math.max(0, ...lessons.map((s) => s.coverage));
  const leads = (n: RetrievedNote) => n.leads || n.coverage >= bestLesson;
  const lead = notes.filter(leads);
  const trail = notes.filter((n) => !leads(n));
  const ordered: (RetrievedNote | RetrievedSource)[] = [...lead, ...lessons, ...trail].slice(
    0,
    Math.max(limit, lead.length),
  );
  return ordered.map((s, i) =>
    'noteId' in s
      ? {
          n: i + 1,
          kind: 'note' as const,
          noteId: s.noteId,
          videoId: s.videoId,
          videoTitle: s.videoTitle ?? CREATORS_NOTE_TITLE,
          startSeconds: s.startSeconds ?? 0,
          endSeconds: s.startSeconds ?? 0,
          score: s.coverage,
          text: s.body,
        }
      : {
          // No kind: absent means a lesson, as in every answer stored before notes.
          n: i + 1,
          videoId: s.videoId,
          videoTitle: s.videoTitle,
          startSeconds: s.startSeconds,
          endSeconds: s.endSeconds,
          score: s.score,
          text: s.text,
        },
  );
}

import { ApiError } from '../../../shared/api-error';
import type { CreatorNote, NotePin } from '../../../shared/schemas/notes';
import type { Db } from '../../ports/db';
import type { Embedder } from '../../ports/embedder';
import type { NoteViewRow } from '../../ports/tables/creator-notes-table';

export const noteNotFound = () => new ApiError('NOT_FOUND', 'This note does not exist.');

/** A creator writes notes by hand; retrieval reads all of them per question, so they are capped. */
export const MAX_NOTES_PER_CREATOR = 500;

export function toCreatorNote(row: NoteViewRow): CreatorNote {
  const pinned = row.video_id !== null && row.video_title !== null && row.start_seconds !== null;
  return {
    id: row.id,
    messageId: row.message_id,
    question: row.question,
    body: row.body,
    pin: pinned
      ? { videoId: row.video_id!, videoTitle: row.video_title!, startSeconds: Number(row.start_seconds) }
      : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function readNote(db: Db, creatorId: string, noteId: string): Promise<CreatorNote> {
  const row = await db.tables.creatorNotes.find({ creatorId, noteId });
  if (!row) throw noteNotFound();
  return toCreatorNote(row);
}

/** A pin must name one of the creator's own lessons; another creator's is not found. */
export async function checkPin(db: Db, creatorId: string, pin: NotePin | null | undefined): Promise<void> {
  if (!pin) return;
  const own = await db.tables.videos.find({ creatorId, videoId: pin.videoId }, ['id']);
  if (!own) throw new ApiError('NOT_FOUND', 'This lesson does not exist.');
}

/** What a note is searched by: the question it answers, then the answer. */
export const noteSearchText = (question: string, body: string) => (question ? `${question}\n${body}` : body);

/** The note's vector, as pgvector reads it; null when the text has no content words (a zero vector). */
export async function embedNote(embedder: Embedder, question: string, body: string): Promise<string | null> {
  const { vectors } = await embedder.embed([noteSearchText(question, body)]);
  const vector = vectors[0] ?? [];
  return vector.some((v) => v !== 0) ? `[${vector.join(',')}]` : null;
}

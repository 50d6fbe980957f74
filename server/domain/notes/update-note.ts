import type { CreatorNote, UpdateNoteRequest } from '../../../shared/schemas/notes';
import { isUuid } from '../../../shared/uuid';
import type { NotePorts } from './create-note';
import { checkPin, embedNote, noteNotFound, readNote } from './note-rows';

/** Edits one of the creator's notes (re-embedded: what it is found by may have changed); another creator's is not found. */
export async function updateNote(
  ports: NotePorts,
  input: UpdateNoteRequest & { creatorId: string; noteId: string },
): Promise<CreatorNote> {
  if (!isUuid(input.noteId)) throw noteNotFound();
  const current = await readNote(ports.db, input.creatorId, input.noteId);
  await checkPin(ports.db, input.creatorId, input.pin);
  const question = input.question ?? current.question;
  const body = input.body ?? current.body;
  const pin = input.pin === undefined ? current.pin : input.pin;
  const embedding = await embedNote(ports.embedder, question, body);
  const [updated] = await ports.db.query<{ id: string }>(
    `update creator_notes
        set question = $3, body = $4, video_id = $5, start_seconds = $6, embedding = $7::vector, embedding_model = $8, updated_at = now()
      where id = $1 and creator_id = $2
      returning id`,
    [
      input.noteId,
      input.creatorId,
      question,
      body,
      pin?.videoId ?? null,
      pin?.startSeconds ?? null,
      embedding,
      ports.embedder.model,
    ],
  );
  if (!updated) throw noteNotFound();
  return readNote(ports.db, input.creatorId, updated.id);
}

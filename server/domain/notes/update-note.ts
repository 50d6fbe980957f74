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
  const updated = await ports.db.tables.creatorNotes.update({
    creatorId: input.creatorId,
    noteId: input.noteId,
    question,
    body,
    videoId: pin?.videoId ?? null,
    startSeconds: pin?.startSeconds ?? null,
    embedding,
    embeddingModel: ports.embedder.model,
  });
  if (!updated) throw noteNotFound();
  return readNote(ports.db, input.creatorId, input.noteId);
}

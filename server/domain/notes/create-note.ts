import { ApiError } from '../../../shared/api-error';
import type { CreateNoteRequest, CreatorNote } from '../../../shared/schemas/notes';
import type { Db } from '../../ports/db';
import type { Embedder } from '../../ports/embedder';
import { checkPin, embedNote, MAX_NOTES_PER_CREATOR, readNote } from './note-rows';

export interface NotePorts {
  db: Db;
  embedder: Embedder;
}

/**
 * A creator's note: from the Questions tab it corrects one of their students' answers
 * (`messageId`, whose question it takes unless one is given); it is embedded now, so
 * the next question can find it. Another creator's answer or lesson is not found.
 */
export async function createNote(
  ports: NotePorts,
  input: CreateNoteRequest & { creatorId: string },
): Promise<CreatorNote> {
  let question = input.question ?? '';
  if (input.messageId) {
    const answer = await ports.db.tables.questionReads.questionOfAnswer({
      creatorId: input.creatorId,
      messageId: input.messageId,
    });
    if (!answer) throw new ApiError('NOT_FOUND', 'This answer does not exist.');
    if (input.question === undefined) question = answer.question ?? '';
  }
  await checkPin(ports.db, input.creatorId, input.pin);
  const embedding = await embedNote(ports.embedder, question, input.body);
  const created = await ports.db.tables.creatorNotes.createWithinCap({
    creatorId: input.creatorId,
    messageId: input.messageId ?? null,
    question,
    body: input.body,
    videoId: input.pin?.videoId ?? null,
    startSeconds: input.pin?.startSeconds ?? null,
    embedding,
    embeddingModel: ports.embedder.model,
    max: MAX_NOTES_PER_CREATOR,
  });
  if (!created)
    throw new ApiError('BAD_REQUEST', `A course can have at most ${MAX_NOTES_PER_CREATOR} notes; delete one first.`);
  return readNote(ports.db, input.creatorId, created);
}

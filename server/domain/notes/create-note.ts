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
    const [answer] = await ports.db.query<{ question: string | null }>(
      `select (select u.content from chat_messages u
                where u.session_id = a.session_id and u.creator_id = $2 and u.role = 'user' and u.created_at <= a.created_at
                order by u.created_at desc limit 1) as question
         from chat_messages a where a.id = $1 and a.creator_id = $2 and a.role = 'assistant'`,
      [input.messageId, input.creatorId],
    );
    if (!answer) throw new ApiError('NOT_FOUND', 'This answer does not exist.');
    if (input.question === undefined) question = answer.question ?? '';
  }
  await checkPin(ports.db, input.creatorId, input.pin);
  const embedding = await embedNote(ports.embedder, question, input.body);
  const [created] = await ports.db.query<{ id: string }>(
    `insert into creator_notes (creator_id, message_id, question, body, video_id, start_seconds, embedding, embedding_model)
     select $1, $2::uuid, $3::text, $4::text, $5::uuid, $6::numeric, $7::vector, $8::text from creator_notes where creator_id = $1
     having count(*) < $9
     returning id`,
    [
      input.creatorId,
      input.messageId ?? null,
      question,
      input.body,
      input.pin?.videoId ?? null,
      input.pin?.startSeconds ?? null,
      embedding,
      ports.embedder.model,
      MAX_NOTES_PER_CREATOR,
    ],
  );
  if (!created)
    throw new ApiError('BAD_REQUEST', `A course can have at most ${MAX_NOTES_PER_CREATOR} notes; delete one first.`);
  return readNote(ports.db, input.creatorId, created.id);
}

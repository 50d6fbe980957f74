import { z } from 'zod';
import { ApiError } from '../../../shared/api-error';
import type { ChatMessage, ChatSessionSummary } from '../../../shared/schemas/chat-history';
import type { Db } from '../../ports/db';

export interface Owner {
  creatorId: string;
  userId: string;
}

/** The student's own sessions with this creator, newest first. */
export async function listSessions(db: Db, owner: Owner): Promise<ChatSessionSummary[]> {
  const rows = await db.query<{ id: string; title: string; updated_at: Date | string; n: string }>(
    `select s.id, s.title, s.updated_at, (select count(*) from chat_messages m where m.session_id = s.id)::text as n
       from chat_sessions s where s.creator_id = $1 and s.user_id = $2
      order by s.updated_at desc limit 50`,
    [owner.creatorId, owner.userId],
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    updatedAt: new Date(r.updated_at).toISOString(),
    messageCount: Number(r.n),
  }));
}

const SessionId = z.string().uuid();

/**
 * Messages of one of the student's own sessions; anyone else's session is "not found".
 * An answer still being written (`streaming`) is not history yet: its question shows alone.
 */
export async function listSessionMessages(db: Db, owner: Owner, sessionId: string): Promise<ChatMessage[]> {
  if (!SessionId.safeParse(sessionId).success) throw new ApiError('NOT_FOUND', 'This conversation does not exist.');
  const [own] = await db.query(`select id from chat_sessions where id = $1 and creator_id = $2 and user_id = $3`, [
    sessionId,
    owner.creatorId,
    owner.userId,
  ]);
  if (!own) throw new ApiError('NOT_FOUND', 'This conversation does not exist.');
  const rows = await db.query<{
    id: string;
    role: 'user' | 'assistant';
    content: string;
    status: ChatMessage['status'];
    citations: unknown;
    sources: unknown;
    feedback: number | null;
    created_at: Date | string;
  }>(
    `select id, role, content, status, citations, sources, feedback, created_at
       from chat_messages where session_id = $1 and creator_id = $2 and status <> 'streaming'
      order by created_at, role desc`,
    [sessionId, owner.creatorId],
  );
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    content: r.content,
    status: r.status,
    citations: json(r.citations) as ChatMessage['citations'],
    sources: json(r.sources) as ChatMessage['sources'],
    feedback: r.feedback === 1 || r.feedback === -1 ? r.feedback : null,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/**
 * Deletes one of the student's own conversations with its messages (anyone else's:
 * "not found"). Their provider costs stay in api_costs, unlinked (the creator paid
 * for them); the question allowance already used is not given back.
 */
export async function deleteSession(db: Db, owner: Owner, sessionId: string): Promise<void> {
  if (!SessionId.safeParse(sessionId).success) throw new ApiError('NOT_FOUND', 'This conversation does not exist.');
  const gone = await db.query(
    `delete from chat_sessions where id = $1 and creator_id = $2 and user_id = $3 returning id`,
    [sessionId, owner.creatorId, owner.userId],
  );
  if (gone.length === 0) throw new ApiError('NOT_FOUND', 'This conversation does not exist.');
}

/** Thumbs up/down on an answer in the student's own session. */
export async function setFeedback(db: Db, owner: Owner, messageId: string, value: 1 | -1 | null): Promise<void> {
  if (!SessionId.safeParse(messageId).success) throw new ApiError('NOT_FOUND', 'This answer does not exist.');
  const updated = await db.query(
    `update chat_messages set feedback = $4 where id = $1 and creator_id = $2 and user_id = $3 and role = 'assistant' returning id`,
    [messageId, owner.creatorId, owner.userId, value],
  );
  if (updated.length === 0) throw new ApiError('NOT_FOUND', 'This answer does not exist.');
}

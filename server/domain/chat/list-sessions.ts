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
  const rows = await db.tables.chatSessions.listOwn(owner);
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
  const own = await db.tables.chatSessions.findOwn({ ...owner, sessionId });
  if (!own) throw new ApiError('NOT_FOUND', 'This conversation does not exist.');
  const rows = await db.tables.chatMessages.listForSession({ creatorId: owner.creatorId, sessionId });
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
  const gone = await db.tables.chatSessions.removeOwn({ ...owner, sessionId });
  if (!gone) throw new ApiError('NOT_FOUND', 'This conversation does not exist.');
}

/** Thumbs up/down on an answer in the student's own session. */
export async function setFeedback(db: Db, owner: Owner, messageId: string, value: 1 | -1 | null): Promise<void> {
  if (!SessionId.safeParse(messageId).success) throw new ApiError('NOT_FOUND', 'This answer does not exist.');
  const updated = await db.tables.chatMessages.setFeedback({ ...owner, messageId, feedback: value });
  if (!updated) throw new ApiError('NOT_FOUND', 'This answer does not exist.');
}

import type { ChatSessionRow } from '../db-schema/tables';

/** A session of one student (or creator asking) with one creator: anyone else's is simply not there. */
export interface OwnSessionKey {
  creatorId: string;
  userId: string;
  sessionId: string;
}

/** A conversation in the student's list, with how many messages it holds (exact text). */
export type SessionSummaryRow = Pick<ChatSessionRow, 'id' | 'title' | 'updated_at'> & { n: string };

/** The `chat_sessions` table: a student's conversations (server/domain/chat). */
export interface ChatSessionsTable {
  /** The session's id when it is the owner's, else null. */
  findOwn(key: OwnSessionKey): Promise<Pick<ChatSessionRow, 'id'> | null>;
  /** The owner's sessions with this creator, last used first (at most 50). */
  listOwn(owner: Omit<OwnSessionKey, 'sessionId'>): Promise<SessionSummaryRow[]>;
  /** Deletes the owner's session (its messages cascade); false when it is not theirs or not there. */
  removeOwn(key: OwnSessionKey): Promise<boolean>;
  /** Deletes the creator's session whoever asked in it (a question abandoned before its answer). */
  remove(key: Omit<OwnSessionKey, 'userId'>): Promise<void>;
}

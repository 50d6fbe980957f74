import type { ChatMessageRow, ChatSessionRow } from '../db-schema/tables';
import type { AssistantChoices } from './assistant-settings-table';
import type { ChatUsageKey, ReservedQuestion } from './chat-usage-table';

/** The messages of one of the creator's sessions (its owner checked through chat_sessions first). */
export interface SessionMessagesKey {
  creatorId: string;
  sessionId: string;
}

/** A settled message as the student's history shows it. */
export type SessionMessageRow = Pick<
  ChatMessageRow,
  'id' | 'role' | 'content' | 'citations' | 'sources' | 'feedback' | 'created_at'
> & { status: Exclude<ChatMessageRow['status'], 'streaming'> };

/** A question to count and write, with the session it continues (null: a new one, titled `title`). */
export interface QuestionToHold extends ChatUsageKey {
  /** The UTC date the question is counted on (a `day` allowance's period). */
  today: string;
  experienceId: ChatSessionRow['experience_id'];
  title: ChatSessionRow['title'];
  askedAs: ChatSessionRow['asked_as'];
  sessionId: string | null;
  question: string;
  /** Whether the question counts against the student's allowance (a creator asking is not counted). */
  counted: boolean;
}

/** What holding a question wrote and read, in its one statement. */
export type HeldQuestionRow = ReservedQuestion & {
  /** The session continued is the owner's (always true for a new one). */
  found: boolean;
  /** Null when nothing was written: not found, or refused. */
  session_id: string | null;
  user_message_id: string | null;
  message_id: string | null;
  /** The creator has notes to search. */
  has_notes: boolean;
  /** The creator's assistant, or null when they never chose. */
  assistant: AssistantChoices | null;
};

/** How an answer ended, written onto its `streaming` row. */
export interface AnswerSettlement {
  messageId: string;
  status: Exclude<ChatMessageRow['status'], 'streaming'>;
  content: string;
  citations: unknown;
  sources: unknown;
  latencyMs: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** The question stays counted; otherwise it is given back. */
  keepQuestion: boolean;
  /** The conversation to mark as just used, or null. */
  sessionId: string | null;
}

/**
 * The `chat_messages` table's chat side: a question and its answer's row, held,
 * settled once, given back or reconciled, and the student's own history (the
 * creator's reads of questions are another port's). Every end of an answer locks
 * its row first (`select … for update`) in the statement that changes it.
 */
export interface ChatMessagesTable {
  /**
   * One statement: reserves the question (when counted), creates the session if it
   * is new, writes the question and its answer's row (`streaming`, holding the
   * reserved period), and reads the creator's notes check and assistant. A refused
   * or not-found question writes nothing.
   */
  hold(question: QuestionToHold): Promise<HeldQuestionRow | null>;
  /** The session's settled messages, in order (a `streaming` answer is not history yet). */
  listForSession(key: SessionMessagesKey): Promise<SessionMessageRow[]>;
  /** The session's last `limit` complete turns, oldest first. */
  recentTurns(key: SessionMessagesKey & { limit: number }): Promise<Pick<ChatMessageRow, 'role' | 'content'>[]>;
  /** Thumbs up/down on an answer of the student's; false when there is no such answer. */
  setFeedback(key: ChatUsageKey & { messageId: string; feedback: ChatMessageRow['feedback'] }): Promise<boolean>;
  /** Deletes the creator's messages of `ids`. */
  removeMany(input: { creatorId: string; ids: readonly string[] }): Promise<void>;
  /**
   * Gives back the question a `streaming` answer holds, once: clears its period and
   * decrements chat_usage in one statement after locking the row; whether it gave back.
   */
  releaseQuestion(messageId: string): Promise<boolean>;
  /**
   * Settles a `streaming` answer in one statement after locking it, giving its question
   * back unless kept; an answer no longer `streaming` is left as it is.
   */
  settle(answer: AnswerSettlement): Promise<{ settled: boolean; released: boolean }>;
  /**
   * Fails every answer still `streaming` that started before `olderThan` and gives
   * their questions back, in one statement over the locked rows.
   */
  failUnfinished(input: { olderThan: Date }): Promise<{ answers: number; released: number }>;
}

import type { QuestionsFilters } from '../../../shared/schemas/questions';
import type { ChatMessageRow, UserRow } from '../db-schema/tables';

/**
 * One answer to a student on the Questions page (the assistant message), with the
 * question that led to it and the student as Whop names them.
 */
export type QuestionsPageRow = Pick<ChatMessageRow, 'id' | 'feedback' | 'latency_ms' | 'user_id'> & {
  /** Settled answers only: a streaming one is not listed. */
  status: Exclude<ChatMessageRow['status'], 'streaming'>;
  /** The answer's opening, `answerChars` characters at most. */
  answer: string;
  /** When it was answered, ISO text to the microsecond (the cursor's time). */
  at: string;
  /** Nothing relevant was found (no sources). */
  no_answer: boolean;
  /** The question, or '' when none is found. */
  question: string;
  user_name: UserRow['name'];
  user_username: UserRow['username'];
  /** Cited moments as jsonb: `{ videoId, startSeconds, videoTitle }[]`, in citation order. */
  cited: unknown;
};

/** Counts of students' settled answers (questions asked, 👍, 👎, not answered). */
export interface AnswerCountsRow {
  questions: number;
  up: number;
  down: number;
  unanswered: number;
}

/** Questions asked today and this month, and by how many students (exact text). */
export interface QuestionCountsRow {
  today_q: string;
  month_q: string;
  students: string;
}

/**
 * Reads of `chat_messages` for the creator's Questions tab, notes and plan (the chat
 * writes it: server/domain/chat).
 */
export interface QuestionReads {
  /**
   * Answers to students (a creator trying their own course in the student view is left
   * out) matching `filters` (left out: all), newest first, older than `cursor` (the last
   * row's `at` and `id`), `limit` rows at most.
   */
  answersPage(input: {
    creatorId: string;
    cursor: { at: string; id: string } | null;
    limit: number;
    filters: Partial<QuestionsFilters>;
    answerChars: number;
  }): Promise<QuestionsPageRow[]>;
  /** Counts of the answers to students since `since` (ISO time), unfiltered. */
  answerCounts(input: { creatorId: string; since: string }): Promise<AnswerCountsRow | null>;
  /** The question an answer of the creator's answered (null when none is found), or null for no such answer. */
  questionOfAnswer(input: { creatorId: string; messageId: string }): Promise<{ question: string | null } | null>;
  /** Questions (every user message, the creator's trials too) since `today` and since `monthStart` (UTC dates, `YYYY-MM-DD`). */
  questionCounts(input: { creatorId: string; today: string; monthStart: string }): Promise<QuestionCountsRow | null>;
}

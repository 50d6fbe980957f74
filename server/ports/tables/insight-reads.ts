import type { ChatMessageRow, VideoRow } from '../db-schema/tables';

/** A student's settled answer the course did not carry well, with its question. */
export type GapAnswerRow = Pick<ChatMessageRow, 'id' | 'user_id' | 'created_at'> & {
  /** The question, or '' when none is found. */
  question: string;
  /** Nothing relevant was found (no sources). */
  no_answer: boolean;
  /** Rated 👎 (null when not rated). */
  down: boolean | null;
};

/** One UTC day of students' settled answers. */
export interface AnswersDayRow {
  /** `YYYY-MM-DD`. */
  day: string;
  answered: number;
  unanswered: number;
  students: number;
}

/** A lesson and how often students' answers cited it. */
export interface CitedLessonRow {
  video_id: VideoRow['id'];
  title: VideoRow['title'];
  citations: number;
}

/**
 * Reads of `chat_messages` for Insights and the citation heat strip (the chat writes
 * the table: server/domain/chat). Students' answers only: a creator trying their own
 * course in the student view is left out.
 */
export interface InsightReads {
  /**
   * Settled answers since `since` that said nothing relevant was found, got a 👎, or
   * rested on a source scoring below `lowConfidenceScore`; minus those a later lesson
   * answered (content_gap_resolutions). Newest first, `limit` at most.
   */
  gapAnswers(input: {
    creatorId: string;
    since: Date;
    lowConfidenceScore: number;
    limit: number;
  }): Promise<GapAnswerRow[]>;
  /** Every UTC day from `firstDay` (`YYYY-MM-DD`) for `days` days, zeros included. */
  answersPerDay(input: { creatorId: string; firstDay: string; days: number }): Promise<AnswersDayRow[]>;
  /** The 10 lessons cited most since `since` (`YYYY-MM-DD`), titles from the live lesson. */
  mostCitedLessons(input: { creatorId: string; since: string }): Promise<CitedLessonRow[]>;
  /** Start seconds of every citation of the lesson, in any answer to a student. */
  citationStarts(input: { creatorId: string; videoId: string }): Promise<{ start: number }[]>;
}

import type { ContentGapResolutionRow } from '../db-schema/tables';

/** The `content_gap_checks` table: when each creator's gaps were last grouped for notifications. */
export interface ContentGapChecksTable {
  /** Takes the creator's turn when the last check is `intervalSeconds` old (or none ran); whether it did. */
  takeTurn(input: { creatorId: string; now: Date; intervalSeconds: number }): Promise<boolean>;
  /** A check wanted inside the interval: the sweep runs it once the interval is over. */
  markWanted(input: { creatorId: string; now: Date }): Promise<void>;
  /** Creators with a wanted check whose interval is over, longest waiting first. */
  listDue(input: { now: Date; intervalSeconds: number; limit: number }): Promise<string[]>;
  clearWanted(creatorId: string): Promise<void>;
}

/** The `content_gap_notices` table: gaps already announced, with the questions they had. */
export interface ContentGapNoticesTable {
  /** Records the gap unless an announced one shares a question with it; whether it is new. */
  recordIfNew(input: { creatorId: string; key: string; members: readonly string[] }): Promise<boolean>;
  /** Forgets an announcement that did not go out. */
  forget(input: { creatorId: string; key: string }): Promise<void>;
}

/** A lesson that closed gap questions lately: how many, and when it last closed one. */
export type ClosedGapRow = Pick<ContentGapResolutionRow, 'video_id'> & {
  /** The lesson's title, '' once it is deleted. */
  title: string;
  questions: number;
  /** ISO time, to the second. */
  closed_at: string;
};

/** The `content_gap_resolutions` table: gap questions a later lesson answered, with the lesson. */
export interface ContentGapResolutionsTable {
  /** Records that the lesson answered the creator's message (once per message); whether it was new. */
  record(input: { creatorId: string; messageId: string; videoId: string; at: Date }): Promise<boolean>;
  /** The 10 lessons that closed questions since `since` most lately, with the live title. */
  listClosedSince(input: { creatorId: string; since: Date }): Promise<ClosedGapRow[]>;
}

import type { Embedder } from '../../ports/embedder';
import { forgetContentGapNotice, noticeNewContentGaps } from '../insights/notice-new-content-gaps';
import type { NotifyOutcome } from './notification-policy';
import { clip, type NotifyPorts, notifyCreator } from './notify-creator';

export interface NotifyNewContentGapsPorts extends NotifyPorts {
  /** The insights' topic embedder (the offline lexical one) and the production retrieval's. */
  topicEmbedder: Embedder;
  embedder: Embedder;
}

/**
 * How often a creator's gaps are grouped again, at most. Grouping is the insights'
 * whole computation (up to GAP_QUESTIONS_MAX questions embedded and clustered: tens of
 * milliseconds to a second, see the README), too much for every unanswered question.
 */
export const GAP_CHECK_INTERVAL_SECONDS = 10 * 60;

export type GapCheckOutcome = 'not_opted_in' | 'not_due' | { announced: number; outcomes: NotifyOutcome[] };

/**
 * After an unanswered question, a 👎 or a completed lesson: if the creator opted in
 * ("a question keeps going unanswered") and the check is due, the creator's content
 * gaps are grouped and each gap not seen before (at least two students, at least the
 * creator's "unanswered this many times" questions) is one company notification,
 * deep-linked to the Insights tab. The turn is taken in one statement, so concurrent
 * requests run it once. A gap the rate limit turned away is forgotten and announced
 * on a later check; a creator who is not opted in costs one read and nothing is
 * recorded, so turning the setting on announces the gaps open then.
 */
export async function notifyNewContentGaps(
  ports: NotifyNewContentGapsPorts,
  input: { creatorId: string },
): Promise<GapCheckOutcome> {
  const settings = await ports.db.tables.notificationSettings.find(input.creatorId);
  if (!settings?.unanswered_questions) return 'not_opted_in';
  const turn = await ports.db.tables.contentGapChecks.takeTurn({
    creatorId: input.creatorId,
    now: ports.clock.now(),
    intervalSeconds: GAP_CHECK_INTERVAL_SECONDS,
  });
  if (!turn) {
    // Not now, but wanted: the background sweep (runDeferredContentGapChecks) runs it when due.
    await ports.db.tables.contentGapChecks.markWanted({ creatorId: input.creatorId, now: ports.clock.now() });
    return 'not_due';
  }

  const fresh = await noticeNewContentGaps(ports, {
    creatorId: input.creatorId,
    minStudents: 2,
    minQuestions: settings.unanswered_threshold,
  });
  const outcomes: NotifyOutcome[] = [];
  for (const gap of fresh) {
    const full = outcomes.at(-1) === 'rate_limited' || outcomes.at(-1) === 'not_opted_in';
    const outcome = full
      ? outcomes.at(-1)!
      : await notifyCreator(ports, {
          kind: 'content_gap',
          creatorId: input.creatorId,
          title: `${gap.students} students asked about “${clip(gap.label, 50)}”`,
          content: `${gap.questions} questions, and nothing in the course covers it yet. See them and the closest lessons in Insights.`,
          section: 'insights',
        });
    if (outcome === 'rate_limited' || outcome === 'not_opted_in')
      await forgetContentGapNotice(ports, { creatorId: input.creatorId, key: gap.key });
    outcomes.push(outcome);
  }
  return { announced: outcomes.filter((o) => o === 'sent').length, outcomes };
}

/**
 * The checks asked for inside a creator's interval, now that it is over (the Node
 * server's background sweep, every 10 minutes). Each creator's turn is taken again by
 * notifyNewContentGaps itself, so a request racing the sweep does not double it.
 */
export async function runDeferredContentGapChecks(
  ports: NotifyNewContentGapsPorts,
  input: { limit?: number } = {},
): Promise<number> {
  const due = await ports.db.tables.contentGapChecks.listDue({
    now: ports.clock.now(),
    intervalSeconds: GAP_CHECK_INTERVAL_SECONDS,
    limit: input.limit ?? 50,
  });
  let ran = 0;
  for (const creatorId of due) {
    const outcome = await notifyNewContentGaps(ports, { creatorId });
    if (typeof outcome === 'object') ran++;
    if (outcome === 'not_opted_in') await ports.db.tables.contentGapChecks.clearWanted(creatorId);
  }
  return ran;
}

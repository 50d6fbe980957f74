import type { ActivityResponse } from '../../../shared/schemas/insights';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';

export const ACTIVITY_DAYS = 30;

/**
 * Students' settled answers per UTC day (answered, or not covered), distinct students,
 * and the day's chat cost; every day of the window appears, zeros included, so a chart
 * and its table read the same. Costs are the creator's chat operations (api_costs, read
 * through its table), so a creator's own trials count in cost (they were paid for) but
 * not in questions.
 */
/** What the Insights charts draw: the last 30 days of questions, students and cost, and the most-cited lessons. */
export async function getChatActivity(
  ports: { db: Db; clock: Clock },
  input: { creatorId: string },
): Promise<ActivityResponse> {
  const today = ports.clock.now();
  const first = new Date(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (ACTIVITY_DAYS - 1)),
  );
  const firstDay = first.toISOString().slice(0, 10);
  const [days, costs, cited] = await Promise.all([
    ports.db.tables.insightReads.answersPerDay({ creatorId: input.creatorId, firstDay, days: ACTIVITY_DAYS }),
    ports.db.tables.apiCosts.dailyChatCosts({ creatorId: input.creatorId, since: firstDay }),
    ports.db.tables.insightReads.mostCitedLessons({ creatorId: input.creatorId, since: firstDay }),
  ]);
  const costOf = new Map(costs.map((c) => [c.day, Number(c.cost_usd)]));
  const series = days.map((d) => ({
    day: d.day,
    answered: Number(d.answered),
    unanswered: Number(d.unanswered),
    students: Number(d.students),
    costUsd: costOf.get(d.day) ?? 0,
  }));
  const answers = series.reduce((n, d) => n + d.answered + d.unanswered, 0);
  const cost = series.reduce((n, d) => n + d.costUsd, 0);
  return {
    days: series,
    costPerAnswerUsd: answers > 0 ? cost / answers : null,
    mostCitedLessons: cited.map((c) => ({ videoId: c.video_id, videoTitle: c.title, citations: Number(c.citations) })),
  };
}

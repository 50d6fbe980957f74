import type { ClosedGap, ContentGap, ContentGapsResponse } from '../../../shared/schemas/insights';
import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';
import type { Embedder } from '../../ports/embedder';
import { retrieveSources } from '../chat/retrieve-sources';
import { loadGapQuestions } from './gap-questions';
import { type GapGroup, groupGapQuestions } from './group-gap-questions';

export interface FindContentGapsPorts {
  db: Db;
  clock: Clock;
  /** Groups questions by topic: the offline lexical embedder (free, and what the threshold was measured with). */
  topicEmbedder: Embedder;
  /** The production retrieval's embedder, for the closest lesson moments. */
  embedder: Embedder;
}

const DAY_MS = 24 * 3600 * 1000;
/** How far back gaps are looked for, and how many questions at most (clustering is quadratic). */
export const GAP_WINDOW_DAYS = 90;
export const GAP_QUESTIONS_MAX = 1000;
/** A topic asked about once is an anecdote; twice is a gap. */
export const MIN_GAP_QUESTIONS = 2;
const GAPS_SHOWN = 20;
const EXAMPLES = 3;
const MOMENTS = 3;

function trendOf(group: GapGroup, now: number): Pick<ContentGap, 'thisWeek' | 'lastWeek' | 'trend'> {
  const age = (q: { askedAt: Date }) => now - q.askedAt.getTime();
  const thisWeek = group.members.filter((q) => age(q) < 7 * DAY_MS).length;
  const lastWeek = group.members.filter((q) => age(q) >= 7 * DAY_MS && age(q) < 14 * DAY_MS).length;
  const trend = group.members.every((q) => age(q) < 7 * DAY_MS)
    ? 'new'
    : thisWeek > lastWeek * 1.25
      ? 'rising'
      : thisWeek < lastWeek * 0.75
        ? 'falling'
        : 'steady';
  return { thisWeek, lastWeek, trend };
}

/** Gap groups of at least MIN_GAP_QUESTIONS, most students first (shared with the notifications). */
export async function currentGapGroups(
  ports: Pick<FindContentGapsPorts, 'db' | 'clock' | 'topicEmbedder' | 'embedder'>,
  creatorId: string,
) {
  const since = new Date(ports.clock.now().getTime() - GAP_WINDOW_DAYS * DAY_MS);
  const questions = await loadGapQuestions(ports.db, {
    creatorId,
    since,
    embeddingModel: ports.embedder.model,
    limit: GAP_QUESTIONS_MAX,
  });
  const groups = await groupGapQuestions(ports.topicEmbedder, questions);
  const students = (g: GapGroup) => new Set(g.members.map((m) => m.userId)).size;
  const gaps = groups
    .filter((g) => g.members.length >= MIN_GAP_QUESTIONS)
    .sort((a, b) => students(b) - students(a) || b.members.length - a.members.length || a.key.localeCompare(b.key));
  return { questions, gaps, oneOff: groups.length - gaps.length, students };
}

/**
 * What students asked that the course does not answer, grouped by topic: how many
 * students, the trend, examples, and the lesson moments that come closest (found by
 * the production retrieval with its floor lifted, so "closest" means what a student
 * would have been sent to had it been relevant enough).
 */
export async function findContentGaps(
  ports: FindContentGapsPorts,
  input: { creatorId: string },
): Promise<ContentGapsResponse> {
  const now = ports.clock.now().getTime();
  const { questions, gaps, oneOff, students } = await currentGapGroups(ports, input.creatorId);
  const shown = await Promise.all(
    gaps.slice(0, GAPS_SHOWN).map(async (group): Promise<ContentGap> => {
      const nearest = await retrieveSources(
        { db: ports.db, embedder: ports.embedder },
        {
          creatorId: input.creatorId,
          query: group.representative.question,
          limit: MOMENTS,
          minSimilarity: -2,
          minCoverage: 0,
        },
      );
      return {
        key: group.key,
        label: group.label,
        students: students(group),
        questions: group.members.length,
        ...trendOf(group, now),
        examples: [...group.members]
          .sort((a, b) => b.askedAt.getTime() - a.askedAt.getTime())
          .slice(0, EXAMPLES)
          .map((q) => ({ question: q.question, askedAt: q.askedAt.toISOString(), reason: q.reason })),
        closestMoments: nearest.sources.map((s) => ({
          videoId: s.videoId,
          videoTitle: s.videoTitle,
          startSeconds: s.startSeconds,
          score: s.score,
        })),
      };
    }),
  );
  const closedRows = await ports.db.tables.contentGapResolutions.listClosedSince({
    creatorId: input.creatorId,
    since: new Date(now - 30 * DAY_MS),
  });
  const closed: ClosedGap[] = closedRows.map((r) => ({
    videoId: r.video_id,
    videoTitle: r.title,
    questions: Number(r.questions),
    closedAt: r.closed_at,
  }));
  return { gaps: shown, oneOffQuestions: oneOff, analysedQuestions: questions.length, closed };
}

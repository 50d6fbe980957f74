import type { Clock } from '../../ports/clock';
import type { Db } from '../../ports/db';
import type { Embedder } from '../../ports/embedder';
import { retrieveSources } from '../chat/retrieve-sources';
import { GAP_WINDOW_DAYS } from './find-content-gaps';
import { loadGapQuestions } from './gap-questions';

export interface RecheckContentGapsPorts {
  db: Db;
  embedder: Embedder;
  clock: Clock;
}

/**
 * Open gap questions re-asked per completed lesson, newest first. Each is one
 * production retrieval (a query embedding with a real provider), so it is bounded.
 */
export const RECHECK_QUESTIONS_MAX = 200;
const DAY_MS = 24 * 3600 * 1000;

/**
 * After a lesson completes: every open gap question is retrieved again with the
 * production code and floor; one the new lesson now answers (a source from it
 * clears the floor) is closed, recorded with the lesson. A 👎 answer that the
 * lesson covers counts as closed too: the student would now be sent to it.
 * Returns how many questions the lesson closed.
 */
export async function recheckContentGaps(
  ports: RecheckContentGapsPorts,
  input: { creatorId: string; videoId: string },
): Promise<number> {
  const since = new Date(ports.clock.now().getTime() - GAP_WINDOW_DAYS * DAY_MS);
  const open = await loadGapQuestions(ports.db, {
    creatorId: input.creatorId,
    since,
    embeddingModel: ports.embedder.model,
    limit: RECHECK_QUESTIONS_MAX,
  });
  let closed = 0;
  for (const question of open) {
    const { sources } = await retrieveSources(
      { db: ports.db, embedder: ports.embedder },
      { creatorId: input.creatorId, query: question.question },
    );
    if (!sources.some((s) => s.videoId === input.videoId)) continue;
    const recorded = await ports.db.tables.contentGapResolutions.record({
      creatorId: input.creatorId,
      messageId: question.messageId,
      videoId: input.videoId,
      at: ports.clock.now(),
    });
    if (recorded) closed += 1;
  }
  return closed;
}

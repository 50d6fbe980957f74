import type { Handler } from 'hono';
import { QuestionsQuery } from '../../shared/schemas/questions';
import type { AppDeps } from '../app';
import { listStudentQuestions } from '../domain/questions/list-student-questions';
import type { AppEnv } from '../http/context';

/** GET /api/dashboard/questions?limit=&cursor= — what the creator's students asked, newest first. */
export function dashboardQuestionsGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const query = QuestionsQuery.parse(c.req.query());
    c.header('cache-control', 'private, no-store');
    return c.json(
      await listStudentQuestions(
        { db: deps.db, clock: deps.clock },
        { ...query, creatorId: c.get('viewer').creator.id },
      ),
    );
  };
}

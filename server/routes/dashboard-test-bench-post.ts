import type { Handler } from 'hono';
import { TestBenchRequest } from '../../shared/schemas/test-bench';
import type { AppDeps } from '../app';
import { tryQuestion } from '../domain/insights/try-question';
import type { AppEnv } from '../http/context';
import { readJson } from '../http/read-json';

/** POST /api/dashboard/test-bench — what a question would cite, with scores, and whether it would be refused. */
export function dashboardTestBenchPost(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const body = TestBenchRequest.parse(await readJson(c));
    c.header('cache-control', 'private, no-store');
    return c.json(
      await tryQuestion(
        { db: deps.db, embedder: deps.ai.embedder },
        { creatorId: c.get('viewer').creator.id, question: body.question },
      ),
    );
  };
}

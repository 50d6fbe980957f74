import type { Handler } from 'hono';
import { QuestionsExportQuery } from '../../shared/schemas/questions';
import type { AppDeps } from '../app';
import { exportStudentQuestions } from '../domain/questions/export-student-questions';
import type { AppEnv } from '../http/context';

/** GET /api/dashboard/questions/export?outcome=&videoId=&from=&to=&search= — the filtered questions as CSV. */
export function dashboardQuestionsExportGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => {
    const filters = QuestionsExportQuery.parse(c.req.query());
    const { csv, rows, truncated } = await exportStudentQuestions(
      { db: deps.db },
      { ...filters, creatorId: c.get('viewer').creator.id },
    );
    const day = deps.clock.now().toISOString().slice(0, 10);
    return c.body(csv, 200, {
      'cache-control': 'private, no-store',
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="student-questions-${day}.csv"`,
      'x-export-rows': String(rows),
      'x-export-truncated': truncated ? 'true' : 'false',
    });
  };
}

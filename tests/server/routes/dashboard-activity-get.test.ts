import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/ports/db';
import { ActivityResponse } from '../../../shared/schemas/insights';
import { COMPANY_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { addCompletedVideo } from '../../support/add-completed-video';
import { describeSecurity } from '../../support/security';
import { seedStudentQuestions } from '../../support/seed-questions';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, world } from '../../support/whop-world';

installWhopWorld();
let db: Db;
let setup: Awaited<ReturnType<typeof createTestApp>>;
let lesson = '';
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86400_000).toISOString().slice(0, 10);

async function activity(companyId: string = world.A.companyId, admin: string = world.A.admin) {
  const res = await setup.app.request('/api/dashboard/insights/activity', {
    headers: { [USER_TOKEN_HEADER]: await signUserToken(admin), [COMPANY_HEADER]: companyId },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('private, no-store');
  return ActivityResponse.parse(await res.json());
}

beforeAll(async () => {
  db = await createTestDb();
  setup = await createTestApp(db);
  lesson = await addCompletedVideo(db, world.A.companyId, 'Lesson 1 · Starter', ['Feed the starter twice a day.']);
  const cited = { videoId: lesson, videoTitle: 'Lesson 1 · Starter', startSeconds: 0, score: 0.03 };
  await seedStudentQuestions(db, world.A, [
    { userId: 'user_s1', question: 'a?', cited, daysAgo: 0.001 },
    { userId: 'user_s2', question: 'b?', cited, daysAgo: 0.001 },
    { userId: 'user_s2', question: 'c?', daysAgo: 0.001 },
    { userId: 'user_s1', question: 'd?', cited, daysAgo: 2 },
    // Outside the 30 days.
    { userId: 'user_s3', question: 'old?', cited, daysAgo: 40 },
  ]);
  await seedStudentQuestions(db, world.B, [{ userId: 'user_b1', question: 'marmalade?', daysAgo: 0.001 }]);
  await db.query(
    `insert into api_costs (creator_id, provider, operation, model, units, unit_kind, cost_usd, created_at) values
       ($1, 'anthropic', 'answer', 'm', 100, 'output_tokens', 0.03, now() - interval '1 minute'),
       ($1, 'openai', 'query_embedding', 'm', 10, 'tokens', 0.01, now() - interval '1 minute'),
       ($1, 'openai', 'embedding', 'm', 10, 'tokens', 5, now() - interval '1 minute'),
       ('biz_beta', 'anthropic', 'answer', 'm', 100, 'output_tokens', 7, now() - interval '1 minute')`,
    [world.A.companyId],
  );
});
afterAll(() => db.close());

describe('GET /api/dashboard/insights/activity', () => {
  it('gives every one of the last 30 days: answered vs not, students, chat cost; and cost per answer', async () => {
    const body = await activity();
    expect(body.days).toHaveLength(30);
    expect(body.days.at(-1)).toEqual({ day: day(0), answered: 2, unanswered: 1, students: 2, costUsd: 0.04 });
    expect(body.days.find((d) => d.day === day(2))).toMatchObject({ answered: 1, unanswered: 0, students: 1 });
    expect(
      body.days.filter((d) => d.day !== day(0) && d.day !== day(2)).every((d) => d.answered + d.unanswered === 0),
    ).toBe(true);
    // Ingestion embeddings are not chat cost; 4 answers in the window.
    expect(body.costPerAnswerUsd).toBeCloseTo(0.01, 6);
    expect(body.mostCitedLessons).toEqual([{ videoId: lesson, videoTitle: 'Lesson 1 · Starter', citations: 3 }]);
  });

  it("never counts another creator's questions or costs", async () => {
    const b = await activity(world.B.companyId, world.B.admin);
    expect(b.days.at(-1)).toMatchObject({ answered: 0, unanswered: 1, students: 1, costUsd: 7 });
    expect(b.mostCitedLessons).toEqual([]);
  });
});

describeSecurity('/api/dashboard/insights/activity', () => setup.app, {
  method: 'GET',
  path: '/api/dashboard/insights/activity',
  view: 'dashboard',
});

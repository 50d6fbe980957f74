import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresDb } from '../../server/adapters/db/postgres-db';
import worker from '../../server/entry/worker';

/**
 * On Workers there is no "start": the cron settles answers left `streaming` for
 * longer than any request can live (a Worker killed mid-answer), giving their
 * questions back, and leaves the ones that may still be streaming alone.
 */
const db = openPostgresDb({ url: env.DATABASE_URL, max: 2, prepare: false });
afterAll(() => db.close());

async function studentWithTwoAnswersStreaming() {
  const suffix = crypto.randomUUID().replaceAll('-', '').slice(0, 12);
  const [creatorId, experienceId, userId] = [`biz_rc${suffix}`, `exp_rc${suffix}`, `user_rc${suffix}`];
  await db.query(`insert into creators (id, name) values ($1, 'Reconcile school')`, [creatorId]);
  await db.query(`insert into experiences (id, creator_id) values ($1, $2)`, [experienceId, creatorId]);
  await db.query(`insert into users (id) values ($1)`, [userId]);
  await db.query(
    `insert into chat_usage (creator_id, user_id, period_start, questions_used) values ($1, $2, '1970-01-01', 2)`,
    [creatorId, userId],
  );
  const [session] = await db.query<{ id: string }>(
    `insert into chat_sessions (creator_id, experience_id, user_id, title) values ($1, $2, $3, 'Two questions') returning id`,
    [creatorId, experienceId, userId],
  );
  const answer = async (age: string) => {
    const [row] = await db.query<{ id: string }>(
      `insert into chat_messages (session_id, creator_id, user_id, role, content, status, quota_period, created_at)
       values ($1, $2, $3, 'assistant', '', 'streaming', '1970-01-01', now() - $4::interval) returning id`,
      [session!.id, creatorId, userId, age],
    );
    return row!.id;
  };
  return { creatorId, userId, dead: await answer('11 minutes'), live: await answer('1 minute') };
}

describe('the scheduled maintenance (cron) and unfinished answers', () => {
  it('fails an answer left streaming past the bound and gives its question back, once', async () => {
    const { creatorId, userId, dead, live } = await studentWithTwoAnswersStreaming();
    const used = async () =>
      (
        await db.query<{ n: number }>(
          `select questions_used as n from chat_usage where creator_id = $1 and user_id = $2`,
          [creatorId, userId],
        )
      )[0]!.n;
    for (let run = 0; run < 2; run++) {
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '*/10 * * * *' }), env, ctx);
      await waitOnExecutionContext(ctx);
      expect(await used()).toBe(1);
    }
    const rows = await db.query<{ id: string; status: string; quota_period: string | null }>(
      `select id, status, quota_period::text from chat_messages where id = any($1::uuid[])`,
      [[dead, live]],
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.status, r.quota_period]]))).toEqual({
      [dead]: ['failed', null],
      [live]: ['streaming', '1970-01-01'],
    });
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bindTables } from '../../../server/adapters/db/tables/bind-tables';
import { ACCESS_TTL_SECONDS } from '../../../server/domain/identity/whop-facts';
import type { Db } from '../../../server/ports/db';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { readChatEvents } from '../../support/sse';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, whopCalls, world } from '../../support/whop-world';

/**
 * POST /api/chat admits a returning student's question in one statement: the viewer
 * (what Whop said of this user and course, cached within its TTL), the session's
 * history and the held question (chatMessages.holdAsViewer). Anything not fresh is
 * resolved with Whop first, exactly as every other student route.
 */
installWhopWorld();
let db: Db;
let now = new Date('2026-11-20T12:00:00Z');
const statements: string[] = [];
let app: Awaited<ReturnType<typeof createTestApp>>['app'];

beforeAll(async () => {
  db = await createTestDb();
  const counting: Db = {
    ...db,
    driver: db.driver,
    query: (sql, params) => {
      statements.push(sql);
      return db.query(sql, params);
    },
    // The table modules run their statements through this query, so they are counted too.
    get tables() {
      return bindTables(counting);
    },
    transaction: (fn) => db.transaction(fn),
    exec: (sql) => db.exec(sql),
    close: async () => {},
  };
  ({ app } = await createTestApp(counting, { clock: { now: () => now } }));
});
afterAll(() => db.close());
beforeEach(async () => {
  for (const table of ['chat_usage', 'chat_sessions', 'whop_access_cache', 'experiences', 'users']) {
    await db.query(`delete from ${table}`);
  }
  now = new Date('2026-11-20T12:00:00Z');
});

async function ask(userId: string, experienceId: string, body: unknown) {
  return app.request('/api/chat', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [USER_TOKEN_HEADER]: await signUserToken(userId),
      [EXPERIENCE_HEADER]: experienceId,
    },
    body: JSON.stringify(body),
  });
}

async function answered(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  const events = await readChatEvents(res);
  expect(events.at(-1)?.type).toBe('done');
  const meta = events.find((e) => e.type === 'meta');
  return meta?.type === 'meta' ? meta.sessionId : '';
}

const identityStatements = () => statements.filter((sql) => /whop_access_cache/.test(sql));
const sessionsOf = async (userId: string) =>
  (await db.query<{ n: number }>(`select count(*)::int as n from chat_sessions where user_id = $1`, [userId]))[0]!.n;

describe('admitting a question', () => {
  it('reads a returning student, the session history and the hold in one statement, with no Whop call', async () => {
    const sessionId = await answered(
      await ask(world.A.student, world.A.experienceId, { question: 'What is hydration?' }),
    );
    statements.length = 0;
    const whopBefore = whopCalls.length;
    await answered(await ask(world.A.student, world.A.experienceId, { question: 'And what about salt?', sessionId }));
    expect(whopCalls.length).toBe(whopBefore);
    const identity = identityStatements();
    expect(identity).toHaveLength(1);
    // The same statement holds the question: no separate session, history or viewer read before it.
    expect(identity[0]).toMatch(/insert into chat_messages/);
    expect(statements.filter((sql) => /from chat_sessions s\b/.test(sql))).toHaveLength(1);
    expect(statements.filter((sql) => /status = 'complete'\s+order by created_at desc/.test(sql))).toHaveLength(1);
  });

  it('takes the creator and the role from what Whop said, not from the request: another course is refused', async () => {
    await answered(await ask(world.A.student, world.A.experienceId, { question: 'What is hydration?' }));
    const before = await sessionsOf(world.A.student);
    const res = await ask(world.A.student, world.B.experienceId, { question: 'What is the password?' });
    expect(res.status).toBe(403);
    expect(ErrorBody.parse(await res.json()).error.code).toBe('FORBIDDEN');
    expect(await sessionsOf(world.A.student)).toBe(before);
  });

  it('asks Whop again once the cached access has expired', async () => {
    await answered(await ask(world.A.student, world.A.experienceId, { question: 'What is hydration?' }));
    now = new Date(now.getTime() + (ACCESS_TTL_SECONDS + 1) * 1000);
    const whopBefore = whopCalls.length;
    await answered(await ask(world.A.student, world.A.experienceId, { question: 'What is hydration?' }));
    expect(whopCalls.length).toBeGreaterThan(whopBefore);
  });

  it('does not count a creator asking in their own course, however they are admitted', async () => {
    for (let i = 0; i < 2; i++) {
      await answered(await ask(world.A.admin, world.A.experienceId, { question: 'What is hydration?' }));
    }
    expect(await db.query(`select 1 from chat_usage where user_id = $1`, [world.A.admin])).toHaveLength(0);
    const asked = await db.query<{ asked_as: string }>(`select asked_as from chat_sessions where user_id = $1`, [
      world.A.admin,
    ]);
    expect(asked.map((r) => r.asked_as)).toEqual(['creator', 'creator']);
  });

  it('answers a user without access 403 whatever the body, and a student 400 for a body that is not a question', async () => {
    const outsider = await ask(world.B.student, world.A.experienceId, { question: '' });
    expect(outsider.status).toBe(403);
    const student = await ask(world.A.student, world.A.experienceId, { question: '' });
    expect(student.status).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/ports/db';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { TestBenchResult } from '../../../shared/schemas/test-bench';
import { COMPANY_HEADER, EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { addCompletedVideo, addDemoCourse } from '../../support/add-completed-video';
import { describeSecurity } from '../../support/security';
import { readChatEvents } from '../../support/sse';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, world } from '../../support/whop-world';

installWhopWorld();
let db: Db;
let setup: Awaited<ReturnType<typeof createTestApp>>;

async function tryIt(body: unknown, companyId: string = world.A.companyId, admin: string = world.A.admin) {
  return setup.app.request('/api/dashboard/test-bench', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [USER_TOKEN_HEADER]: await signUserToken(admin),
      [COMPANY_HEADER]: companyId,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The sources a student of creator A asking this gets (the chat's meta event). */
async function studentSources(question: string) {
  const res = await setup.app.request('/api/chat', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [USER_TOKEN_HEADER]: await signUserToken(world.A.student),
      [EXPERIENCE_HEADER]: world.A.experienceId,
    },
    body: JSON.stringify({ question }),
  });
  expect(res.status).toBe(200);
  const meta = (await readChatEvents(res))[0]!;
  if (meta.type !== 'meta') throw new Error('the stream did not start with meta');
  return meta.sources;
}

const counts = async () =>
  (
    await db.query<{ messages: number; usage: number }>(
      `select (select count(*)::int from chat_messages) as messages, (select count(*)::int from chat_usage) as usage`,
    )
  )[0];

beforeAll(async () => {
  db = await createTestDb();
  setup = await createTestApp(db);
  await addDemoCourse(db, world.A.companyId);
  await addCompletedVideo(db, world.B.companyId, 'Vault', ['The marmalade password opens the vault of creator B.']);
});
afterAll(() => db.close());

describe('POST /api/dashboard/test-bench', () => {
  it('shows the moments a student asking it would be sent to, with scores, then the near misses; touches no quota or history', async () => {
    const question = 'How often should I feed my sourdough starter?';
    const before = await counts();
    const res = await tryIt({ question });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const body = TestBenchResult.parse(await res.json());
    expect(body.refused).toBe(false);
    expect(await counts()).toEqual(before);
    const cited = body.moments.filter((m) => m.cited);
    const misses = body.moments.filter((m) => !m.cited);
    expect(body.moments.slice(cited.length)).toEqual(misses);
    // Exactly the sources a student's answer is written from (the chat's meta event), in its order.
    const sources = await studentSources(question);
    expect(cited.map((m) => [m.kind ?? 'lesson', m.videoId, m.startSeconds])).toEqual(
      sources.map((s) => [s.kind ?? 'lesson', s.videoId, s.startSeconds]),
    );
  });

  it("shows a creator's note first when it answers the question, as the chat cites it", async () => {
    const question = 'What flour should I buy for rye bread?';
    const note = 'Buy whole rye flour from the mill in town; supermarket rye is too fine for these recipes.';
    const saved = await setup.app.request('/api/dashboard/notes', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [USER_TOKEN_HEADER]: await signUserToken(world.A.admin),
        [COMPANY_HEADER]: world.A.companyId,
      },
      body: JSON.stringify({ question, body: note }),
    });
    expect(saved.status).toBe(201);
    const body = TestBenchResult.parse(await (await tryIt({ question })).json());
    expect(body.refused).toBe(false);
    expect(body.moments[0]).toMatchObject({ kind: 'note', cited: true, videoId: null, excerpt: note });
    const sources = await studentSources(question);
    expect(sources[0]).toMatchObject({ kind: 'note', text: note });
    expect(body.moments.filter((m) => m.cited).map((m) => m.kind ?? 'lesson')).toEqual(
      sources.map((s) => s.kind ?? 'lesson'),
    );
    // Another creator's test bench never sees it.
    const other = TestBenchResult.parse(await (await tryIt({ question }, world.B.companyId, world.B.admin)).json());
    expect(JSON.stringify(other)).not.toContain('mill in town');
  });

  it('says a question the course does not cover would be refused, and still shows the nearest passages', async () => {
    const body = TestBenchResult.parse(await (await tryIt({ question: 'How do I fix my car engine?' })).json());
    expect(body.refused).toBe(true);
    expect(body.moments.every((m) => !m.cited)).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/marmalade/);
  });

  it.each([[{}], [{ question: '' }], [{ question: 'x'.repeat(2001) }], [{ question: 'hi', extra: 1 }], ['{not json']])(
    'rejects %j (400)',
    async (body) => {
      const res = await tryIt(body);
      expect(res.status).toBe(400);
      expect(['VALIDATION_FAILED', 'BAD_REQUEST']).toContain(ErrorBody.parse(await res.json()).error.code);
    },
  );

  it('is not reachable from the student view', async () => {
    const res = await setup.app.request('/api/dashboard/test-bench', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [USER_TOKEN_HEADER]: await signUserToken(world.A.student),
        [EXPERIENCE_HEADER]: world.A.experienceId,
      },
      body: JSON.stringify({ question: 'hi' }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});

describeSecurity('/api/dashboard/test-bench', () => setup.app, {
  method: 'POST',
  path: '/api/dashboard/test-bench',
  view: 'dashboard',
  body: { question: 'What is hydration?' },
});

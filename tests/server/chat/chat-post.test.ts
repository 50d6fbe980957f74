import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import { indexTranscript } from '../../../server/domain/ingestion/index-transcript';
import type { Db } from '../../../server/ports/db';
import { ChatSessionMessages } from '../../../shared/schemas/chat-history';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { describeSecurity } from '../../support/security';
import { answerText, readChatEvents } from '../../support/sse';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, world } from '../../support/whop-world';

installWhopWorld();
let db: Db;
let app: Awaited<ReturnType<typeof createTestApp>>['app'];
let videoA = '';
let videoB = '';

async function addVideo(creatorId: string, title: string, lines: string[]) {
  await db.query(`insert into creators (id) values ($1) on conflict do nothing`, [creatorId]);
  const [v] = await db.query<{ id: string }>(
    `insert into videos (creator_id, title, source_kind, status) values ($1, $2, 'captions', 'completed') returning id`,
    [creatorId, title],
  );
  const segments = lines.map((text, i) => ({ startSeconds: i * 10, endSeconds: i * 10 + 9, text }));
  await indexTranscript({ db, embedder: createOfflineLexicalEmbedder() }, { creatorId, videoId: v!.id, segments });
  return v!.id;
}

beforeAll(async () => {
  db = await createTestDb();
  ({ app } = await createTestApp(db));
  videoA = await addVideo(world.A.companyId, 'Lesson 2 · Hydration', [
    'Welcome back to the course.',
    'Hydration is the weight of water divided by the weight of flour.',
    'A dough with seven hundred grams of water per kilogram of flour is seventy percent hydration.',
    'Higher hydration gives a more open crumb but a stickier dough.',
  ]);
  videoB = await addVideo(world.B.companyId, 'Secret lesson', [
    'The password for the vault is marmalade and only creator B teaches it.',
  ]);
});
// Each test starts with every student's FREE allowance unused.
beforeEach(() => db.query(`delete from chat_usage`));
afterAll(() => db.close());

async function ask(
  question: string,
  userId: string = world.A.student,
  experienceId: string = world.A.experienceId,
  sessionId?: string,
) {
  return app.request('/api/chat', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [USER_TOKEN_HEADER]: await signUserToken(userId),
      [EXPERIENCE_HEADER]: experienceId,
    },
    body: JSON.stringify({ question, ...(sessionId ? { sessionId } : {}) }),
  });
}

describe('POST /api/chat', () => {
  it('streams meta, tokens, citations and done, grounded in the right video and moment', async () => {
    const res = await ask('What does seventy percent hydration mean?', world.A.admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = await readChatEvents(res);
    expect(events[0]).toMatchObject({ type: 'meta', answerer: { mode: 'offline' } });
    const meta = events[0]!.type === 'meta' ? events[0]! : null;
    expect(meta!.sources[0]).toMatchObject({ n: 1, videoId: videoA, videoTitle: 'Lesson 2 · Hydration' });
    expect(events.at(-1)).toMatchObject({ type: 'done', noAnswer: false });
    expect(answerText(events)).toMatch(/seventy percent hydration/);
    // The citation plays the moment that says it (the segment at 20 s), not the passage start (0 s).
    expect(events.filter((e) => e.type === 'citation')).toContainEqual(
      expect.objectContaining({ n: 1, videoId: videoA, startSeconds: 20 }),
    );
  });

  it("says so instead of guessing, and never searches another creator's videos", async () => {
    const events = await readChatEvents(await ask('What is the password for the vault?', world.A.admin));
    const meta = events[0]!;
    expect(meta.type === 'meta' && meta.sources).toEqual([]);
    expect(answerText(events)).toMatch(/couldn't find this in the course/);
    expect(events.at(-1)).toMatchObject({ type: 'done', noAnswer: true });
    expect(JSON.stringify(events)).not.toContain(videoB);
    expect(JSON.stringify(events)).not.toContain('marmalade');
  });

  it('lets exactly 3 of 50 parallel questions from one FREE student through', async () => {
    // Questions the course cannot answer are free, so they do not use up the allowance first.
    const free = await readChatEvents(
      await ask('How does hydration change the crumb?', world.B.student, world.B.experienceId),
    );
    expect(free.at(-1)).toMatchObject({ type: 'done', noAnswer: true });
    const charged = await Promise.all(
      Array.from({ length: 50 }, () =>
        ask('What is the password for the vault?', world.B.student, world.B.experienceId),
      ),
    );
    const ok = charged.filter((r) => r.status === 200);
    const refused = charged.filter((r) => r.status === 403);
    expect(ok).toHaveLength(3);
    expect(refused).toHaveLength(47);
    const body = ErrorBody.parse(await refused[0]!.json());
    expect(body.error.code).toBe('CHAT_LIMIT_EXCEEDED');
    expect(body.error.details?.['usage']).toMatchObject({ used: 3, limit: 3, remaining: 0 });
    const metas = await Promise.all(ok.map(readChatEvents));
    expect(metas.map((e) => (e[0]!.type === 'meta' ? e[0]!.usage.used : 0)).sort()).toEqual([1, 2, 3]);
  });

  it('continues a session with its history, and hides it from anyone else', async () => {
    const first = await readChatEvents(await ask('What is hydration?'));
    const sessionId = first[0]!.type === 'meta' ? first[0]!.sessionId : '';
    const follow = await ask('And what does a higher one do?', world.A.student, world.A.experienceId, sessionId);
    expect(follow.status).toBe(200);
    expect(answerText(await readChatEvents(follow))).toMatch(/open crumb|stickier/);
    const own = await app.request(`/api/chat/sessions/${sessionId}`, {
      headers: { [USER_TOKEN_HEADER]: await signUserToken(world.A.student), [EXPERIENCE_HEADER]: world.A.experienceId },
    });
    const messages = ChatSessionMessages.parse(await own.json()).messages;
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    const stranger = await ask('hello', world.A.admin, world.A.experienceId, sessionId);
    expect(stranger.status).toBe(404);
  });

  it('deletes a conversation of the student’s own, keeping what it cost; anyone else’s is not found', async () => {
    const first = await readChatEvents(await ask('What is hydration?'));
    const meta = first[0]!;
    const sessionId = meta.type === 'meta' ? meta.sessionId : '';
    const headers = async (userId: string) => ({
      [USER_TOKEN_HEADER]: await signUserToken(userId),
      [EXPERIENCE_HEADER]: world.A.experienceId,
    });
    const costs = async () =>
      Number(
        (
          await db.query<{ n: string }>(`select count(*)::text as n from api_costs where creator_id = $1`, [
            world.A.companyId,
          ])
        )[0]!.n,
      );
    const costsBefore = await costs();

    const stranger = await app.request(`/api/chat/sessions/${sessionId}`, {
      method: 'DELETE',
      headers: await headers(world.A.admin),
    });
    expect(stranger.status).toBe(404);
    const deleted = await app.request(`/api/chat/sessions/${sessionId}`, {
      method: 'DELETE',
      headers: await headers(world.A.student),
    });
    expect(deleted.status).toBe(204);
    expect(await db.query(`select 1 from chat_messages where session_id = $1`, [sessionId])).toEqual([]);
    expect(await costs()).toBe(costsBefore);
    const again = await app.request(`/api/chat/sessions/${sessionId}`, {
      method: 'DELETE',
      headers: await headers(world.A.student),
    });
    expect(again.status).toBe(404);
    const list = await app.request('/api/chat/sessions', { headers: await headers(world.A.student) });
    expect(JSON.stringify(await list.json())).not.toContain(sessionId);
  });

  it('moves a conversation continued to the top of the list, as its answer settles', async () => {
    const metaOf = async (res: Response) => {
      const events = await readChatEvents(res);
      expect(events.at(-1)).toMatchObject({ type: 'done' });
      return events[0]!.type === 'meta' ? events[0]!.sessionId : '';
    };
    const older = await metaOf(await ask('What is hydration?', world.A.admin));
    const newer = await metaOf(await ask('What does a stickier dough mean?', world.A.admin));
    const order = async () => {
      const headers = {
        [USER_TOKEN_HEADER]: await signUserToken(world.A.admin),
        [EXPERIENCE_HEADER]: world.A.experienceId,
      };
      const list = await app.request('/api/chat/sessions', { headers });
      const ids = ((await list.json()) as { sessions: { id: string }[] }).sessions.map((s) => s.id);
      return ids.filter((id) => id === older || id === newer);
    };
    expect(await order()).toEqual([newer, older]);
    await metaOf(await ask('And a more open crumb?', world.A.admin, world.A.experienceId, older));
    expect(await order()).toEqual([older, newer]);
  });

  it('validates the question', async () => {
    const empty = await ask('   ');
    expect(empty.status).toBe(400);
    const long = await ask('x'.repeat(2001));
    expect(ErrorBody.parse(await long.json()).error.code).toBe('VALIDATION_FAILED');
  });
});

describeSecurity('/api/chat', () => app, {
  method: 'POST',
  path: '/api/chat',
  view: 'experience',
  body: { question: 'hydration?' },
});
describeSecurity('/api/chat/sessions', () => app, { method: 'GET', path: '/api/chat/sessions', view: 'experience' });
/** A conversation of creator B's student: creator A's users must get 404 for it. */
async function foreignSession(): Promise<string> {
  // B's student opening the chat makes B's experience known, whatever ran before.
  const opened = await app.request('/api/chat/sessions', {
    headers: { [USER_TOKEN_HEADER]: await signUserToken(world.B.student), [EXPERIENCE_HEADER]: world.B.experienceId },
  });
  expect(opened.status).toBe(200);
  await db.query(`insert into users (id) values ($1) on conflict do nothing`, [world.B.student]);
  const [session] = await db.query<{ id: string }>(
    `insert into chat_sessions (creator_id, experience_id, user_id, title) values ($1, $2, $3, 'B') returning id`,
    [world.B.companyId, world.B.experienceId, world.B.student],
  );
  return session!.id;
}
for (const method of ['GET', 'DELETE'] as const) {
  describeSecurity('/api/chat/sessions/:id', () => app, {
    method,
    path: '/api/chat/sessions/00000000-0000-4000-8000-000000000000',
    view: 'experience',
    foreignPath: async () => `/api/chat/sessions/${await foreignSession()}`,
  });
}
describeSecurity('/api/chat/messages/:id/feedback', () => app, {
  method: 'POST',
  path: '/api/chat/messages/00000000-0000-4000-8000-000000000000/feedback',
  view: 'experience',
  body: { value: 1 },
  foreignPath: async () => {
    const [message] = await db.query<{ id: string }>(
      `insert into chat_messages (session_id, creator_id, user_id, role, content) values ($1, $2, $3, 'assistant', 'B answer') returning id`,
      [await foreignSession(), world.B.companyId, world.B.student],
    );
    return `/api/chat/messages/${message!.id}/feedback`;
  },
});

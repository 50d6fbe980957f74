import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import { retrieveSources } from '../../../server/domain/chat/retrieve-sources';
import type { Db } from '../../../server/ports/db';
import { StarterQuestions } from '../../../shared/schemas/chat-starters';
import { EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { addCompletedVideo, addDemoCourse } from '../../support/add-completed-video';
import { describeSecurity } from '../../support/security';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, world } from '../../support/whop-world';

installWhopWorld();
let db: Db;
let app: Awaited<ReturnType<typeof createTestApp>>['app'];
let now = Date.parse('2026-11-29T10:00:00Z');
const clock = { now: () => new Date(now) };

beforeAll(async () => {
  db = await createTestDb();
  ({ app } = await createTestApp(db, { clock }));
  // Creator A: the sandbox's demo course (four sourdough lessons).
  await addDemoCourse(db, world.A.companyId);
});
afterAll(() => db.close());

async function starters(tenant: typeof world.A | typeof world.B, userId: string = tenant.student) {
  const res = await app.request('/api/chat/starters', {
    headers: { [USER_TOKEN_HEADER]: await signUserToken(userId), [EXPERIENCE_HEADER]: tenant.experienceId },
  });
  expect(res.status).toBe(200);
  return StarterQuestions.parse(await res.json()).starters;
}

const videosOf = async (creatorId: string) =>
  new Set(
    (await db.query<{ id: string }>(`select id from videos where creator_id = $1`, [creatorId])).map((r) => r.id),
  );

describe('GET /api/chat/starters', () => {
  it('draws 3–4 questions from different lessons of the asking creator, each one the course can answer', async () => {
    const list = await starters(world.A);
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(list.length).toBeLessThanOrEqual(4);
    const own = await videosOf(world.A.companyId);
    for (const s of list) expect(own.has(s.videoId ?? '')).toBe(true);
    expect(new Set(list.map((s) => s.videoId)).size).toBeGreaterThanOrEqual(3);
    expect(list.map((s) => s.question).join(' | ')).toMatch(/bulk fermentation/i);
    for (const s of list) {
      expect(s.question.length).toBeLessThanOrEqual(80);
      const { sources } = await retrieveSources(
        { db, embedder: createOfflineLexicalEmbedder() },
        { creatorId: world.A.companyId, query: s.question },
      );
      expect(
        sources.map((x) => x.videoId),
        s.question,
      ).toContain(s.videoId);
    }
    // Deterministic: the same course, the same starters (and the creator previewing sees them too).
    expect(await starters(world.A, world.A.admin)).toEqual(list);
  });

  it("answers an empty list before a course has lessons, and never shows another creator's content", async () => {
    expect(await starters(world.B)).toEqual([]);
    // B's lesson arrives; the cache keeps B's empty answer for a few minutes, then B sees its own lesson.
    const secret = await addCompletedVideo(db, world.B.companyId, 'Vault secrets', [
      'The marmalade password opens the vault.',
      'Say the marmalade password twice, then the vault door opens.',
    ]);
    expect(await starters(world.B)).toEqual([]);
    now += 6 * 60_000;
    const list = await starters(world.B);
    expect(list).toEqual([
      { question: expect.stringMatching(/marmalade password/i), videoId: secret, videoTitle: 'Vault secrets' },
    ]);
    const a = await starters(world.A);
    expect(JSON.stringify(a)).not.toMatch(/marmalade|vault/i);
    expect(a.map((s) => s.videoId)).not.toContain(secret);
  });

  it('ignores lessons that are not completed', async () => {
    await db.query(`insert into creators (id) values ($1) on conflict do nothing`, [world.B.companyId]);
    const [pending] = await db.query<{ id: string }>(
      `insert into videos (creator_id, title, source_kind, status) values ($1, 'Half done', 'captions', 'embedding') returning id`,
      [world.B.companyId],
    );
    await db.query(
      `insert into chunks (creator_id, video_id, seq, start_seconds, end_seconds, text) values ($1, $2, 0, 0, 9, 'Unfinished lesson on copper kettles. Copper kettles everywhere.')`,
      [world.B.companyId, pending!.id],
    );
    now += 6 * 60_000;
    expect(JSON.stringify(await starters(world.B))).not.toMatch(/copper/i);
  });
});

describeSecurity('/api/chat/starters', () => app, { method: 'GET', path: '/api/chat/starters', view: 'experience' });

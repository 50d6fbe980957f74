import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/ports/db';
import { AssistantSettings, CitationHeat } from '../../../shared/schemas/assistant-settings';
import { StarterQuestions } from '../../../shared/schemas/chat-starters';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { addCompletedVideo, addDemoCourse } from '../../support/add-completed-video';
import { describeSecurity } from '../../support/security';
import { seedStudentQuestions } from '../../support/seed-questions';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, world } from '../../support/whop-world';
import { adminHeaders } from '../ingestion/upload-support';

installWhopWorld();

let db: Db;
let harness: Awaited<ReturnType<typeof createTestApp>>;
let lessonA = '';
let lessonB = '';
beforeAll(async () => {
  db = await createTestDb();
  harness = await createTestApp(db);
  await addDemoCourse(db, world.A.companyId);
  // 12 lines of 10 s: a two-minute lesson.
  lessonA = await addCompletedVideo(
    db,
    world.A.companyId,
    'Timeline lesson',
    Array.from({ length: 12 }, (_, i) => `Line ${i} about proofing.`),
  );
  lessonB = await addCompletedVideo(db, world.B.companyId, 'Vault lesson', ['The marmalade password opens the vault.']);
});
afterAll(() => db.close());
// Each test starts from the defaults: no creator has saved settings, no student has asked.
beforeEach(async () => {
  await db.query('delete from assistant_settings');
  await db.query('delete from chat_sessions');
});

const settingsPath = '/api/dashboard/assistant-settings';
const valid = {
  name: 'Crumb',
  greeting: 'Hi! Ask me anything about your bake.',
  starters: ['What flour should I buy first?', 'How warm should my kitchen be?'],
  teachingMode: 'guide',
};
const put = async (who: typeof world.A | typeof world.B, body: unknown) =>
  harness.app.request(settingsPath, {
    method: 'PUT',
    headers: { ...(await adminHeaders(who)), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const read = async (who: typeof world.A | typeof world.B) => {
  const res = await harness.app.request(settingsPath, { headers: await adminHeaders(who) });
  expect(res.status).toBe(200);
  return AssistantSettings.parse(await res.json());
};
const studentStarters = async (tenant: typeof world.A | typeof world.B) => {
  const res = await harness.app.request('/api/chat/starters', {
    headers: { [USER_TOKEN_HEADER]: await signUserToken(tenant.student), [EXPERIENCE_HEADER]: tenant.experienceId },
  });
  expect(res.status).toBe(200);
  return StarterQuestions.parse(await res.json());
};

describe('assistant settings', () => {
  it('start as Chronos, no greeting, no starters, answer mode; privately cached', async () => {
    const res = await harness.app.request(settingsPath, { headers: await adminHeaders(world.A) });
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(AssistantSettings.parse(await res.json())).toEqual({
      name: 'Chronos',
      greeting: '',
      starters: [],
      teachingMode: 'answer',
    });
  });

  it("are saved per creator (trimmed), and B's save never changes A's", async () => {
    const res = await put(world.B, { ...valid, name: '  Vaultie  ' });
    expect(res.status).toBe(200);
    expect(AssistantSettings.parse(await res.json())).toEqual({ ...valid, name: 'Vaultie' });
    expect((await read(world.A)).name).toBe('Chronos');
    expect(await read(world.B)).toEqual({ ...valid, name: 'Vaultie' });
  });

  it.each([
    ['an empty name', { ...valid, name: '   ' }, 'name'],
    ['a name past 40 characters', { ...valid, name: 'x'.repeat(41) }, 'name'],
    ['a NUL in the name', { ...valid, name: 'Cr\u0000umb' }, 'name'],
    ['a greeting past 280 characters', { ...valid, greeting: 'x'.repeat(281) }, 'greeting'],
    ['an unpaired surrogate in the greeting', { ...valid, greeting: 'Hi \ud800' }, 'greeting'],
    ['five starters', { ...valid, starters: ['a?', 'b?', 'c?', 'd?', 'e?'] }, 'starters'],
    ['an empty starter', { ...valid, starters: ['  '] }, 'starters'],
    ['a starter past 120 characters', { ...valid, starters: ['x'.repeat(121)] }, 'starters'],
    ['an unknown teaching mode', { ...valid, teachingMode: 'lecture' }, 'teachingMode'],
    ['an unknown field', { ...valid, creatorId: world.B.companyId }, ''],
    ['a missing field', { name: 'Crumb' }, ''],
  ])('refuse %s with a clear 400 naming the field', async (_label, body, field) => {
    const res = await put(world.A, body);
    expect(res.status).toBe(400);
    const error = ErrorBody.parse(await res.json()).error;
    expect(error.code).toBe('VALIDATION_FAILED');
    if (field) expect(JSON.stringify(error.details)).toContain(field);
    expect((await read(world.A)).name).toBe('Chronos');
  });
});

describe('the student chat', () => {
  it("serves the creator's starters first, in their order, then drawn ones up to 4, with the name and greeting", async () => {
    const before = await studentStarters(world.A);
    expect(before.assistant).toEqual({ name: 'Chronos', greeting: '' });
    const drawn = before.starters;
    expect(drawn.length).toBeGreaterThanOrEqual(3);

    expect((await put(world.A, valid)).status).toBe(200);
    const after = await studentStarters(world.A);
    expect(after.assistant).toEqual({ name: 'Crumb', greeting: valid.greeting });
    expect(after.starters.slice(0, 2)).toEqual(
      valid.starters.map((question) => ({ question, videoId: null, videoTitle: null })),
    );
    expect(after.starters.slice(2)).toEqual(drawn.slice(0, 2));

    // Four of the creator's own replace the drawn ones; a drawn one they also wrote is not repeated.
    const four = ['One?', 'Two?', drawn[0]!.question.toUpperCase(), 'Four?'];
    expect((await put(world.A, { ...valid, starters: four })).status).toBe(200);
    expect((await studentStarters(world.A)).starters.map((s) => s.question)).toEqual(four);
  });

  it("never shows another creator's persona or starters", async () => {
    expect((await put(world.B, { ...valid, name: 'Vaultie' })).status).toBe(200);
    expect((await put(world.A, { ...valid, starters: ['One?', 'Two?'] })).status).toBe(200);
    const b = await studentStarters(world.B);
    expect(b.assistant?.name).toBe('Vaultie');
    expect(JSON.stringify(b)).not.toMatch(/Crumb|One\?/);
  });
});

describe('GET /api/videos/:id/citation-heat', () => {
  const heat = async (who: typeof world.A | typeof world.B, id: string) =>
    harness.app.request(`/api/videos/${id}/citation-heat`, { headers: await adminHeaders(who) });

  const cited = (startSeconds: number) => ({
    videoId: lessonA,
    videoTitle: 'Timeline lesson',
    startSeconds,
    score: 0.05,
  });
  const seedVaultQuestion = () =>
    seedStudentQuestions(db, world.B, [
      {
        userId: 'user_b1',
        question: 'y?',
        cited: { videoId: lessonB, videoTitle: 'Vault lesson', startSeconds: 0, score: 0.1 },
      },
    ]);

  it("counts students' citations of the lesson per slice of its timeline, every slice present", async () => {
    await seedStudentQuestions(db, world.A, [
      { userId: 'user_h1', question: 'a?', cited: cited(3) },
      { userId: 'user_h2', question: 'b?', cited: cited(9.5) },
      { userId: 'user_h1', question: 'c?', cited: cited(64) },
      { userId: 'user_h3', question: 'd?', cited: null },
    ]);
    // B's answers citing A's video id (forged or not) are B's rows: never counted for A.
    await seedStudentQuestions(db, world.B, [{ userId: 'user_b1', question: 'x?', cited: cited(20) }]);
    await seedVaultQuestion();
    // The creator's own trials are left out, as in Insights.
    await db.query(`update chat_sessions set asked_as = 'creator' where creator_id = $1 and title = 'c?'`, [
      world.A.companyId,
    ]);

    const res = await heat(world.A, lessonA);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const body = CitationHeat.parse(await res.json());
    expect(body.videoId).toBe(lessonA);
    expect(body.durationSeconds).toBe(119);
    expect(body.bucketSeconds).toBe(10);
    expect(body.buckets).toHaveLength(12);
    expect(body.buckets[0]).toEqual({ startSeconds: 0, endSeconds: 10, citations: 2 });
    expect(body.buckets.at(-1)).toEqual({ startSeconds: 110, endSeconds: 119, citations: 0 });
    expect(body.buckets.reduce((n, b) => n + b.citations, 0)).toBe(2);
    expect(body.totalCitations).toBe(2);
  });

  it("answers 404 for another creator's lesson and for a malformed id", async () => {
    await seedVaultQuestion();
    expect((await heat(world.A, lessonB)).status).toBe(404);
    expect((await heat(world.A, 'not-a-uuid')).status).toBe(404);
    const own = CitationHeat.parse(await (await heat(world.B, lessonB)).json());
    expect(own.totalCitations).toBe(1);
  });
});

describeSecurity('/api/dashboard/assistant-settings (GET)', () => harness.app, {
  method: 'GET',
  path: '/api/dashboard/assistant-settings',
  view: 'dashboard',
});
describeSecurity('/api/dashboard/assistant-settings (PUT)', () => harness.app, {
  method: 'PUT',
  path: '/api/dashboard/assistant-settings',
  view: 'dashboard',
  body: valid,
});
describeSecurity('/api/videos/:id/citation-heat', () => harness.app, {
  method: 'GET',
  path: '/api/videos/00000000-0000-4000-8000-000000000000/citation-heat',
  view: 'dashboard',
  foreignPath: async () => `/api/videos/${lessonB}/citation-heat`,
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/ports/db';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { MAX_AUDIO_SECONDS, VideoSummary } from '../../../shared/schemas/videos';
import { EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { membershipEvent, signWebhook } from '../../support/webhooks';
import { installWhopWorld, signUserToken, world } from '../../support/whop-world';
import { adminHeaders } from '../ingestion/upload-support';

/**
 * The red team's inputs (issue #11): characters Postgres text cannot hold, numbers
 * past their columns, ids and query strings that are not ids, JSON nested to blow a
 * stack. Each must answer a 4xx in the shared error shape and write nothing.
 */
installWhopWorld();
let db: Db;
let harness: Awaited<ReturnType<typeof createTestApp>>;
let videoId = '';
beforeAll(async () => {
  db = await createTestDb();
  harness = await createTestApp(db);
  const res = await harness.app.request('/api/videos/captions', {
    method: 'POST',
    headers: { ...(await adminHeaders(world.A)), 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Lesson', fileName: 'lesson.vtt', text: VTT }),
  });
  videoId = VideoSummary.parse(await res.json()).id;
  await harness.jobs.idle();
});
afterAll(() => db.close());

const VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nWelcome to the lesson about hydration.\n';
const NUL = '\u0000';
const LONE_SURROGATE = '\uD800';

const studentHeaders = async () => ({
  [USER_TOKEN_HEADER]: await signUserToken(world.A.student),
  [EXPERIENCE_HEADER]: world.A.experienceId,
});

async function send(path: string, method: string, headers: Record<string, string>, body?: unknown) {
  return harness.app.request(path, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}
const asAdmin = async (path: string, method: string, body?: unknown) =>
  send(path, method, await adminHeaders(world.A), body);
const asStudent = async (path: string, method: string, body?: unknown) =>
  send(path, method, await studentHeaders(), body);

/** The answer is a 4xx in the shared error shape, with a message a person can read (no driver or SQL words). */
async function expectRefused(res: Response, status: number, message?: RegExp) {
  expect(res.status, await res.clone().text()).toBe(status);
  const body = ErrorBody.parse(await res.json());
  expect(body.error.message).not.toMatch(/postgres|sql|invalid byte|unicode escape|stack|jsonb/i);
  if (message) expect(body.error.message).toMatch(message);
  return body;
}

const counts = async () =>
  (
    await db.query<{ videos: number; messages: number; usage: number; events: number; storage: string }>(
      `select (select count(*)::int from videos) as videos, (select count(*)::int from chat_messages) as messages,
              (select coalesce(sum(questions_used), 0)::int from chat_usage) as usage, (select count(*)::int from webhook_events) as events,
              (select coalesce(sum(storage_bytes_used), 0)::text from creators) as storage`,
    )
  )[0]!;

const upload = (overrides: Record<string, unknown> = {}) => ({
  title: 'Lesson',
  file: { name: 'lesson.webm', type: 'video/webm', sizeBytes: 1000 },
  durationSeconds: 9,
  ...overrides,
});

describe('text no database can hold', () => {
  it.each([
    [
      'a NUL in a question',
      () => asStudent('/api/chat', 'POST', { question: `What is${NUL} hydration?` }),
      /question/i,
    ],
    [
      'a lone surrogate in a question',
      () => asStudent('/api/chat', 'POST', { question: `What is ${LONE_SURROGATE}?` }),
      /question/i,
    ],
    [
      'a NUL in a captions title',
      () => asAdmin('/api/videos/captions', 'POST', { title: `Lesson${NUL}`, fileName: 'a.vtt', text: VTT }),
      /title/i,
    ],
    [
      'a lone surrogate in a captions title',
      () =>
        asAdmin('/api/videos/captions', 'POST', { title: `Lesson ${LONE_SURROGATE}`, fileName: 'a.vtt', text: VTT }),
      /title/i,
    ],
    [
      'a NUL in a captions file name',
      () => asAdmin('/api/videos/captions', 'POST', { title: 'Lesson', fileName: `a${NUL}.vtt`, text: VTT }),
      /file name/i,
    ],
    ['a NUL in an upload title', () => asAdmin('/api/videos', 'POST', upload({ title: `Le${NUL}sson` })), /title/i],
    [
      'a NUL in an upload file name',
      () =>
        asAdmin('/api/videos', 'POST', upload({ file: { name: `a${NUL}.webm`, type: 'video/webm', sizeBytes: 1000 } })),
      /file name/i,
    ],
    [
      'a NUL in an upload file type',
      () =>
        asAdmin('/api/videos', 'POST', upload({ file: { name: 'a.webm', type: `video/webm${NUL}`, sizeBytes: 1000 } })),
      /file type|video/i,
    ],
  ])('refuses %s with a 400 and writes nothing', async (_label, request, message) => {
    const before = await counts();
    const body = await expectRefused(await request(), 400, message);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(await counts()).toEqual(before);
  });

  it('refuses a NUL or a lone surrogate in a rename and keeps the title', async () => {
    for (const title of [`Renamed${NUL}`, `Renamed ${LONE_SURROGATE}`]) {
      await expectRefused(await asAdmin(`/api/videos/${videoId}`, 'PATCH', { title }), 400, /title/i);
    }
    const [row] = await db.query<{ title: string }>(`select title from videos where id = $1`, [videoId]);
    expect(row!.title).toBe('Lesson');
  });

  it('strips NULs and lone surrogates out of captions text (file content, e.g. UTF-16 read as bytes) and keeps the words', async () => {
    const text = `WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nSal${NUL}t and ${LONE_SURROGATE}yeast${NUL}.\n`;
    const res = await asAdmin('/api/videos/captions', 'POST', { title: 'Stripped', fileName: 'b.vtt', text });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = VideoSummary.parse(await res.json());
    await harness.jobs.idle();
    const segments = await db.query<{ text: string }>(`select text from transcript_segments where video_id = $1`, [id]);
    expect(segments.map((s) => s.text)).toEqual(['Salt and yeast.']);
  });
});

describe('numbers past their columns', () => {
  it.each([
    [
      'an audio part offset of 1e12 seconds',
      upload({ audioParts: [{ offsetSeconds: 1e12, durationSeconds: 60, sizeBytes: 300 }] }),
    ],
    [
      'an audio part duration of 1e12 seconds',
      upload({ audioParts: [{ offsetSeconds: 0, durationSeconds: 1e12, sizeBytes: 300 }] }),
    ],
    [
      'an audio part longer than 24 MB of 32 kbps audio',
      upload({ audioParts: [{ offsetSeconds: 0, durationSeconds: 7200, sizeBytes: 300 }] }),
    ],
    [
      'audio parts ending after the longest video',
      upload({ audioParts: [{ offsetSeconds: MAX_AUDIO_SECONDS - 10, durationSeconds: 60, sizeBytes: 300 }] }),
    ],
    ['a video duration of 1e12 seconds', upload({ durationSeconds: 1e12 })],
    ['a fractional file size', upload({ file: { name: 'a.webm', type: 'video/webm', sizeBytes: 1000.5 } })],
    ['a file size past a bigint', upload({ file: { name: 'a.webm', type: 'video/webm', sizeBytes: 1e300 } })],
  ])('refuses %s with a 400 and reserves nothing', async (_label, body) => {
    const before = await counts();
    const res = await asAdmin('/api/videos', 'POST', body);
    expect((await expectRefused(res, 400)).error.code).toBe('VALIDATION_FAILED');
    expect(await counts()).toEqual(before);
  });
});

describe('ids and query strings that are not ids', () => {
  const huge = 'a'.repeat(5000);
  // Labels keep the 5,000-character id out of the test names.
  it.each([
    ['GET', '/api/videos/%00'],
    ['GET', '/api/videos/<5,000 chars>'],
    ['GET', '/api/videos/%ZZ'],
    ['GET', '/api/videos/%00/playback'],
    ['PATCH', '/api/videos/%00'],
    ['DELETE', '/api/videos/%00'],
    ['POST', '/api/videos/%00/complete'],
    ['POST', '/api/videos/<5,000 chars>/retry'],
    ['POST', '/api/videos/%00/reprocess'],
  ])('answers %s %s with a 404 as admin', async (method, label) => {
    const path = label.replace('<5,000 chars>', huge);
    await expectRefused(await asAdmin(path, method, method === 'PATCH' ? { title: 'x' } : undefined), 404);
  });

  it.each([
    ['GET', '/api/chat/sessions/%00'],
    ['GET', '/api/chat/sessions/<5,000 chars>'],
    ['DELETE', '/api/chat/sessions/%00'],
    ['POST', '/api/chat/messages/%00/feedback'],
    ['POST', '/api/chat/messages/<5,000 chars>/feedback'],
  ])('answers %s %s with a 404 as student', async (method, label) => {
    const path = label.replace('<5,000 chars>', huge);
    await expectRefused(await asStudent(path, method, method === 'POST' ? { value: 1 } : undefined), 404);
  });

  it.each([
    '?limit=abc',
    '?limit=1e400',
    '?limit=%00',
    '?limit=20%00',
    '?limit=-1',
    '?limit=2.5',
    '?limit=<400 nines>',
    '?cursor=%00',
    '?cursor=<5,000 chars>',
    '?limit=5&unknown=1',
  ])('answers GET /api/dashboard/questions%s with a 400', async (label) => {
    const query = label.replace('<400 nines>', '9'.repeat(400)).replace('<5,000 chars>', huge);
    await expectRefused(await asAdmin(`/api/dashboard/questions${query}`, 'GET'), 400);
  });
});

describe('JSON nested to blow a stack', () => {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

  it.each([
    ['a chat question', () => asStudent('/api/chat', 'POST', `{"question": ${deep(5000)}}`)],
    ['an upload', () => asAdmin('/api/videos', 'POST', `{"title": "x", "file": ${deep(5000)}}`)],
    [
      'a rename',
      () => asAdmin(`/api/videos/${videoId}`, 'PATCH', `{"title": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`),
    ],
  ])('refuses %s 5,000 levels deep with a 400', async (_label, request) => {
    const before = await counts();
    const body = await expectRefused(await request(), 400, /nested/i);
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(await counts()).toEqual(before);
  });

  const webhook = (data: unknown) =>
    JSON.stringify({
      ...membershipEvent('membership.activated', {
        companyId: 'biz_deep',
        planId: 'plan_x',
        updatedAt: '2026-11-01T00:00:00Z',
      }),
      data,
    });

  it('refuses a signed webhook 5,000 levels deep with a 400 and records nothing', async () => {
    const body = webhook({ id: 'mem_1', status: 'active', note: '__DEEP__' }).replace('"__DEEP__"', deep(5000));
    const before = await counts();
    await expectRefused(
      await harness.app.request('/api/webhooks/whop', { method: 'POST', body, headers: signWebhook(body) }),
      400,
      /nested/i,
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses a signed webhook holding a NUL or a lone surrogate (jsonb cannot store them) with a 400', async () => {
    for (const bad of ['\\u0000', '\\ud800']) {
      const body = webhook({ id: 'mem_1', status: 'active', note: '__BAD__' }).replace('__BAD__', `x${bad}y`);
      const before = await counts();
      await expectRefused(
        await harness.app.request('/api/webhooks/whop', { method: 'POST', body, headers: signWebhook(body) }),
        400,
      );
      expect(await counts()).toEqual(before);
    }
  });

  it('still accepts JSON nested as deep as real bodies are', async () => {
    const res = await asAdmin(`/api/videos/${videoId}`, 'PATCH', { title: 'Lesson' });
    expect(res.status).toBe(200);
  });
});

describe('context headers that are not ids', () => {
  it.each([
    [
      'an experience id of 5,000 characters',
      async () => ({
        [USER_TOKEN_HEADER]: await signUserToken(world.A.student),
        [EXPERIENCE_HEADER]: `exp_${'a'.repeat(5000)}`,
      }),
    ],
    [
      'an experience id with a space',
      async () => ({ [USER_TOKEN_HEADER]: await signUserToken(world.A.student), [EXPERIENCE_HEADER]: 'exp_a b' }),
    ],
    [
      'a user token of 5,000 characters',
      async () => ({ [USER_TOKEN_HEADER]: 'a'.repeat(5000), [EXPERIENCE_HEADER]: world.A.experienceId }),
    ],
  ])('answers %s with a 4xx, not a 500', async (_label, headers) => {
    const res = await harness.app.request('/api/usage', { headers: await headers() });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    ErrorBody.parse(await res.json());
  });
});

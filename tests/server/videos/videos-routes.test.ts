import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/ports/db';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { VideoList, VideoSummary } from '../../../shared/schemas/videos';
import { COMPANY_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { describeSecurity } from '../../support/security';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, world } from '../../support/whop-world';

installWhopWorld();
let db: Db;
let app: Awaited<ReturnType<typeof createTestApp>>['app'];
let jobs: Awaited<ReturnType<typeof createTestApp>>['jobs'];
beforeAll(async () => {
  db = await createTestDb();
  ({ app, jobs } = await createTestApp(db));
});
afterAll(() => db.close());

const VTT = `WEBVTT

00:00:01.000 --> 00:00:05.000
Welcome to lesson one about compound interest.

00:00:05.500 --> 00:00:11.000
Compound interest means you earn interest on your interest, year after year.
`;

const as = async (who: typeof world.A | typeof world.B) => ({
  [USER_TOKEN_HEADER]: await signUserToken(who.admin),
  [COMPANY_HEADER]: who.companyId,
});

async function addCaptions(who: typeof world.A | typeof world.B, body: Record<string, unknown>) {
  return app.request('/api/videos/captions', {
    method: 'POST',
    headers: { ...(await as(who)), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

let bVideo = '';
/** Creator B's lesson, for creator A's requests to miss. */
async function addBLesson() {
  const res = await addCaptions(world.B, {
    title: 'B lesson',
    fileName: 'b.srt',
    text: '1\n00:00:01,000 --> 00:00:04,000\nB only.\n',
  });
  bVideo = VideoSummary.parse(await res.json()).id;
  return bVideo;
}
/** The library the first test builds: creator A's Lesson 1, creator B's lesson. */
async function addLibrary() {
  const res = await addCaptions(world.A, { title: 'Lesson 1', fileName: 'lesson-1.vtt', text: VTT });
  expect(res.status).toBe(201);
  await addBLesson();
  await jobs.idle();
}
// Each test starts from empty libraries.
beforeEach(async () => {
  await jobs.idle();
  await db.query(`delete from videos`);
  await db.query(`update creators set video_count = 0`);
});

describe('library', () => {
  it('adds a lesson from captions: parsed, queued, then chunked, embedded and completed, with the creator on every chunk', async () => {
    const res = await addCaptions(world.A, { title: 'Lesson 1', fileName: 'lesson-1.vtt', text: VTT });
    expect(res.status).toBe(201);
    const queued = VideoSummary.parse(await res.json());
    expect(queued).toMatchObject({
      title: 'Lesson 1',
      sourceKind: 'captions',
      transcriptSource: 'captions',
      hasMedia: false,
    });
    await jobs.idle();
    const list = VideoList.parse(await (await app.request('/api/videos', { headers: await as(world.A) })).json());
    const video = list.videos.find((v) => v.id === queued.id)!;
    expect(video).toMatchObject({
      title: 'Lesson 1',
      sourceKind: 'captions',
      status: 'completed',
      progress: 100,
      chunkCount: 1,
      attempts: 1,
    });
    expect(video.durationSeconds).toBeCloseTo(11);
    const owners = await db.query(`select distinct creator_id from chunks where video_id = $1`, [video.id]);
    expect(owners).toEqual([{ creator_id: world.A.companyId }]);
    await addBLesson();
  });

  it("lists only the creator's own videos", async () => {
    await addLibrary();
    const list = VideoList.parse(await (await app.request('/api/videos', { headers: await as(world.A) })).json());
    expect(list.videos.map((v) => v.title)).toEqual(['Lesson 1']);
  });

  it('refuses a file that is not captions, with a clear message, and stores nothing', async () => {
    const before = await db.query(`select count(*)::int as n from videos`);
    const res = await addCaptions(world.A, { title: 'Oops', fileName: 'notes.vtt', text: 'just some notes, no cues' });
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(await res.json()).error.message).toMatch(/captions/i);
    const wrongType = await addCaptions(world.A, { title: 'Oops', fileName: 'movie.mp4', text: VTT });
    expect(wrongType.status).toBe(400);
    expect(await db.query(`select count(*)::int as n from videos`)).toEqual(before);
  });

  it('stops the eleventh video on FREE with what is used and allowed', async () => {
    await db.query(`update creators set video_count = 10 where id = $1`, [world.A.companyId]);
    const res = await addCaptions(world.A, { title: 'One too many', fileName: 'x.vtt', text: VTT });
    expect(res.status).toBe(403);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.code).toBe('VIDEO_LIMIT_EXCEEDED');
    expect(body.error.details).toMatchObject({ videoCount: 10, videoCountLimit: 10 });
  });

  it("renames and deletes its own videos, freeing the slot; another creator's id is 404", async () => {
    await addLibrary();
    const [{ id }] = (await db.query<{ id: string }>(`select id from videos where creator_id = $1`, [
      world.A.companyId,
    ])) as [{ id: string }];
    const renamed = await app.request(`/api/videos/${id}`, {
      method: 'PATCH',
      headers: { ...(await as(world.A)), 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Lesson 1 · Compound interest' }),
    });
    expect(VideoSummary.parse(await renamed.json()).title).toBe('Lesson 1 · Compound interest');
    const foreign = await app.request(`/api/videos/${bVideo}`, { method: 'DELETE', headers: await as(world.A) });
    expect(foreign.status).toBe(404);
    const deleted = await app.request(`/api/videos/${id}`, { method: 'DELETE', headers: await as(world.A) });
    expect(deleted.status).toBe(204);
    expect(await db.query(`select count(*)::int as n from chunks where video_id = $1`, [id])).toEqual([{ n: 0 }]);
    const [creator] = await db.query(`select video_count from creators where id = $1`, [world.A.companyId]);
    expect(creator).toEqual({ video_count: 0 });
  });
});

describeSecurity('/api/videos', () => app, { method: 'GET', path: '/api/videos', view: 'dashboard' });
describeSecurity('/api/videos/captions', () => app, {
  method: 'POST',
  path: '/api/videos/captions',
  view: 'dashboard',
  body: { title: 'x', fileName: 'x.vtt', text: VTT },
});
describeSecurity('/api/videos/:id (PATCH)', () => app, {
  method: 'PATCH',
  path: '/api/videos/00000000-0000-4000-8000-000000000000',
  view: 'dashboard',
  body: { title: 'Stolen' },
  foreignPath: async () => `/api/videos/${await addBLesson()}`,
});
describeSecurity('/api/videos/:id (DELETE)', () => app, {
  method: 'DELETE',
  path: '/api/videos/00000000-0000-4000-8000-000000000000',
  view: 'dashboard',
  foreignPath: async () => `/api/videos/${await addBLesson()}`,
});

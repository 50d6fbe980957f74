import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { Db } from '../../../server/ports/db';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { CourseOutline, LessonDetail, LessonList, SearchResults } from '../../../shared/schemas/lessons';
import { COMPANY_HEADER, EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { addCompletedVideo } from '../../support/add-completed-video';
import { describeSecurity } from '../../support/security';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, world } from '../../support/whop-world';

installWhopWorld();
let db: Db;
let app: Awaited<ReturnType<typeof createTestApp>>['app'];
const ids = { intro: '', starter: '', shaping: '', pending: '', foreign: '' };

const filler = (topic: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) => `This is sentence ${i + 1} about ${topic}, spoken slowly so the lesson takes its time.`,
  );

beforeAll(async () => {
  db = await createTestDb();
  ({ app } = await createTestApp(db));
  // Uploaded in this order; the creator's order comes later.
  ids.intro = await addCompletedVideo(db, world.A.companyId, 'Welcome', [
    'Welcome to the sourdough course.',
    'We bake one loaf a week.',
  ]);
  ids.starter = await addCompletedVideo(db, world.A.companyId, 'Feeding the starter', [
    ...filler('feeding', 6),
    'Feed the starter with equal weights of rye flour and water every morning.',
    ...filler('jars', 6),
  ]);
  ids.shaping = await addCompletedVideo(db, world.A.companyId, 'Shaping', [
    ...filler('shaping', 8),
    'Tension on the surface makes the loaf rise tall.',
  ]);
  const [pending] = await db.query<{ id: string }>(
    `insert into videos (creator_id, title, source_kind, status) values ($1, 'Still processing', 'captions', 'chunking') returning id`,
    [world.A.companyId],
  );
  ids.pending = pending!.id;
  ids.foreign = await addCompletedVideo(db, world.B.companyId, 'B secrets', [
    'Feed the starter with marmalade, says creator B.',
  ]);
});
// Each test starts from the upload order, without modules.
beforeEach(async () => {
  await db.query(`update videos set position = null, module_id = null where creator_id = $1`, [world.A.companyId]);
  await db.query(`delete from course_modules where creator_id = $1`, [world.A.companyId]);
});
afterAll(() => db.close());

const student = async (tenant: typeof world.A | typeof world.B = world.A) => ({
  [USER_TOKEN_HEADER]: await signUserToken(tenant.student),
  [EXPERIENCE_HEADER]: tenant.experienceId,
});
const admin = async (tenant: typeof world.A | typeof world.B = world.A) => ({
  [USER_TOKEN_HEADER]: await signUserToken(tenant.admin),
  [COMPANY_HEADER]: tenant.companyId,
});
const json = (method: string, body: unknown, headers: Record<string, string>): RequestInit => ({
  method,
  headers: { ...headers, 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

async function lessons() {
  const res = await app.request('/api/lessons', { headers: await student() });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toContain('no-store');
  return LessonList.parse(await res.json());
}

async function search(q: string, offset?: number, tenant: typeof world.A | typeof world.B = world.A) {
  const params = new URLSearchParams({ q, ...(offset === undefined ? {} : { offset: String(offset) }) });
  return app.request(`/api/lessons/search?${params}`, { headers: await student(tenant) });
}

describe('lessons for students', () => {
  it('lists only completed lessons, in upload order until the creator orders them, numbered from 1', async () => {
    const list = await lessons();
    expect(list.lessons.map((l) => [l.number, l.title])).toEqual([
      [1, 'Welcome'],
      [2, 'Feeding the starter'],
      [3, 'Shaping'],
    ]);
    expect(list.modules).toEqual([]);
    expect(list.lessons.every((l) => !l.hasMedia && l.moduleId === null)).toBe(true);
  });

  it('follows the order and modules the creator saves; an empty module is not shown', async () => {
    const created = async (title: string) => {
      const res = await app.request('/api/course/modules', json('POST', { title }, await admin()));
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const basics = await created('Basics');
    const bread = await created('Bread');
    const empty = await created('Later');
    const saved = await app.request(
      '/api/course/outline',
      json(
        'PUT',
        {
          modules: [bread, basics, empty],
          lessons: [
            { videoId: ids.intro, moduleId: null },
            { videoId: ids.shaping, moduleId: basics },
            { videoId: ids.starter, moduleId: basics },
          ],
        },
        await admin(),
      ),
    );
    expect(saved.status).toBe(200);
    const outline = CourseOutline.parse(await saved.json());
    expect(outline.modules.map((m) => m.title)).toEqual(['Bread', 'Basics', 'Later']);
    // The creator also sees the lesson still processing: unlisted, it follows the listed ones outside modules.
    expect(outline.lessons.map((l) => l.title)).toEqual([
      'Welcome',
      'Still processing',
      'Shaping',
      'Feeding the starter',
    ]);

    const list = await lessons();
    expect(list.modules).toEqual([{ id: basics, title: 'Basics' }]);
    expect(list.lessons.map((l) => [l.number, l.title, l.moduleId])).toEqual([
      [1, 'Welcome', null],
      [2, 'Shaping', basics],
      [3, 'Feeding the starter', basics],
    ]);

    // Renamed, then deleted: its lessons stay, outside any module.
    const renamed = await app.request(
      `/api/course/modules/${basics}`,
      json('PATCH', { title: 'The basics' }, await admin()),
    );
    expect(await renamed.json()).toEqual({ id: basics, title: 'The basics' });
    expect((await lessons()).modules).toEqual([{ id: basics, title: 'The basics' }]);
    expect(
      (await app.request(`/api/course/modules/${basics}`, { method: 'DELETE', headers: await admin() })).status,
    ).toBe(204);
    const after = await lessons();
    expect(after.modules).toEqual([]);
    expect(after.lessons.map((l) => [l.title, l.moduleId])).toEqual([
      ['Welcome', null],
      ['Shaping', null],
      ['Feeding the starter', null],
    ]);
  });

  it("refuses another creator's lesson or module in the order, a repeat, or an unlisted module, changing nothing", async () => {
    const before = await lessons();
    const [bModule] = await db.query<{ id: string }>(
      `insert into course_modules (creator_id, title) values ($1, 'B module') returning id`,
      [world.B.companyId],
    );
    const put = async (body: unknown) => app.request('/api/course/outline', json('PUT', body, await admin()));
    const foreignLesson = await put({
      modules: [],
      lessons: [
        { videoId: ids.shaping, moduleId: null },
        { videoId: ids.foreign, moduleId: null },
      ],
    });
    expect(foreignLesson.status).toBe(404);
    const foreignModule = await put({
      modules: [bModule!.id],
      lessons: [{ videoId: ids.shaping, moduleId: bModule!.id }],
    });
    expect(foreignModule.status).toBe(404);
    const repeated = await put({
      modules: [],
      lessons: [
        { videoId: ids.shaping, moduleId: null },
        { videoId: ids.shaping, moduleId: null },
      ],
    });
    expect(repeated.status).toBe(400);
    const unlisted = await put({ modules: [], lessons: [{ videoId: ids.shaping, moduleId: bModule!.id }] });
    expect(unlisted.status).toBe(400);
    expect(ErrorBody.parse(await unlisted.json()).error.message).toMatch(/module/);
    // Even the database refuses a lesson in another creator's module.
    await expect(
      db.query(`update videos set module_id = $1 where id = $2`, [bModule!.id, ids.shaping]),
    ).rejects.toThrow();
    expect(await lessons()).toEqual(before);
    const blank = await app.request('/api/course/modules', json('POST', { title: '   ' }, await admin()));
    expect(blank.status).toBe(400);
    expect(ErrorBody.parse(await blank.json()).error.message).toBe('Give the module a title.');
  });

  it("opens a lesson's page with its transcript, even without a media file; processing or foreign lessons are not found", async () => {
    const order = [ids.intro, ids.shaping, ids.starter].map((videoId) => ({ videoId, moduleId: null }));
    const saved = await app.request('/api/course/outline', json('PUT', { modules: [], lessons: order }, await admin()));
    expect(saved.status).toBe(200);
    const res = await app.request(`/api/lessons/${ids.starter}`, { headers: await student() });
    expect(res.status).toBe(200);
    const lesson = LessonDetail.parse(await res.json());
    expect(lesson).toMatchObject({
      id: ids.starter,
      title: 'Feeding the starter',
      hasMedia: false,
      mimeType: null,
      number: 3,
    });
    expect(lesson.transcript).toHaveLength(13);
    expect(lesson.transcript[6]).toEqual({
      startSeconds: 60,
      endSeconds: 69,
      text: 'Feed the starter with equal weights of rye flour and water every morning.',
    });
    for (const id of [ids.pending, ids.foreign, 'not-a-uuid']) {
      const missing = await app.request(`/api/lessons/${id}`, { headers: await student() });
      expect(missing.status, id).toBe(404);
      expect(ErrorBody.parse(await missing.json()).error.message).toBe('This lesson does not exist.');
    }
  });
});

describe('transcript search', () => {
  it("finds the line that says it, with the words highlighted and its second, in the asking creator's course only", async () => {
    const res = await search('rye flour');
    expect(res.status).toBe(200);
    const { hits, nextOffset } = SearchResults.parse(await res.json());
    expect(nextOffset).toBeNull();
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ videoId: ids.starter, videoTitle: 'Feeding the starter', startSeconds: 60 });
    expect(hits[0]!.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['rye', 'flour']);
    expect(hits[0]!.snippet.map((p) => p.text).join('')).toContain('Feed the starter with equal weights of rye flour');
    // Creator B's course says "starter" too: B's student finds only B's, A's only A's.
    const bHits = SearchResults.parse(await (await search('starter', 0, world.B)).json()).hits;
    expect(bHits.map((h) => h.videoId)).toEqual([ids.foreign]);
    const aHits = SearchResults.parse(await (await search('marmalade')).json()).hits;
    expect(aHits).toEqual([]);
  });

  it('matches transcript words, not lesson titles', async () => {
    // "Welcome" is a title and also said in the Welcome lesson's first line; "shaping" is said in its lesson too.
    // "Tension" is said once: one hit, not every passage of its lesson.
    const { hits } = SearchResults.parse(await (await search('tension')).json());
    expect(hits.map((h) => [h.videoId, h.startSeconds])).toEqual([[ids.shaping, 80]]);
  });

  it('pages through many hits without repeating one', async () => {
    const long = await addCompletedVideo(db, world.A.companyId, 'A long lesson', filler('patience', 80));
    onTestFinished(async () => {
      await db.query(`delete from videos where id = $1`, [long]);
    });
    const { hits, nextOffset } = SearchResults.parse(await (await search('sentence')).json());
    expect(hits.length).toBeGreaterThan(0);
    expect(nextOffset).toBe(10);
    const next = SearchResults.parse(await (await search('sentence', 10)).json());
    const keys = [...hits, ...next.hits].map((h) => `${h.videoId}@${h.startSeconds}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refuses an empty, overlong or malformed query with a clear 400; stop words alone find nothing', async () => {
    for (const [path, message] of [
      ['/api/lessons/search?q=%20%20', /Type something/],
      [`/api/lessons/search?q=${'a'.repeat(201)}`, /limited to 200/],
      ['/api/lessons/search?q=flour&offset=-1', /offset/i],
      ['/api/lessons/search?q=flour&offset=9999', /offset/i],
      ['/api/lessons/search', /q|search/i],
    ] as const) {
      const res = await app.request(path, { headers: await student() });
      expect(res.status, path).toBe(400);
      const body = ErrorBody.parse(await res.json());
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(body.error), path).toMatch(message);
    }
    const stop = SearchResults.parse(await (await search('the and of')).json());
    expect(stop).toEqual({ hits: [], nextOffset: null });
    const symbols = await search('"unclosed & | !');
    expect(symbols.status).toBe(200);
  });
});

describeSecurity('/api/lessons', () => app, { method: 'GET', path: '/api/lessons', view: 'experience' });
describeSecurity('/api/lessons/search', () => app, { method: 'GET', path: '/api/lessons/search', view: 'experience' });
describeSecurity('/api/lessons/:id', () => app, {
  method: 'GET',
  path: '/api/lessons/00000000-0000-4000-8000-000000000000',
  view: 'experience',
  foreignPath: async () => `/api/lessons/${ids.foreign}`,
});
describeSecurity('/api/course/outline (GET)', () => app, {
  method: 'GET',
  path: '/api/course/outline',
  view: 'dashboard',
});
describeSecurity('/api/course/outline (PUT)', () => app, {
  method: 'PUT',
  path: '/api/course/outline',
  view: 'dashboard',
  body: { modules: [], lessons: [] },
});
describeSecurity('/api/course/modules', () => app, {
  method: 'POST',
  path: '/api/course/modules',
  view: 'dashboard',
  body: { title: 'x' },
});
describeSecurity('/api/course/modules/:id (PATCH)', () => app, {
  method: 'PATCH',
  path: '/api/course/modules/00000000-0000-4000-8000-000000000000',
  view: 'dashboard',
  body: { title: 'Stolen' },
  foreignPath: async () => `/api/course/modules/${await bModuleId()}`,
});
describeSecurity('/api/course/modules/:id (DELETE)', () => app, {
  method: 'DELETE',
  path: '/api/course/modules/00000000-0000-4000-8000-000000000000',
  view: 'dashboard',
  foreignPath: async () => `/api/course/modules/${await bModuleId()}`,
});

async function bModuleId(): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `insert into course_modules (creator_id, title) values ($1, 'B private module') returning id`,
    [world.B.companyId],
  );
  return row!.id;
}

import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineExtractiveAnswerer } from '../../../server/adapters/answerer/offline-extractive-answerer';
import { createOfflineLexicalEmbedder } from '../../../server/adapters/embedder/offline-lexical-embedder';
import { createWhopCoursesApi } from '../../../server/adapters/whop/whop-courses-api';
import { createMuxMediaSource } from '../../../server/adapters/whop/whop-courses-mux-media';
import { importWhopLessons } from '../../../server/domain/imports/import-whop-lessons';
import type { AudioExtractor } from '../../../server/ports/audio-extractor';
import type { Db } from '../../../server/ports/db';
import type { Transcriber } from '../../../server/ports/transcriber';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { LessonList } from '../../../shared/schemas/lessons';
import { VideoPlayback } from '../../../shared/schemas/videos';
import { WhopImportResult, WhopImportTree } from '../../../shared/schemas/whop-import';
import { COMPANY_HEADER, EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { describeSecurity } from '../../support/security';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import {
  coursesHandlers,
  coursesWorld,
  MUX,
  resetCoursesWorld,
  segmentedCaptions,
} from '../../support/whop-courses-world';
import { installWhopWorld, signUserToken, whopServer, world } from '../../support/whop-world';

installWhopWorld();
/** What the server-side extractor was handed: the downloaded Mux audio, from storage. */
const extracted: number[] = [];
const fakeExtractor: AudioExtractor = {
  name: 'fake-ffmpeg',
  async extract(source) {
    if (!('path' in source)) throw new Error('expected a local file');
    extracted.push((await readFile(source.path)).byteLength);
    return {
      durationSeconds: 12,
      parts: [{ seq: 0, offsetSeconds: 0, durationSeconds: 12, bytes: new Uint8Array(64).fill(9) }],
    };
  },
};
const fakeTranscriber: Transcriber = {
  name: 'fake:whisper',
  provider: 'fake',
  model: 'whisper-1',
  async transcribe(input) {
    return {
      segments: [
        {
          startSeconds: input.offsetSeconds,
          endSeconds: input.offsetSeconds + 6,
          text: 'Preheat the oven with the pot inside.',
        },
      ],
      durationSeconds: 12,
      language: 'english',
    };
  },
};
let db: Db;
let harness: Awaited<ReturnType<typeof createTestApp>>;

// Each test starts from a fresh database and Courses world, and imports what it builds on.
beforeEach(async () => {
  extracted.length = 0;
  resetCoursesWorld();
  whopServer.use(...coursesHandlers);
  db = await createTestDb();
  harness = await createTestApp(db, {
    // A lesson without captions goes through extraction and transcription like an upload's audio.
    media: { audioExtractor: fakeExtractor },
    ai: {
      embedder: createOfflineLexicalEmbedder(),
      answerer: createOfflineExtractiveAnswerer(),
      transcriber: fakeTranscriber,
    },
    whopImport: {
      courses: createWhopCoursesApi({ apiKey: 'whop_test_key_123', maxRetries: 0 }),
      media: createMuxMediaSource(),
    },
  });
});
afterEach(() => db.close());

const admin = async (tenant: typeof world.A | typeof world.B = world.A) => ({
  [USER_TOKEN_HEADER]: await signUserToken(tenant.admin),
  [COMPANY_HEADER]: tenant.companyId,
});
const tree = async () =>
  WhopImportTree.parse(
    await (await harness.app.request('/api/whop-import/courses', { headers: await admin() })).json(),
  );
async function importLessons(
  lessonIds: string[],
  courseId = 'cors_alphabread',
  tenant: typeof world.A | typeof world.B = world.A,
) {
  return harness.app.request('/api/whop-import', {
    method: 'POST',
    headers: { ...(await admin(tenant)), 'content-type': 'application/json' },
    body: JSON.stringify({ courseId, lessonIds }),
  });
}
const imported = async (lessonIds: string[]) => {
  const res = await importLessons(lessonIds);
  expect(res.status).toBe(200);
  const body = WhopImportResult.parse(await res.json());
  await harness.jobs.idle();
  return body;
};
/** The captioned starter lesson, then the audio-only oven lesson, imported. */
const importStarterAndOven = async () => {
  await imported(['lesn_alphastarter']);
  await imported(['lesn_alphaoven']);
};
const videoRows = () =>
  db.query<{ id: string; title: string; status: string; source_kind: string; transcript_source: string }>(
    `select id, title, status, source_kind, transcript_source from videos where creator_id = $1 order by created_at`,
    [world.A.companyId],
  );
const segments = async (videoId: string) =>
  (
    await db.query<{ text: string }>(`select text from transcript_segments where video_id = $1 order by seq`, [videoId])
  ).map((r) => r.text);

const twinLesson = () => ({
  id: 'lesn_alphatwin',
  title: 'Twin',
  order: 2,
  lesson_type: 'video' as const,
  video: {
    id: 'mux_twin',
    playback_id: 'pbtwin',
    updated_at: '2026-11-01T00:00:00.000Z',
    captions: segmentedCaptions(['Twins share a bowl.']),
  },
});

describe('import from Whop Courses', () => {
  it('lists the company’s courses as chapters and lessons, nothing imported yet', async () => {
    const { courses, removed } = await tree();
    expect(courses.map((c) => c.title)).toEqual(['Bread school', 'Pastry school']);
    expect(
      courses[0]!.chapters.map((ch) => [ch.title, ch.lessons.map((l) => [l.title, l.importable, l.state])]),
    ).toEqual([
      [
        'Basics',
        [
          ['Welcome', false, 'new'],
          ['The starter', true, 'new'],
        ],
      ],
      ['Bake', [['The oven', true, 'new']]],
    ]);
    expect(removed).toEqual([]);
  });

  it('imports a captioned lesson from its Mux captions (no transcription), then the audio-only one from its audio', async () => {
    const first = await imported(['lesn_alphastarter', 'lesn_alphawelcome']);
    expect(first.results.map((r) => [r.title, r.outcome, r.transcriptFrom])).toEqual([
      ['The starter', 'created', 'captions'],
      ['Welcome', 'skipped', null],
    ]);
    const starter = first.results[0]!.videoId!;
    expect(await segments(starter)).toEqual([
      'A levain is a starter built for one bake.',
      'Feed…',
      'Feed the levain the night before baking.',
    ]);
    const [row] = await db.query<{
      status: string;
      chapter_order: number;
      lesson_order: number;
      chapter_title: string;
    }>(
      `select v.status, i.chapter_order, i.lesson_order, i.chapter_title from whop_lesson_imports i join videos v on v.id = i.video_id where i.whop_lesson_id = 'lesn_alphastarter'`,
    );
    expect(row).toEqual({ status: 'completed', chapter_order: 0, lesson_order: 1, chapter_title: 'Basics' });

    const oven = (await imported(['lesn_alphaoven'])).results[0]!;
    expect([oven.outcome, oven.transcriptFrom]).toEqual(['created', 'audio']);
    const [video] = (await videoRows()).filter((v) => v.id === oven.videoId);
    // The audio went to storage, then through the normal pipeline: extracted, transcribed, chunked.
    expect(video).toMatchObject({ source_kind: 'audio', transcript_source: 'transcription', status: 'completed' });
    expect((await harness.blobs.stat(`${world.A.companyId}/${oven.videoId}/media.m4a`))?.sizeBytes).toBe(2048);
    expect(extracted).toEqual([2048]);
    expect(await segments(oven.videoId!)).toEqual(['Preheat the oven with the pot inside.']);
  });

  it('imports again without duplicates: unchanged stays, a new title renames, a new video reprocesses in place', async () => {
    await importStarterAndOven();
    const before = await videoRows();
    const again = await imported(['lesn_alphastarter']);
    expect(again.results[0]).toMatchObject({ outcome: 'unchanged' });
    expect(await videoRows()).toHaveLength(before.length);

    const lesson = coursesWorld.chapters['cors_alphabread']![0]!.lessons[1]!;
    lesson.title = 'The levain';
    expect((await tree()).courses[0]!.chapters[0]!.lessons[1]!.state).toBe('changed');
    const renamed = await imported(['lesn_alphastarter']);
    expect(renamed.results[0]).toMatchObject({ outcome: 'renamed', videoId: again.results[0]!.videoId });
    expect((await videoRows()).find((v) => v.id === renamed.results[0]!.videoId)?.title).toBe('The levain');

    lesson.video = {
      ...lesson.video!,
      updated_at: '2026-12-01T00:00:00.000Z',
      captions: segmentedCaptions(['Rye levain ferments faster.']),
    };
    const reprocessed = await imported(['lesn_alphastarter']);
    expect(reprocessed.results[0]).toMatchObject({
      outcome: 'reprocessed',
      videoId: again.results[0]!.videoId,
      transcriptFrom: 'captions',
    });
    expect(await segments(again.results[0]!.videoId!)).toEqual(['Rye levain ferments faster.']);
    expect((await videoRows()).find((v) => v.id === again.results[0]!.videoId)?.status).toBe('completed');
    expect(await videoRows()).toHaveLength(before.length);
    expect((await tree()).courses[0]!.chapters[0]!.lessons[1]!.state).toBe('imported');
  });

  it('puts imported lessons in Whop’s chapters and order, and leaves a lesson the creator moved where they put it', async () => {
    await importStarterAndOven();
    const modules = () =>
      db.query<{ id: string; title: string; whop_chapter_id: string }>(
        `select id, title, whop_chapter_id from course_modules where creator_id = $1 and whop_chapter_id is not null order by position`,
        [world.A.companyId],
      );
    expect((await modules()).map((m) => m.title)).toEqual(['Basics', 'Bake']);
    const student = {
      [USER_TOKEN_HEADER]: await signUserToken(world.A.student),
      [EXPERIENCE_HEADER]: world.A.experienceId,
    };
    const list = LessonList.parse(await (await harness.app.request('/api/lessons', { headers: student })).json());
    const [basics, bake] = await modules();
    const ids = await db.query<{ whop_lesson_id: string; video_id: string }>(
      `select whop_lesson_id, video_id from whop_lesson_imports where creator_id = $1 and video_id is not null`,
      [world.A.companyId],
    );
    const videoOf = (lesson: string) => ids.find((r) => r.whop_lesson_id === lesson)!.video_id;
    const starter = list.lessons.find((l) => l.id === videoOf('lesn_alphastarter'))!;
    const oven = list.lessons.find((l) => l.id === videoOf('lesn_alphaoven'))!;
    expect([starter.moduleId, oven.moduleId]).toEqual([basics!.id, bake!.id]);
    expect(starter.number).toBeLessThan(oven.number);

    // The creator takes the oven lesson out of its module; a re-import does not put it back, nor adds a module.
    await db.query(`update videos set module_id = null, position = 7 where id = $1`, [oven.id]);
    await imported(['lesn_alphaoven']);
    const [moved] = await db.query<{ module_id: string | null; position: number }>(
      `select module_id, position from videos where id = $1`,
      [oven.id],
    );
    expect(moved).toEqual({ module_id: null, position: 7 });
    expect(await modules()).toHaveLength(2);
  });

  it('makes a fresh copy of a lesson whose Chronos video the creator deleted', async () => {
    await importStarterAndOven();
    const [row] = await db.query<{ video_id: string }>(
      `select video_id from whop_lesson_imports where whop_lesson_id = 'lesn_alphastarter'`,
    );
    const del = await harness.app.request(`/api/videos/${row!.video_id}`, { method: 'DELETE', headers: await admin() });
    expect(del.status).toBe(204);
    expect((await tree()).courses[0]!.chapters[0]!.lessons[1]!.state).toBe('new');
    const again = await imported(['lesn_alphastarter']);
    expect(again.results[0]).toMatchObject({ outcome: 'created', transcriptFrom: 'captions' });
    expect(again.results[0]!.videoId).not.toBe(row!.video_id);
  });

  it('two imports of the same lesson at once make one video', async () => {
    const count = (await videoRows()).length;
    coursesWorld.chapters['cors_alphabread']![0]!.lessons.push(twinLesson());
    await Promise.all([importLessons(['lesn_alphatwin']), importLessons(['lesn_alphatwin'])]);
    await harness.jobs.idle();
    expect(await videoRows()).toHaveLength(count + 1);
  });

  it('reports a lesson removed in Whop and keeps its video', async () => {
    await importStarterAndOven();
    coursesWorld.chapters['cors_alphabread']![0]!.lessons.push(twinLesson());
    await imported(['lesn_alphatwin']);
    resetCoursesWorld();
    const chapter = coursesWorld.chapters['cors_alphabread']![1]!;
    chapter.lessons = [];
    const { removed } = await tree();
    // The twin lesson imported above is not in this fresh world either: gone from Whop too.
    expect(removed.map((r) => [r.title, r.courseTitle])).toEqual([
      ['The oven', 'Bread school'],
      ['Twin', 'Bread school'],
    ]);
    expect((await videoRows()).some((v) => v.id === removed[0]!.videoId)).toBe(true);
    const after = await imported(['lesn_alphastarter']);
    expect(after.removed.map((r) => r.whopLessonId)).toEqual(['lesn_alphaoven', 'lesn_alphatwin']);
  });

  it('plays an imported lesson from its own Mux stream (HLS), for the creator’s students too', async () => {
    await importStarterAndOven();
    const [row] = await db.query<{ video_id: string }>(
      `select video_id from whop_lesson_imports where whop_lesson_id = 'lesn_alphastarter'`,
    );
    const res = await harness.app.request(`/api/videos/${row!.video_id}/playback`, {
      headers: { [USER_TOKEN_HEADER]: await signUserToken(world.A.student), [EXPERIENCE_HEADER]: world.A.experienceId },
    });
    expect(VideoPlayback.parse(await res.json())).toMatchObject({ kind: 'hls', url: `${MUX}/pbstarter.m3u8` });
    // Its lesson page offers the player (no stored file, but a stream).
    const lesson = await harness.app.request(`/api/lessons/${row!.video_id}`, {
      headers: { [USER_TOKEN_HEADER]: await signUserToken(world.A.student), [EXPERIENCE_HEADER]: world.A.experienceId },
    });
    expect(((await lesson.json()) as { hasMedia: boolean }).hasMedia).toBe(true);
    // A signed playback id gets a fresh token from Whop each time.
    const [oven] = await db.query<{ video_id: string }>(
      `select video_id from whop_lesson_imports where whop_lesson_id = 'lesn_alphaoven'`,
    );
    const signed = VideoPlayback.parse(
      await (await harness.app.request(`/api/videos/${oven!.video_id}/playback`, { headers: await admin() })).json(),
    );
    expect(signed.url).toMatch(new RegExp(`^${MUX}/pbovensigned\\.m3u8\\?token=tok-`));
    expect(signed.kind).toBe('hls');
  });

  it('refuses a course of another company, and lesson ids the course does not hold', async () => {
    const foreign = await importLessons(['lesn_alphastarter'], 'cors_alphabread', world.B);
    expect(foreign.status).toBe(404);
    expect(ErrorBody.parse(await foreign.json()).error.code).toBe('NOT_FOUND');
    const stranger = WhopImportResult.parse(await (await importLessons(['lesn_someoneelse'])).json());
    expect(stranger.results[0]).toMatchObject({ outcome: 'skipped', videoId: null });
  });

  it('answers bad input with 400 and a Whop refusal in the creator’s words', async () => {
    expect((await importLessons([])).status).toBe(400);
    expect((await importLessons(['lesn_x'], 'cors_<script>')).status).toBe(400);
    const { http, HttpResponse } = await import('msw');
    const { WHOP_API } = await import('../../support/whop-world');
    whopServer.use(http.get(`${WHOP_API}/courses`, () => HttpResponse.json({}, { status: 403 })));
    const res = await harness.app.request('/api/whop-import/courses', { headers: await admin() });
    expect(res.status).toBe(403);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.message).toMatch(/Read courses/);
    expect(body.error.message).not.toMatch(/403|api\.whop|WHOP_/);
  });

  it('skips a lesson without captions where audio cannot be transcribed, saying what to do', async () => {
    await tree(); // the creator is known
    coursesWorld.chapters['cors_alphabread']![1]!.lessons.push({
      id: 'lesn_alphamute',
      title: 'Mute',
      order: 1,
      lesson_type: 'video',
      video: {
        id: 'mux_mute',
        playback_id: 'pbmute',
        updated_at: '2026-11-01T00:00:00.000Z',
        captions: null,
        audio: new Uint8Array(16),
      },
    });
    const result = await importWhopLessons(
      { db, jobs: harness.jobs, blobs: harness.blobs, source: harness.deps.whopImport!, transcribesAudio: false },
      { creatorId: world.A.companyId, courseId: 'cors_alphabread', lessonIds: ['lesn_alphamute'] },
    );
    expect(result.results[0]).toMatchObject({ outcome: 'skipped', videoId: null });
    expect(result.results[0]!.message).toMatch(/add captions to it in Whop/);
    expect(result.results[0]!.message).not.toMatch(/OPENAI|ffmpeg|transcriber/i);
  });

  it('stops a lesson at the plan’s video limit and says so', async () => {
    await importStarterAndOven();
    await db.query(
      `update tier_configurations set video_count_limit = (select video_count from creators where id = $1) where tier = 'FREE'`,
      [world.A.companyId],
    );
    coursesWorld.chapters['cors_alphabread']![0]!.lessons.push({
      id: 'lesn_alphaextra',
      title: 'Extra',
      order: 3,
      lesson_type: 'video',
      video: {
        id: 'mux_extra',
        playback_id: 'pbextra',
        updated_at: '2026-11-01T00:00:00.000Z',
        captions: segmentedCaptions(['One too many.']),
      },
    });
    const res = WhopImportResult.parse(await (await importLessons(['lesn_alphaextra'])).json());
    expect(res.results[0]).toMatchObject({ outcome: 'skipped', videoId: null });
    expect(res.results[0]!.message).toMatch(/videos/);
    const [claim] = await db.query(`select 1 from whop_lesson_imports where whop_lesson_id = 'lesn_alphaextra'`);
    expect(claim).toBeUndefined();
  });
});

describeSecurity('/api/whop-import/courses', () => harness.app, {
  method: 'GET',
  path: '/api/whop-import/courses',
  view: 'dashboard',
});
describeSecurity('/api/whop-import', () => harness.app, {
  method: 'POST',
  path: '/api/whop-import',
  view: 'dashboard',
  body: { courseId: 'cors_alphabread', lessonIds: ['lesn_alphastarter'] },
});

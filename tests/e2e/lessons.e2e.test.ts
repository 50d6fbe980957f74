import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LessonList } from '../../shared/schemas/lessons';
import { launchChromium } from '../support/chromium';
import {
  type GeneratedVideo,
  generateSpeechVideo,
  requireMediaTools,
  type SpokenSentence,
} from '../support/media/generate-speech-video';
import { ROOT_DIR, removeDataDir, type ServerProcess, startServer } from '../support/server-process';
import { uploadLesson } from './support/creator-upload';
import { watchPageProblems } from './support/page-problems';
import { type DemoSession, openSignedIn, signInDemoPeople } from './support/sandbox-session';

/**
 * Issue #13.1 end to end: a student opens a lesson with a real (generated) video, clicks a
 * transcript line and the video seeks there; asks about the moment (the request carries the
 * lesson and second, and the answer's first source is that lesson); searches the course's
 * transcripts and a hit opens the lesson playing from the hit's second.
 */
const SCREENSHOTS = join(ROOT_DIR, 'test-results', 'screenshots');
const SEEN = { timeout: 20_000 } as const;
const TITLE = 'Lesson 6 · Cold retard';
const DISTINCTIVE = 'Leave the shaped loaf overnight in the fridge so the cold retard builds a tangy flavour.';
const SENTENCES = [
  'Welcome to the lesson on timing your bake.',
  'Shaping tightens the surface of the dough.',
  'Flour the banneton well so the dough releases cleanly.',
  'Cover the basket with a shower cap or a damp towel.',
  DISTINCTIVE,
  'In the morning bake straight from the fridge.',
  'A cold dough is easier to score neatly.',
];
const AUTOPLAY = '--autoplay-policy=no-user-gesture-required';

let server: ServerProcess;
let browser: Browser;
let demo: DemoSession;
let workDir: string;
let clip: GeneratedVideo;
let cue: SpokenSentence;
let lessonId = '';

beforeAll(async () => {
  await requireMediaTools();
  await mkdir(SCREENSHOTS, { recursive: true });
  workDir = await mkdtemp(join(tmpdir(), 'chronos-lesson-'));
  [server, clip] = await Promise.all([
    startServer(),
    generateSpeechVideo({ dir: workDir, sentences: SENTENCES, silenceBetween: 3, seconds: 60, format: 'webm' }),
  ]);
  cue = clip.sentences.find((s) => s.text === DISTINCTIVE)!;
  ({ browser } = await launchChromium({ extraArgs: [AUTOPLAY] }));
  demo = await signInDemoPeople(server.url);
  await uploadLesson(
    { baseUrl: server.url, token: demo.creator.token, companyId: demo.community.companyId },
    {
      title: TITLE,
      path: clip.path,
      mimeType: clip.mimeType,
      durationSeconds: clip.durationSeconds,
      captions: { fileName: 'retard.vtt', text: toWebVtt(clip.sentences) },
    },
  );
  const response = await fetch(`${server.url}/api/lessons`, {
    headers: { 'x-whop-user-token': demo.student.token, 'x-whop-experience-id': demo.community.experienceId },
  });
  lessonId = LessonList.parse(await response.json()).lessons.find((l) => l.title === TITLE)!.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) await removeDataDir(server.dataDir);
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const media = (frame: Frame) =>
  frame.locator('video.lesson-media').evaluate((video: HTMLVideoElement) => ({
    currentTime: video.currentTime,
    paused: video.paused,
    src: video.currentSrc,
  }));
const currentLine = (frame: Frame) => frame.locator('.synced-transcript [aria-current="true"]').textContent();

describe('lessons, in Chromium', () => {
  it('a transcript line seeks the video, and the transcript follows playback', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = watchPageProblems(page);
    const { frame } = await openSignedIn(
      page,
      server.url,
      `/experiences/${demo.community.experienceId}/lessons/${lessonId}`,
      demo.student.token,
    );
    await frame.getByRole('heading', { level: 1, name: TITLE }).waitFor(SEEN);
    await frame.locator('video.lesson-media').waitFor(SEEN);
    expect((await media(frame)).src).toContain('/api/local-blobs/');

    const line = frame.locator('.synced-transcript__line', { hasText: 'cold retard builds' });
    await line.focus();
    await line.press('Enter');
    await expect
      .poll(() => media(frame).then((s) => Math.abs(s.currentTime - cue.startSeconds) <= 1.5 && !s.paused), SEEN)
      .toBe(true);
    expect(await currentLine(frame)).toContain('cold retard builds');
    // Playing on: the highlight moves to the next line when it starts.
    await expect.poll(() => currentLine(frame), { timeout: 30_000 }).toContain('In the morning');
    expect(await frame.getByRole('heading', { name: /Ask about this moment at/ }).textContent()).not.toMatch(/at 0:00/);
    await page.screenshot({ path: join(SCREENSHOTS, 'lesson-page.png') });
    expect(problems.list()).toEqual([]);
    await page.close();
  });

  it('asks about this moment: the question names the lesson and second, and the answer starts from that lesson', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const { frame } = await openSignedIn(
      page,
      server.url,
      `/experiences/${demo.community.experienceId}/lessons/${lessonId}?t=${cue.startSeconds + 1}`,
      demo.student.token,
    );
    await frame.getByRole('heading', { level: 1, name: TITLE }).waitFor(SEEN);
    const sent = page.waitForRequest(
      (request) => request.url().endsWith('/api/chat') && request.method() === 'POST',
      SEEN,
    );
    const box = frame.getByLabel(/Your question about what was said at/);
    // No words of its own: what was just said gives them.
    await box.fill('What does that mean?');
    await box.press('Enter');
    const body = JSON.parse((await sent).postData() ?? '{}') as { moment?: { videoId: string; seconds: number } };
    expect(body.moment?.videoId).toBe(lessonId);
    expect(Math.abs((body.moment?.seconds ?? -99) - cue.startSeconds)).toBeLessThanOrEqual(2);
    const answer = frame.locator('article[aria-label="Answer"]').first();
    await answer.waitFor(SEEN);
    await frame.waitForFunction(
      () => document.querySelector('article[aria-label="Answer"]')?.getAttribute('aria-busy') !== 'true',
      undefined,
      SEEN,
    );
    const sources = answer.getByRole('region', { name: 'Sources' });
    await sources.waitFor(SEEN);
    expect(await sources.locator('button, a').first().textContent()).toContain(TITLE);
    expect(await answer.textContent()).toMatch(/cold retard/i);
    await page.screenshot({ path: join(SCREENSHOTS, 'lesson-ask-moment-mobile.png') });
    await page.close();
  });

  it('search finds the words across transcripts, marks them, and a hit opens the lesson at that second', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const { frame } = await openSignedIn(
      page,
      server.url,
      `/experiences/${demo.community.experienceId}/lessons`,
      demo.student.token,
    );
    await frame.getByRole('heading', { level: 1, name: 'Lessons' }).waitFor(SEEN);
    // The demo course's lessons are listed too, in order (the list arrives after the heading).
    await frame.locator('.lesson-list__link').nth(1).waitFor(SEEN);
    expect(await frame.locator('.lesson-list__link').count()).toBeGreaterThanOrEqual(2);
    await frame.getByRole('searchbox').fill('tangy flavour');
    await frame.getByRole('button', { name: 'Search' }).click();
    const hit = frame.locator('.transcript-search__hit', { hasText: TITLE }).first();
    await hit.waitFor(SEEN);
    expect(await hit.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['tangy', 'flavour']));
    await hit.click();
    await frame.getByRole('heading', { level: 1, name: TITLE }).waitFor(SEEN);
    expect(frame.url()).toMatch(/\?t=[\d.]+$/);
    await frame.locator('video.lesson-media').waitFor(SEEN);
    await expect
      .poll(() => media(frame).then((s) => Math.abs(s.currentTime - cue.startSeconds) <= 1.5), SEEN)
      .toBe(true);
    expect(await currentLine(frame)).toContain('cold retard builds');
    await page.close();
  });
});

function toWebVtt(sentences: readonly SpokenSentence[]): string {
  const stamp = (seconds: number) => new Date(Math.round(seconds * 1000)).toISOString().slice(11, 23);
  return [
    'WEBVTT',
    '',
    ...sentences.flatMap((s) => [`${stamp(s.startSeconds)} --> ${stamp(s.endSeconds)}`, s.text, '']),
  ].join('\n');
}

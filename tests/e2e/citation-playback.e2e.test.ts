import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxInfo } from '../../shared/schemas/sandbox';
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
 * Issue #6's promise end to end: the creator uploads a real (generated) video with its captions
 * through the API; the student asks about something said in the middle of it; the citation chip
 * opens the player, which streams the file from storage (Range requests) and plays from the
 * cited second.
 */
const SCREENSHOTS = join(ROOT_DIR, 'test-results', 'screenshots');
const SEEN = { timeout: 20_000 } as const;
const TITLE = 'Lesson 5 · Finishing the crust';
const DISTINCTIVE = 'Dust the top with smoked paprika and crushed pink peppercorns for a spicy red crust.';
// Long enough for two passages (45–90 s each), so the cited moment is deep in the file.
const SENTENCES = [
  'Welcome to the lesson on finishing your loaves.',
  'Today we look after the crust once the bake is done.',
  'Let the bread cool on a wire rack for a full hour.',
  'A warm loaf keeps steaming inside, so wait before you slice it.',
  'Listen for a hollow sound when you tap the bottom of the loaf.',
  'A deep brown colour means the sugars have caramelised properly.',
  'If the crust is too pale, bake it for five more minutes next time.',
  'Steam in the first twenty minutes keeps the crust thin and glossy.',
  'Remove the lid of the pot halfway through the bake.',
  'Score the dough with a sharp blade just before it goes in.',
  'A shallow angle gives you a proud ear along the score.',
  'Brush the cooled crust with a thin layer of melted butter.',
  'Butter softens the crust a little and adds a soft shine.',
  'Now for my favourite trick, which surprises every guest.',
  DISTINCTIVE,
  'Store the finished bread in a linen bag on the counter.',
];
// Autoplay with sound is allowed so "playing" is deterministic; the muted and Play-button
// fallbacks for browsers that refuse are covered by the embed tests.
const AUTOPLAY = '--autoplay-policy=no-user-gesture-required';

let server: ServerProcess;
let browser: Browser;
let demo: DemoSession;
let workDir: string;
let clip: GeneratedVideo;
let cue: SpokenSentence;

beforeAll(async () => {
  await requireMediaTools();
  await mkdir(SCREENSHOTS, { recursive: true });
  workDir = await mkdtemp(join(tmpdir(), 'chronos-clip-'));
  [server, clip] = await Promise.all([
    startServer(),
    generateSpeechVideo({ dir: workDir, sentences: SENTENCES, silenceBetween: 3.5, seconds: 100, format: 'webm' }),
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
      captions: { fileName: 'finishing.vtt', text: toWebVtt(clip.sentences) },
    },
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) await removeDataDir(server.dataDir);
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function askInChat(
  page: Page,
  question: string,
  token = demo.student.token,
): Promise<{ frame: Frame; answer: ReturnType<Frame['locator']> }> {
  const { frame } = await openSignedIn(page, server.url, `/experiences/${demo.community.experienceId}`, token);
  const box = frame.getByLabel('Your question about the course');
  await box.waitFor(SEEN);
  await box.fill(question);
  await box.press('Enter');
  const answer = frame.locator('article[aria-label="Answer"]').first();
  await answer.waitFor(SEEN);
  await frame.waitForFunction(
    () => document.querySelector('article[aria-label="Answer"]')?.getAttribute('aria-busy') !== 'true',
    undefined,
    SEEN,
  );
  return { frame, answer };
}

const mediaState = (frame: Frame) =>
  frame.locator('aside[aria-label="Video source"] video').evaluate((video: HTMLVideoElement) => ({
    currentTime: video.currentTime,
    paused: video.paused,
    src: video.currentSrc,
    duration: video.duration,
  }));

describe('a citation plays the uploaded video at the cited second, in Chromium', () => {
  it('the generated clip says the distinctive sentence in its middle', () => {
    expect(cue.startSeconds).toBeGreaterThan(60);
    expect(clip.durationSeconds).toBeGreaterThan(cue.endSeconds);
  });

  it('student asks, the answer cites the uploaded lesson, and the chip plays the video from there', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = watchPageProblems(page);
    const question = 'Why dust the crust with smoked paprika and pink peppercorns?';
    // What the server cites for this question (the offline answerer is deterministic): the
    // moment that says it (the caption cue), not the start of the passage.
    const citation = citationsIn(await askOverHttp(question)).find((c) => c.videoTitle === TITLE);
    expect(citation, 'the answer cites the uploaded lesson').toBeDefined();
    expect(Math.abs(citation!.startSeconds - cue.startSeconds)).toBeLessThanOrEqual(1.5);

    const { frame, answer } = await askInChat(page, question);
    expect(await answer.textContent()).toMatch(/paprika/i);

    // The inline marker is a compact "[n]" named by its moment ("Lesson … · 0:42").
    const chip = answer.locator(`.answer-text .citation-marker__button[aria-label*="${TITLE}"]`).first();
    await chip.waitFor(SEEN);
    const chipSeconds = secondsOf(await chip.getAttribute('aria-label'));
    await chip.focus();
    await chip.press('Enter');

    const panel = frame.getByRole('complementary', { name: 'Video source' });
    await panel.waitFor(SEEN);
    expect(await panel.locator('blockquote').textContent()).toMatch(/paprika/);
    await expect.poll(() => mediaState(frame).then((s) => !s.paused && s.currentTime > 0), SEEN).toBe(true);
    const state = await mediaState(frame);
    expect(state.src).toContain('/api/local-blobs/');
    expect(Math.abs(state.duration - clip.durationSeconds)).toBeLessThan(1);
    // The player plays from the second the chip names…
    expect(Math.abs(state.currentTime - chipSeconds), `playing at ${state.currentTime}`).toBeLessThanOrEqual(1.5);
    expect(chipSeconds).toBeGreaterThan(30);
    // Still playing a moment later: time moves on from the cited second.
    await expect
      .poll(() => mediaState(frame).then((s) => s.currentTime), SEEN)
      .toBeGreaterThan(state.currentTime + 0.3);
    expect(await frame.evaluate(() => document.activeElement?.tagName)).toBe('VIDEO');
    await page.screenshot({ path: join(SCREENSHOTS, 'citation-playing-video.png') });

    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached', ...SEEN });
    expect(problems.list()).toEqual([]);
    await page.close();
    // …and that is the moment the server cited (the cue that says it, not the passage start).
    expect(
      Math.abs(chipSeconds - citation!.startSeconds),
      `chip ${chipSeconds} s, cited ${citation!.startSeconds} s`,
    ).toBeLessThanOrEqual(1);
  });

  it('works in a phone-sized Whop iframe: the player fits the width and plays from the cited second', async () => {
    // Another student: the first one has spent their free questions.
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const { frame, answer } = await askInChat(
      page,
      'What spicy red crust uses smoked paprika?',
      await anotherStudentToken(),
    );
    const chip = answer.locator(`.answer-text .citation-marker__button[aria-label*="${TITLE}"]`).first();
    const chipSeconds = secondsOf(await chip.getAttribute('aria-label'));
    await chip.click();
    const panel = frame.getByRole('complementary', { name: 'Video source' });
    await panel.waitFor(SEEN);
    await expect
      .poll(() => mediaState(frame).then((s) => !s.paused && Math.abs(s.currentTime - chipSeconds) <= 1.5), SEEN)
      .toBe(true);
    const box = await panel.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'citation-playing-video-mobile.png') });
    await page.close();
  });
});

/** A sandbox token for a second student of the same community. */
async function anotherStudentToken(): Promise<string> {
  const info = SandboxInfo.parse(await (await fetch(`${server.url}/api/sandbox`)).json());
  const other = info.personas.find(
    (p) => p.accessLevel === 'customer' && p.companyId === demo.community.companyId && p.id !== demo.student.persona.id,
  );
  if (!other) throw new Error('The sandbox has only one student in this community');
  const response = await fetch(`${server.url}/api/sandbox/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: other.id }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** Asks as the student over plain HTTP; returns the raw event stream. */
async function askOverHttp(question: string): Promise<string> {
  const response = await fetch(`${server.url}/api/chat`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-whop-user-token': demo.student.token,
      'x-whop-experience-id': demo.community.experienceId,
    },
    body: JSON.stringify({ question }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST /api/chat answered ${response.status}: ${text}`);
  return text;
}

/** The `citation` events of a finished chat stream (server-sent events). */
function citationsIn(sse: string): { n: number; videoTitle: string; startSeconds: number }[] {
  return sse
    .split('\n\n')
    .filter((block) => block.includes('event: citation'))
    .map(
      (block) =>
        JSON.parse(block.slice(block.indexOf('data: ') + 6)) as { n: number; videoTitle: string; startSeconds: number },
    );
}

function toWebVtt(sentences: readonly SpokenSentence[]): string {
  const stamp = (seconds: number) => new Date(Math.round(seconds * 1000)).toISOString().slice(11, 23);
  return [
    'WEBVTT',
    '',
    ...sentences.flatMap((s) => [`${stamp(s.startSeconds)} --> ${stamp(s.endSeconds)}`, s.text, '']),
  ].join('\n');
}

/** The m:ss a citation chip ends with, in seconds. */
function secondsOf(label: string | null): number {
  const match = /(\d+):(\d{2})\s*$/.exec(label ?? '');
  if (!match) throw new Error(`No timestamp in the chip "${label}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

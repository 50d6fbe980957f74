import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VideoList } from '../../shared/schemas/videos';
import { launchChromium } from '../support/chromium';
import { ROOT_DIR, removeDataDir, type ServerProcess, startServer } from '../support/server-process';
import { watchPageProblems } from './support/page-problems';
import { type DemoSession, openSignedIn, signInDemoPeople } from './support/sandbox-session';

/**
 * Issue #13, deliver 4: `npm start` alone (no upload) shows the headline feature. The demo
 * course is seeded with its generated videos; a student asks, presses the citation with the
 * keyboard, and the lesson's video plays from the cited second.
 */
const SCREENSHOTS = join(ROOT_DIR, 'test-results', 'screenshots');
const SEEN = { timeout: 20_000 } as const;
const AUTOPLAY = '--autoplay-policy=no-user-gesture-required';
// Said once, 50 s into lesson 1 ("Keep it somewhere warm, ideally between twenty four and twenty six degrees").
const QUESTION = 'How warm should I keep the jar with my starter?';

let server: ServerProcess;
let browser: Browser;
let demo: DemoSession;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startServer();
  ({ browser } = await launchChromium({ extraArgs: [AUTOPLAY] }));
  demo = await signInDemoPeople(server.url);
  // The seed queues the captions for chunk → embed; wait for all four lessons.
  for (const deadline = Date.now() + 60_000; !(await demoLessons()).every((v) => v.status === 'completed'); ) {
    if (Date.now() > deadline) throw new Error('the demo lessons did not finish processing in 60 s');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) await removeDataDir(server.dataDir);
});

async function demoLessons() {
  const response = await fetch(`${server.url}/api/videos`, {
    headers: { 'x-whop-user-token': demo.creator.token, 'x-whop-company-id': demo.community.companyId },
  });
  return VideoList.parse(await response.json()).videos;
}

const mediaState = (frame: Frame) =>
  frame.locator('aside[aria-label="Video source"] video').evaluate((video: HTMLVideoElement) => ({
    currentTime: video.currentTime,
    paused: video.paused,
    duration: video.duration,
    src: video.currentSrc,
  }));

describe('the demo course plays its own videos', () => {
  it('every demo lesson is a video, as the creator sees it', async () => {
    const lessons = await demoLessons();
    expect(lessons).toHaveLength(4);
    expect(lessons.every((v) => v.sourceKind === 'video')).toBe(true);
  });

  it('a citation plays the demo lesson at the cited second (keyboard only)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = watchPageProblems(page);
    const { frame } = await openSignedIn(
      page,
      server.url,
      `/experiences/${demo.community.experienceId}`,
      demo.student.token,
    );
    const box = frame.getByLabel('Your question about the course');
    await box.waitFor(SEEN);
    await box.focus();
    await page.keyboard.type(QUESTION);
    await page.keyboard.press('Enter');
    const answer = frame.locator('article[aria-label="Answer"]').first();
    await answer.waitFor(SEEN);
    await frame.waitForFunction(
      () => document.querySelector('article[aria-label="Answer"]')?.getAttribute('aria-busy') !== 'true',
      undefined,
      SEEN,
    );
    expect(await answer.textContent()).toMatch(/twenty four|twenty six|warm/i);

    const chip = answer.locator('.citation-chip').first();
    await chip.waitFor(SEEN);
    const label = `${await chip.getAttribute('title')} ${await chip.textContent()}`;
    const cited = /(\d+):(\d{2})/.exec(label);
    expect(cited, `a time in "${label}"`).not.toBeNull();
    const citedSeconds = Number(cited![1]) * 60 + Number(cited![2]);
    expect(citedSeconds).toBeGreaterThan(20);
    await chip.focus();
    await page.keyboard.press('Enter');

    const panel = frame.getByRole('complementary', { name: 'Video source' });
    await panel.waitFor(SEEN);
    await expect.poll(() => mediaState(frame).then((s) => !s.paused && s.currentTime > 0), SEEN).toBe(true);
    const state = await mediaState(frame);
    expect(state.src).toContain('/api/local-blobs/');
    expect(state.duration).toBeGreaterThan(100);
    expect(
      Math.abs(state.currentTime - citedSeconds),
      `playing at ${state.currentTime}, cited ${citedSeconds}`,
    ).toBeLessThanOrEqual(1.5);
    await expect
      .poll(() => mediaState(frame).then((s) => s.currentTime), SEEN)
      .toBeGreaterThan(state.currentTime + 0.3);
    await page.screenshot({ path: join(SCREENSHOTS, 'demo-course-citation-playing.png') });
    expect(problems.list()).toEqual([]);
    await page.close();
  });
});

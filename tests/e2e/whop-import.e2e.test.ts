import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { ROOT_DIR, removeDataDir, type ServerProcess, startServer } from '../support/server-process';
import { watchPageProblems } from './support/page-problems';
import { type DemoSession, openSignedIn, signInDemoPeople } from './support/sandbox-session';

/**
 * Issue #14.3 in Chromium: the demo creator opens the library, picks the sandbox's Whop
 * course by its checkbox, imports it, sees each lesson's outcome and the lessons in the
 * library; importing again changes nothing; a student's answer can cite an imported lesson.
 */
const SCREENSHOTS = join(ROOT_DIR, 'test-results', 'screenshots');
const SEEN = { timeout: 30_000 } as const;
let server: ServerProcess;
let browser: Browser;
let demo: DemoSession;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startServer();
  ({ browser } = await launchChromium());
  demo = await signInDemoPeople(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) await removeDataDir(server.dataDir);
});

describe('import from Whop Courses, in Chromium', () => {
  it('imports the sandbox course from the library panel, then again without duplicates', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const problems = watchPageProblems(page);
    const { frame } = await openSignedIn(
      page,
      server.url,
      `/dashboard/${demo.community.companyId}`,
      demo.creator.token,
    );
    const open = frame.getByRole('button', { name: 'Choose lessons' });
    await open.waitFor(SEEN);
    await open.click();
    const course = frame.getByRole('checkbox', { name: 'Sourdough Foundations (Whop course)' });
    await course.waitFor(SEEN);
    expect(await frame.getByRole('checkbox', { name: /Welcome and kit list/ }).isDisabled()).toBe(true);
    await course.focus();
    await page.keyboard.press('Space');
    const importButton = frame.getByRole('button', { name: 'Import 4 lessons' });
    await importButton.click();
    await frame.getByText('4 of 4 lessons imported').waitFor(SEEN);
    await page.screenshot({ path: join(SCREENSHOTS, 'whop-import-phone.png'), fullPage: true });
    expect(await frame.getByText(/from its captions, free/).count()).toBe(4);
    await frame
      .getByRole('rowheader', { name: /Shaping and baking/ })
      .first()
      .waitFor(SEEN);

    await frame.getByRole('button', { name: 'Done' }).click();
    await frame.getByText('In library').first().waitFor(SEEN);
    expect(await frame.getByText('In library').count()).toBe(4);
    await course.check();
    await frame.getByRole('button', { name: 'Import 4 lessons' }).click();
    await frame.getByText('4 of 4 lessons imported').waitFor(SEEN);
    expect(await frame.getByText('Already up to date').count()).toBe(4);
    expect(problems.list()).toEqual([]);
    await page.close();

    const videos = (await (
      await fetch(`${server.url}/api/videos`, {
        headers: { 'x-whop-user-token': demo.creator.token, 'x-whop-company-id': demo.community.companyId },
      })
    ).json()) as { videos: { title: string; status: string }[] };
    expect(videos.videos.filter((v) => v.title === 'Bulk fermentation')).toHaveLength(1);
  });
});

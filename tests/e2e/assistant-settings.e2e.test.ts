import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_HEADER, EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../shared/whop-context';
import { launchChromium } from '../support/chromium';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process';
import { expectNoSeriousViolations } from './support/axe';
import { type DemoSession, openSignedIn, signInDemoPeople } from './support/sandbox-session';

/**
 * Issue #15 in Chromium: the creator names the assistant, greets students, adds a starter
 * question and picks guide mode on the dashboard's Assistant tab; a student's empty chat then
 * speaks with that name and greeting and offers that starter first, and an answer in guide
 * mode says it is a hint. The video page's heat strip shows where the answer's citation landed.
 */
const SEEN = { timeout: 20_000 } as const;
const GREETING = 'Welcome, bakers! Ask me anything about your loaf.';
const STARTER = 'What flour should I buy first?';

let server: ServerProcess;
let browser: Browser;
let demo: DemoSession;

beforeAll(async () => {
  server = await startServer();
  ({ browser } = await launchChromium());
  demo = await signInDemoPeople(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) await removeDataDir(server.dataDir);
});

/** Pages in their own context: axe (support/axe.ts) needs one. */
async function newPage(viewport: { width: number; height: number }) {
  return (await browser.newContext({ viewport })).newPage();
}

describe('assistant settings and the heat strip, in Chromium', () => {
  it('the creator sets name, greeting, a starter and guide mode; the student sees them', async () => {
    const creator = await newPage({ width: 1280, height: 900 });
    const { frame } = await openSignedIn(
      creator,
      server.url,
      `/dashboard/${demo.community.companyId}?theme=dark`,
      demo.creator.token,
    );
    await frame.getByRole('tab', { name: 'Assistant' }).click();
    const name = frame.getByLabel('Name', { exact: true });
    await name.waitFor(SEEN);
    expect(await name.inputValue()).toBe('Chronos');
    await name.fill('Crumb');
    await frame.getByLabel('Greeting').fill(GREETING);
    await frame.getByRole('button', { name: 'Add a starter question' }).click();
    await frame.getByLabel('Starter question 1', { exact: true }).fill(STARTER);
    await frame.getByRole('radio', { name: /Guide with hints/ }).check();
    const preview = frame.getByRole('region', { name: 'Preview: what students see' });
    await preview.getByText('Ask Crumb about the course videos').waitFor(SEEN);
    await expectNoSeriousViolations(creator, 'dashboard Assistant tab with a draft, dark');
    await frame.getByRole('button', { name: 'Save assistant' }).click();
    await frame.getByText(/^Saved\./).waitFor(SEEN);

    // A phone, light theme: the student's empty chat in the creator's voice.
    const student = await newPage({ width: 390, height: 844 });
    const chat = (
      await openSignedIn(
        student,
        server.url,
        `/experiences/${demo.community.experienceId}?theme=light`,
        demo.student.token,
      )
    ).frame;
    await chat.getByRole('heading', { name: 'Ask Crumb about the course videos' }).waitFor(SEEN);
    await chat.getByText(GREETING).waitFor(SEEN);
    const starters = chat.getByRole('list', { name: 'Example questions' }).getByRole('button');
    await starters.first().waitFor(SEEN);
    expect(await starters.first().textContent()).toBe(STARTER);
    expect(await starters.count()).toBe(4);
    await expectNoSeriousViolations(student, 'student chat with the creator’s greeting, light, phone');

    // Guide mode: the answer says it is a hint, and still cites the moments.
    const box = chat.getByLabel('Your question about the course');
    await box.fill('How do I know my starter is ready?');
    await box.press('Enter');
    const answer = chat.locator('article[aria-label="Answer"]').first();
    await answer.waitFor(SEEN);
    await chat.waitForFunction(
      () => document.querySelector('article[aria-label="Answer"]')?.getAttribute('aria-busy') !== 'true',
      undefined,
      SEEN,
    );
    expect(await answer.textContent()).toContain('A hint rather than the answer');
    await chat.locator('.citation-chip').first().waitFor(SEEN);
    await student.context().close();
    await creator.context().close();
  }, 120_000);

  it("the video page shows where students' citations land, and a cited slice seeks the player", async () => {
    // Which lesson the answer above cited, as stored.
    const auth = { [USER_TOKEN_HEADER]: demo.creator.token, [COMPANY_HEADER]: demo.community.companyId };
    const videos = (await (await fetch(`${server.url}/api/videos`, { headers: auth })).json()) as {
      videos: { id: string; title: string }[];
    };
    const heats = await Promise.all(
      videos.videos.map(async (v) => ({
        ...v,
        heat: (await (await fetch(`${server.url}/api/videos/${v.id}/citation-heat`, { headers: auth })).json()) as {
          totalCitations: number;
        },
      })),
    );
    const cited = heats.find((v) => v.heat.totalCitations > 0);
    expect(cited, 'a lesson cited by the answer').toBeTruthy();
    // A student's own headers never reach the heat strip.
    const asStudent = await fetch(`${server.url}/api/videos/${cited!.id}/citation-heat`, {
      headers: {
        [USER_TOKEN_HEADER]: demo.student.token,
        [EXPERIENCE_HEADER]: demo.community.experienceId,
        [COMPANY_HEADER]: demo.community.companyId,
      },
    });
    expect(asStudent.status).toBe(403);

    const page = await newPage({ width: 390, height: 844 });
    const { frame } = await openSignedIn(
      page,
      server.url,
      `/dashboard/${demo.community.companyId}?theme=dark`,
      demo.creator.token,
    );
    await frame.getByRole('button', { name: cited!.title, exact: true }).click();
    const strip = frame.getByRole('group', { name: 'Citations along the lesson timeline' });
    await strip.waitFor(SEEN);
    const hot = strip.getByRole('button').first();
    await hot.waitFor(SEEN);
    const label = (await hot.getAttribute('aria-label')) ?? '';
    const from = /Play from (\d+):(\d\d)/.exec(label);
    expect(from).toBeTruthy();
    const seconds = Number(from![1]) * 60 + Number(from![2]);
    await hot.click();
    await frame.waitForFunction(
      (want) => {
        const player = document.querySelector<HTMLMediaElement>('.video-page__player');
        return player !== null && Math.abs(player.currentTime - want) < 1.5;
      },
      seconds,
      SEEN,
    );
    await frame.getByText('Show as a table').click();
    await frame.getByRole('table', { name: /Citations per moment/ }).waitFor(SEEN);
    await expectNoSeriousViolations(page, 'video page heat strip with its table, dark, phone');
    await page.context().close();
  }, 120_000);
});

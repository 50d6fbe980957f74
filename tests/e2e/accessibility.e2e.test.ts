import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxInfo } from '../../shared/schemas/sandbox';
import { launchChromium } from '../support/chromium';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process';
import { expectNoSeriousViolations, expectViewStructure, seriousViolations } from './support/axe';
import { type DemoSession, openSignedIn, signInDemoPeople } from './support/sandbox-session';

/**
 * axe over every view in both themes, at desktop and phone sizes: no serious or critical
 * violation, a `main` landmark and one h1 per view. A new view joins with one
 * `expectNoSeriousViolations(page, '…')` after it has rendered.
 */
const SEEN = { timeout: 20_000 } as const;
const themes = ['light', 'dark'] as const;
const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

let server: ServerProcess;
let browser: Browser;
let demo: DemoSession;
/** The community's students, taken in turn: a free student has 3 questions in all. */
let students: string[] = [];
let nextStudent = 0;

beforeAll(async () => {
  server = await startServer();
  ({ browser } = await launchChromium());
  demo = await signInDemoPeople(server.url);
  const info = SandboxInfo.parse(await (await fetch(`${server.url}/api/sandbox`)).json());
  const others = info.personas.filter(
    (p) => p.accessLevel === 'customer' && p.companyId === demo.community.companyId && p.id !== demo.student.persona.id,
  );
  students = [demo.student.token, ...(await Promise.all(others.map((p) => mintToken(p.id))))];
  // A creator's note answering the chat walk's question, so its answer cites one (unpinned: its text opens in place).
  const note = await fetch(`${server.url}/api/dashboard/notes`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-whop-user-token': demo.creator.token,
      'x-whop-company-id': demo.community.companyId,
    },
    body: JSON.stringify({
      question: CHAT_QUESTION,
      body: 'Keep the starter warm, between 24 and 26 degrees: an oven with only its light on works.',
    }),
  });
  expect(note.status).toBe(201);
});

const CHAT_QUESTION = 'How warm should I keep my starter?';

async function mintToken(userId: string): Promise<string> {
  const response = await fetch(`${server.url}/api/sandbox/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  return ((await response.json()) as { token: string }).token;
}

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) await removeDataDir(server.dataDir);
});

async function newPage(viewport: { width: number; height: number }, theme: string): Promise<Page> {
  // The OS preference disagrees with the pinned theme, so a view that ignores the pin shows.
  const context = await browser.newContext({ viewport, colorScheme: theme === 'dark' ? 'light' : 'dark' });
  return context.newPage();
}

describe('the helper can fail', () => {
  it('reports low contrast, a nameless button and a missing lang', async () => {
    const page = await newPage({ width: 800, height: 600 }, 'light');
    await page.setContent(
      '<html><body><main><h1>Bad</h1><p style="color:#aaa;background:#fff">faint text</p><button></button></main></body></html>',
    );
    const ids = (await seriousViolations(page)).map((f) => f.id).sort();
    expect(ids).toEqual(expect.arrayContaining(['button-name', 'color-contrast', 'html-has-lang']));
    await page.context().close();
  });
});

for (const theme of themes) {
  for (const viewport of viewports) {
    describe(`axe, ${theme} theme, ${viewport.name}`, () => {
      for (const [name, path, ready] of [
        ['landing', '/', 'h1'],
        ['discover', '/discover', 'h1'],
        ['sandbox', '/sandbox', 'h1'],
        ['not found', '/no-such-page', 'h1'],
      ] as const) {
        it(`${name} page`, async () => {
          const page = await newPage(viewport, theme);
          await page.goto(`${server.url}${path}?theme=${theme}`);
          await page.locator(ready).first().waitFor(SEEN);
          // The sandbox frames both views: let them render before axe reads the frames.
          if (name === 'sandbox') await page.frameLocator('iframe').first().locator('h1').first().waitFor(SEEN);
          await page.waitForLoadState('networkidle');
          if (name !== 'sandbox') await expectViewStructure(page, name);
          await expectNoSeriousViolations(page, `${name}, ${theme}, ${viewport.name}`);
          await page.context().close();
        });
      }

      it('student chat: empty, with an answer, and with the cited video open', async () => {
        const page = await newPage(viewport, theme);
        const token = students[nextStudent++ % students.length]!;
        const { frame } = await openSignedIn(
          page,
          server.url,
          `/experiences/${demo.community.experienceId}?theme=${theme}`,
          token,
        );
        const box = frame.getByLabel('Your question about the course');
        await box.waitFor(SEEN);
        await page.waitForLoadState('networkidle');
        await expectViewStructure(frame, 'student chat');
        await expectNoSeriousViolations(page, `student chat, ${theme}, ${viewport.name}`);

        await box.fill(CHAT_QUESTION);
        await box.press('Enter');
        await waitForAnswer(frame);
        await expectNoSeriousViolations(page, `student chat with an answer, ${theme}, ${viewport.name}`);
        // A dialog the answer opened (the free plan's limit) is checked too, then closed.
        const dialog = frame.getByRole('dialog');
        if (await dialog.isVisible()) {
          await expectNoSeriousViolations(page, `student chat dialog, ${theme}, ${viewport.name}`);
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'detached', ...SEEN });
        }

        const note = frame.getByRole('button', { name: "Creator's note" }).first();
        await note.click();
        await frame.locator('.citation-marker__note').first().waitFor(SEEN);
        await expectNoSeriousViolations(page, `student chat with a creator's note open, ${theme}, ${viewport.name}`);

        // The player's code is fetched with the first citation: held back here, so its placeholder is checked too.
        let release = () => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        await page.route(/\/assets\/player-panel-[^/]+\.js$/, async (route) => {
          await held;
          await route.continue();
        });
        await frame.locator('button.citation-chip').first().click();
        await frame.locator('aside[aria-label="Video source"][aria-busy="true"]').waitFor(SEEN);
        await expectNoSeriousViolations(page, `student chat, the player loading, ${theme}, ${viewport.name}`);
        release();
        await frame.getByRole('complementary', { name: 'Video source' }).locator('blockquote').waitFor(SEEN);
        await expectNoSeriousViolations(page, `student chat with the player, ${theme}, ${viewport.name}`);
        await page.context().close();
      }, 120_000);

      it('student lessons: the list and a lesson page', async () => {
        const page = await newPage(viewport, theme);
        // Reading lessons asks nothing: any student will do, and the chat's turns are left alone.
        const { frame } = await openSignedIn(
          page,
          server.url,
          `/experiences/${demo.community.experienceId}/lessons?theme=${theme}`,
          students[0]!,
        );
        const lesson = frame.locator('.lesson-list__link').first();
        await lesson.waitFor(SEEN);
        await page.waitForLoadState('networkidle');
        await expectViewStructure(frame, 'student lessons');
        await expectNoSeriousViolations(page, `student lessons, ${theme}, ${viewport.name}`);
        await lesson.click();
        await frame.locator('#lesson-title').waitFor(SEEN);
        await page.waitForLoadState('networkidle');
        await expectViewStructure(frame, 'lesson page');
        await expectNoSeriousViolations(page, `lesson page, ${theme}, ${viewport.name}`);
        await page.context().close();
      }, 120_000);

      it('creator dashboard: every tab and a video page', async () => {
        const page = await newPage(viewport, theme);
        const { frame } = await openSignedIn(
          page,
          server.url,
          `/dashboard/${demo.community.companyId}?theme=${theme}`,
          demo.creator.token,
        );
        const tabs = frame.getByRole('tab');
        await tabs.first().waitFor(SEEN);
        await page.waitForLoadState('networkidle');
        await expectViewStructure(frame, 'creator dashboard');
        const names = await tabs.allTextContents();
        expect(names.length).toBeGreaterThanOrEqual(3);
        for (const tabName of names) {
          await frame.getByRole('tab', { name: tabName }).click();
          await page.waitForLoadState('networkidle');
          await frame.waitForTimeout(300);
          await expectNoSeriousViolations(page, `dashboard tab "${tabName}", ${theme}, ${viewport.name}`);
        }
        // The Questions tab's correction form ("Correct this answer"), opened under the walk's own question.
        await frame.getByRole('tab', { name: 'Questions' }).click();
        await frame
          .getByRole('button', { name: /^Correct this answer/ })
          .first()
          .click();
        await frame.getByLabel('The right answer').waitFor(SEEN);
        await frame.getByRole('list', { name: "Creator's notes" }).waitFor(SEEN);
        await expectNoSeriousViolations(page, `correction form and notes, ${theme}, ${viewport.name}`);
        await frame.getByRole('button', { name: 'Cancel' }).click();
        await frame.getByRole('tab').first().click();
        const open = frame.locator('.video-table__open').first();
        await open.waitFor(SEEN);
        await open.click();
        await page.waitForLoadState('networkidle');
        await frame.waitForTimeout(300);
        // The heat strip's table (when the lesson has been cited) is checked open.
        const heatTable = frame.locator('.heat-strip__table summary');
        if (await heatTable.count()) await heatTable.click();
        await expectNoSeriousViolations(page, `video page, ${theme}, ${viewport.name}`);
        await page.context().close();
      }, 120_000);
    });
  }
}

async function waitForAnswer(frame: Frame) {
  await frame.locator('article[aria-label="Answer"]').first().waitFor(SEEN);
  await frame.waitForFunction(
    () => document.querySelector('article[aria-label="Answer"]')?.getAttribute('aria-busy') !== 'true',
    undefined,
    SEEN,
  );
}

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { ROOT_DIR, removeDataDir, type ServerProcess, startServer } from '../support/server-process';
import { type DemoSession, openSignedIn, signInDemoPeople } from './support/sandbox-session';

/**
 * The whole student ↔ creator loop in Chromium, on the demo course the sandbox
 * seeds: a FREE student asks three questions (answers stream, a citation opens
 * the cited moment), sees the counter fall and hits the limit modal; the creator
 * upgrades through the sandbox checkout (a signed Whop webhook); the student can
 * ask again.
 */
const SCREENSHOTS = join(ROOT_DIR, 'test-results', 'screenshots');
const SEEN = { timeout: 20_000 } as const;

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

async function openStudent(page: Page): Promise<Frame> {
  const { frame } = await openSignedIn(
    page,
    server.url,
    `/experiences/${demo.community.experienceId}`,
    demo.student.token,
  );
  await frame.getByLabel('Your question about the course').waitFor(SEEN);
  return frame;
}

async function ask(frame: Frame, question: string) {
  const answers = frame.locator('article[aria-label="Answer"]');
  const before = await answers.count();
  const box = frame.getByLabel('Your question about the course');
  await box.fill(question);
  await box.press('Enter');
  const answer = answers.nth(before);
  await answer.waitFor(SEEN);
  await frame.waitForFunction(
    (i) => {
      const el = document.querySelectorAll('article[aria-label="Answer"]')[i];
      return el && el.getAttribute('aria-busy') !== 'true';
    },
    before,
    SEEN,
  );
  return answer;
}

const counter = (frame: Frame) => frame.getByLabel('Questions left');

describe('student chat and the upgrade loop, in Chromium', () => {
  let student: Page;
  let frame: Frame;
  let phone: { page: Page; frame: Frame } | undefined;

  it('streams a grounded answer whose citation opens the cited moment', async () => {
    student = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    frame = await openStudent(student);
    await expect.poll(() => counter(frame).textContent(), SEEN).toMatch(/3 of 3 free questions left/);
    const answer = await ask(frame, 'How do I know my starter is ready?');
    expect(await answer.textContent()).toMatch(/doubles within four to eight hours/);
    // Inline: a compact "[n]" named by its moment; the full label is under Sources.
    const chip = answer.locator('.answer-text .citation-marker__button').first();
    expect(await chip.textContent()).toMatch(/^\[\d+\]$/);
    expect(await chip.getAttribute('aria-label')).toMatch(/Lesson 1 · Meet your starter · \d+:\d{2}/);
    expect(await answer.getByRole('region', { name: 'Sources' }).textContent()).toMatch(
      /Lesson 1 · Meet your starter · \d+:\d{2}/,
    );
    await chip.click();
    const panel = frame.getByRole('complementary', { name: 'Video source' });
    await panel.waitFor(SEEN);
    expect(await panel.textContent()).toMatch(/Lesson 1 · Meet your starter/);
    await expect.poll(() => counter(frame).textContent(), SEEN).toMatch(/2 of 3 free questions left/);
    await student.screenshot({ path: join(SCREENSHOTS, 'chat-answer-with-citation.png') });
  });

  it("counts down to the last free question, then shows the limit in the composer's place and the modal on Details", async () => {
    await ask(frame, 'What does seventy percent hydration mean?');
    await expect.poll(() => counter(frame).textContent(), SEEN).toMatch(/Last free question!/);
    await ask(frame, 'How long should bulk fermentation take?');
    const limit = frame.getByRole('region', { name: 'Question limit' });
    await limit.waitFor(SEEN);
    expect(await limit.textContent()).toMatch(/3 free questions/);
    // No modal over the last answer, and no question box to type into.
    expect(await frame.getByRole('dialog').count()).toBe(0);
    expect(await frame.getByLabel('Your question about the course').count()).toBe(0);
    await student.screenshot({ path: join(SCREENSHOTS, 'chat-limit-inline.png') });
    const details = limit.getByRole('button', { name: 'Details' });
    await details.click();
    const modal = frame.getByRole('dialog');
    await modal.waitFor(SEEN);
    expect(await modal.textContent()).toMatch(/3 free questions/);
    await student.screenshot({ path: join(SCREENSHOTS, 'chat-limit-modal.png') });

    // A native modal <dialog> (ui/dialog.tsx): in the top layer, focus inside, the page behind it inert.
    const focusInModal = () =>
      frame.evaluate(() => {
        const dialog = document.querySelector('dialog');
        const inside = document.hasFocus() && (dialog?.contains(document.activeElement) ?? false);
        return { modal: dialog?.matches(':modal') ?? false, inside };
      });
    expect(await focusInModal()).toEqual({ modal: true, inside: true });
    const focusable = await details.evaluate((button: HTMLElement) => {
      button.focus();
      return document.activeElement === button;
    });
    expect(focusable).toBe(false);
    // Tab wraps inside it: inside Whop's iframe focus would otherwise leave the frame for the page around it.
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await student.keyboard.press(key);
      expect(await focusInModal(), key).toEqual({ modal: true, inside: true });
    }
    // Esc closes it and focus goes back to the button that opened it.
    await student.keyboard.press('Escape');
    await modal.waitFor({ state: 'detached', ...SEEN });
    expect(await details.evaluate((button) => document.activeElement === button)).toBe(true);

    // So does a press on the backdrop, outside the panel; not one on the panel.
    await details.click();
    await modal.waitFor(SEEN);
    await modal.getByRole('heading').click();
    expect(await modal.count()).toBe(1);
    await modal.click({ position: { x: 4, y: 4 } });
    await modal.waitFor({ state: 'detached', ...SEEN });
    expect(await details.evaluate((button) => document.activeElement === button)).toBe(true);
  });

  it('lets the creator upgrade in the sandbox checkout, and the student ask again', async () => {
    const creator = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const { frame: dashboard } = await openSignedIn(
      creator,
      server.url,
      `/dashboard/${demo.community.companyId}`,
      demo.creator.token,
    );
    await dashboard.getByRole('tab', { name: 'Plan & usage' }).click();
    await dashboard.getByRole('button', { name: 'Upgrade to Basic' }).click();
    const checkout = dashboard.getByRole('dialog');
    await checkout.waitFor(SEEN);
    await checkout.getByRole('button', { name: 'Pay (simulated)' }).click();
    await dashboard.getByText("You're on Basic").waitFor(SEEN);
    await creator.screenshot({ path: join(SCREENSHOTS, 'creator-upgraded.png') });

    const again = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const studentFrame = await openStudent(again);
    await expect.poll(() => counter(studentFrame).textContent(), SEEN).toMatch(/100 questions left today/);
    const answer = await ask(studentFrame, 'What should a healthy starter smell like?');
    expect(await answer.textContent()).toMatch(/yoghurt|green apples|sour/);
    await again.screenshot({ path: join(SCREENSHOTS, 'chat-after-upgrade-mobile.png') });
    phone = { page: again, frame: studentFrame };
  });

  it('deletes a past conversation from the list, after a confirmation, with the keyboard', async () => {
    const { page, frame: chat } = phone!;
    // On a phone the list is a drawer behind the bar's Conversations button.
    await chat.getByRole('button', { name: 'Conversations' }).click();
    const conversations = chat.getByRole('navigation', { name: 'Conversations' });
    const first = conversations.getByRole('button', {
      name: 'Delete conversation: How do I know my starter is ready?',
    });
    await first.waitFor(SEEN);
    await first.focus();
    await page.keyboard.press('Enter');
    await chat
      .getByRole('group', { name: 'Delete conversation' })
      .getByText(/Delete “How do I know my starter is ready\?”\?/)
      .waitFor(SEEN);
    await page.screenshot({ path: join(SCREENSHOTS, 'chat-delete-conversation-mobile.png') });
    // The confirmation has the focus: Enter deletes.
    await page.keyboard.press('Enter');
    await first.waitFor({ state: 'detached', ...SEEN });
    expect(
      await conversations.getByRole('button', { name: 'How do I know my starter is ready?', exact: true }).count(),
    ).toBe(0);
    expect(
      await conversations
        .getByRole('button', { name: 'What should a healthy starter smell like?', exact: true })
        .count(),
    ).toBe(1);
  });
});

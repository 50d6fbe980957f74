import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { ROOT_DIR, removeDataDir, type ServerProcess, startServer } from '../support/server-process';
import { type DemoSession, openSignedIn, signInDemoPeople } from './support/sandbox-session';

/**
 * How the student chat behaves in Chromium, on the sandbox's demo course: the app's chrome
 * leaves the phone screen to the conversation, the conversation follows the answer as it
 * streams (and lets the student read back, with "Jump to latest"), a reopened conversation
 * opens at its end, and the player docks beside the chat / above the composer instead of
 * covering it.
 */
const SCREENSHOTS = join(ROOT_DIR, 'test-results', 'screenshots');
const SEEN = { timeout: 20_000 } as const;
const PHONE = { width: 390, height: 844 } as const;
const DESKTOP = { width: 1280, height: 800 } as const;

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
  // The questions left beside the composer, or (none left) the limit in its place.
  await frame
    .getByLabel('Questions left')
    .or(frame.getByRole('region', { name: 'Question limit' }))
    .first()
    .waitFor(SEEN);
  return frame;
}

async function ask(frame: Frame, question: string): Promise<Locator> {
  const answers = frame.locator('article[aria-label="Answer"]');
  const before = await answers.count();
  const box = frame.getByLabel('Your question about the course');
  await box.fill(question);
  await box.press('Enter');
  await answers.nth(before).waitFor(SEEN);
  await frame.waitForFunction(
    (i) => document.querySelectorAll('article[aria-label="Answer"]')[i]?.getAttribute('aria-busy') === 'false',
    before,
    SEEN,
  );
  return answers.nth(before);
}

/** How far the conversation is from its end, in px (0: the newest message is in view). */
function distanceFromEnd(frame: Frame): Promise<number> {
  return frame.evaluate(() => {
    const scroller = document.querySelector('main[aria-label="Conversation"]') as HTMLElement;
    return Math.round(scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight);
  });
}

/** The app's own chrome: everything on the screen that is not the conversation. */
function chrome(frame: Frame) {
  return frame.evaluate(() => {
    const height = (selector: string) =>
      Math.round(document.querySelector(selector)?.getBoundingClientRect().height ?? 0);
    const messages = height('main[aria-label="Conversation"]');
    return {
      screen: window.innerHeight,
      messages,
      header: height('header.app-header'),
      composer: height('.chat-screen__composer'),
      chrome: window.innerHeight - messages,
    };
  });
}

function overlap(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('the student chat, in Chromium', () => {
  let phone: Page;
  let frame: Frame;

  it('leaves at least three quarters of a 390×844 phone screen to the conversation', async () => {
    phone = await browser.newPage({ viewport: PHONE });
    frame = await openStudent(phone);
    const empty = await chrome(frame);
    console.log(
      `chrome on a 390×844 phone, empty chat: ${JSON.stringify(empty)} (${((100 * empty.chrome) / empty.screen).toFixed(1)} %)`,
    );
    expect(empty.screen).toBe(PHONE.height);
    expect(empty.chrome / empty.screen).toBeLessThanOrEqual(0.25);
    // Students see the product, not how it runs.
    expect(await frame.locator('body').textContent()).not.toMatch(/database|offline answers|free plan|pro plan/i);
  });

  it('follows the answer as it streams, lets the student read back, and jumps to the latest', async () => {
    await ask(frame, 'How do I know my starter is ready?');
    const answer = await ask(frame, 'What does seventy percent hydration mean?');
    expect(await distanceFromEnd(frame)).toBeLessThanOrEqual(48);
    const withAnswers = await chrome(frame);
    console.log(
      `chrome on a 390×844 phone, with answers: ${JSON.stringify(withAnswers)} (${((100 * withAnswers.chrome) / withAnswers.screen).toFixed(1)} %)`,
    );
    expect(withAnswers.chrome / withAnswers.screen).toBeLessThanOrEqual(0.25);
    // Focus stayed in the question box through both questions.
    expect(
      await frame.getByLabel('Your question about the course').evaluate((box) => box === document.activeElement),
    ).toBe(true);
    expect(await answer.isVisible()).toBe(true);

    await frame.locator('main[aria-label="Conversation"]').evaluate((scroller) => scroller.scrollTo({ top: 0 }));
    const jump = frame.getByRole('button', { name: 'Jump to latest' });
    await jump.waitFor(SEEN);
    await phone.screenshot({ path: join(SCREENSHOTS, 'chat-jump-to-latest-mobile.png') });
    await jump.click();
    await expect.poll(() => distanceFromEnd(frame), SEEN).toBeLessThanOrEqual(48);
    await jump.waitFor({ state: 'detached', ...SEEN });
  });

  it("with no question left, shows the limit in the composer's place, and no modal", async () => {
    await ask(frame, 'How long should bulk fermentation take?');
    await frame.getByRole('region', { name: 'Question limit' }).waitFor(SEEN);
    expect(await frame.getByRole('dialog').count()).toBe(0);
    expect(await distanceFromEnd(frame)).toBeLessThanOrEqual(48);
    const limited = await chrome(frame);
    expect(limited.chrome / limited.screen).toBeLessThanOrEqual(0.25);
    await phone.screenshot({ path: join(SCREENSHOTS, 'chat-limit-inline-mobile.png') });
  });

  it('reopens a conversation from the history drawer at its end', async () => {
    const toggle = frame.getByRole('button', { name: 'Conversations' });
    await toggle.click();
    const list = frame.getByRole('navigation', { name: 'Conversations' });
    await list.getByRole('button', { name: 'New chat' }).click();
    await frame.getByRole('heading', { name: 'Ask about the course videos' }).waitFor(SEEN);
    await toggle.click();
    const item = list.locator('.history__item').first();
    expect(await list.locator('time').first().textContent()).toMatch(/\d|Yesterday|[A-Z][a-z]{2}/);
    await phone.screenshot({ path: join(SCREENSHOTS, 'chat-history-drawer-mobile.png') });
    await item.click();
    await frame.locator('article[aria-label="Answer"]').nth(2).waitFor(SEEN);
    await expect.poll(() => distanceFromEnd(frame), SEEN).toBeLessThanOrEqual(48);
    expect(await list.isVisible()).toBe(false);
  });

  it('on a phone, the player is a sheet above the composer, not over it', async () => {
    await frame.locator('.answer-text .citation-marker__button').last().click();
    const panel = frame.getByRole('complementary', { name: 'Video source' });
    // The player's code comes with the first citation (a placeholder holds its place): measure the player.
    await panel.locator('blockquote').waitFor(SEEN);
    const sheet = (await panel.boundingBox())!;
    const composer = (await frame.locator('.chat-screen__composer').boundingBox())!;
    expect(overlap(sheet, composer), `sheet ${JSON.stringify(sheet)}, composer ${JSON.stringify(composer)}`).toBe(
      false,
    );
    expect(sheet.y + sheet.height).toBeLessThanOrEqual(composer.y + 1);
    expect(sheet.width).toBeLessThanOrEqual(PHONE.width);
    await phone.screenshot({ path: join(SCREENSHOTS, 'chat-player-sheet-mobile.png') });
  });

  it('on desktop, history is a sidebar with titles and dates, and the player docks beside the chat', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const desk = await openStudent(page);
    const list = desk.getByRole('navigation', { name: 'Conversations' });
    await list.locator('.history__item').first().waitFor(SEEN);
    expect(await desk.getByRole('button', { name: 'Conversations' }).isVisible()).toBe(false);
    await list.locator('.history__item').first().click();
    await desk.locator('article[aria-label="Answer"]').first().waitFor(SEEN);
    await expect.poll(() => distanceFromEnd(desk), SEEN).toBeLessThanOrEqual(48);

    const marker = desk.locator('.answer-text .citation-marker__button').first();
    await marker.hover();
    expect(await desk.locator('.citation-marker__tip').first().isVisible()).toBe(true);
    await marker.click();
    const panel = desk.getByRole('complementary', { name: 'Video source' });
    await panel.locator('blockquote').waitFor(SEEN);
    const player = (await panel.boundingBox())!;
    const messages = (await desk.locator('main[aria-label="Conversation"]').boundingBox())!;
    const composer = (await desk.locator('.chat-screen__composer').boundingBox())!;
    expect(overlap(player, composer)).toBe(false);
    expect(overlap(player, messages)).toBe(false);
    expect(player.x).toBeGreaterThanOrEqual(messages.x + messages.width - 1);
    // The sentence the citation points at is marked in the passage.
    expect((await panel.locator('mark').count()) + (await panel.locator('blockquote').count())).toBeGreaterThan(0);
    console.log(
      `desktop: messages ${Math.round(messages.width)} px wide beside a ${Math.round(player.width)} px player; cited sentence marked: ${(await panel.locator('mark').count()) > 0}`,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'chat-player-docked-desktop.png') });
  });
});

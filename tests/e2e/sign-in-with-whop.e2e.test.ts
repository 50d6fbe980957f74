import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { ROOT_DIR, removeDataDir, type ServerProcess, startServer } from '../support/server-process';

/**
 * Chronos opened on its own, top level, in Chromium: Sign in with Whop through the sandbox's
 * OAuth server (consent page, code + PKCE, ID token, userinfo), ask a question, an access
 * token that expires is refreshed without the user noticing (the session id rotates), sign
 * out; the creator signs in to the dashboard the same way.
 */
const SCREENSHOTS = join(ROOT_DIR, 'test-results', 'screenshots');
const SEEN = { timeout: 30_000 } as const;
// The sandbox's access tokens last 65 s; Chronos refreshes 60 s early, so after 5 s one is due.
const ACCESS_TTL_SECONDS = 65;

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startServer({ env: { SANDBOX_OAUTH_ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TTL_SECONDS) } });
  ({ browser } = await launchChromium());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) await removeDataDir(server.dataDir);
});

async function sessionCookie(context: BrowserContext): Promise<string | undefined> {
  return (await context.cookies(server.url)).find((c) => c.name === 'chronos_session')?.value;
}

async function signInAs(page: Page, path: string, person: string) {
  await page.goto(`${server.url}${path}`);
  await page.getByRole('link', { name: 'Sign in with Whop' }).click();
  await page.waitForURL(/\/sandbox-oauth\/oauth\/authorize/, SEEN);
  await page.getByRole('button', { name: new RegExp(`Continue as ${person}`) }).click();
  await page.waitForURL(`${server.url}${path}`, SEEN);
}

async function ask(page: Page, question: string) {
  const answers = page.locator('article[aria-label="Answer"]');
  const before = await answers.count();
  const box = page.getByLabel('Your question about the course');
  await box.fill(question);
  await box.press('Enter');
  await answers.nth(before).waitFor(SEEN);
  await page.waitForFunction(
    (i) => {
      const el = document.querySelectorAll('article[aria-label="Answer"]')[i];
      return el && el.getAttribute('aria-busy') !== 'true';
    },
    before,
    SEEN,
  );
  return answers.nth(before);
}

describe('Sign in with Whop, top level, in Chromium', () => {
  let context: BrowserContext;
  let page: Page;

  it('offers Sign in with Whop outside Whop, and signs a student in through consent', async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    page = await context.newPage();
    await page.goto(`${server.url}/experiences/exp_sourdough`);
    await page.getByRole('heading', { name: 'Open Chronos inside Whop' }).waitFor(SEEN);
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in-offer-phone.png') });
    await signInAs(page, '/experiences/exp_sourdough', 'Sam Ortiz');
    await page.getByLabel('Your question about the course').waitFor(SEEN);
    expect(await page.getByRole('banner').textContent()).toContain('Sam Ortiz');
    const cookie = (await context.cookies(server.url)).find((c) => c.name === 'chronos_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    // The page itself never sees the session.
    expect(await page.evaluate(() => document.cookie)).not.toContain('chronos_session');
  });

  it('asks a question top level (a cookie-authenticated write with the CSRF header)', async () => {
    const answer = await ask(page, 'How do I know my starter is ready?');
    expect(await answer.textContent()).toMatch(/doubles within four to eight hours/);
    await page.screenshot({ path: join(SCREENSHOTS, 'signed-in-chat-phone.png') });
  });

  it('refreshes an expired access token transparently: the next question just works, under a new session id', async () => {
    const before = await sessionCookie(context);
    await page.waitForTimeout(6_000);
    const answer = await ask(page, 'How warm should bulk fermentation be?');
    expect((await answer.textContent())?.length).toBeGreaterThan(20);
    await expect.poll(() => sessionCookie(context), SEEN).not.toBe(before);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('signs out: back to Sign in with Whop, and the old cookie is dead on the server', async () => {
    const last = await sessionCookie(context);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('link', { name: 'Sign in with Whop' }).waitFor(SEEN);
    expect(await sessionCookie(context)).toBeUndefined();
    const replay = await fetch(`${server.url}/api/viewer`, {
      headers: { cookie: `chronos_session=${last}`, 'x-whop-experience-id': 'exp_sourdough' },
    });
    expect(replay.status).toBe(401);
    await context.close();
  });

  it('cancelling at Whop’s consent page comes back with a way to try again', async () => {
    const ctx = await browser.newContext();
    const visitor = await ctx.newPage();
    await visitor.goto(`${server.url}/experiences/exp_sourdough`);
    await visitor.getByRole('link', { name: 'Sign in with Whop' }).click();
    await visitor.getByRole('button', { name: 'Cancel' }).click();
    await visitor.getByRole('heading', { name: 'Sign-in did not finish' }).waitFor(SEEN);
    await visitor.getByRole('link', { name: 'Back to Chronos' }).click();
    await visitor.getByRole('link', { name: 'Sign in with Whop' }).waitFor(SEEN);
    expect(await sessionCookie(ctx)).toBeUndefined();
    await ctx.close();
  });

  it('signs the creator in to the dashboard the same way, and a student is refused there', async () => {
    const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const creator = await desk.newPage();
    await signInAs(creator, '/dashboard/biz_crumbdemo', 'Maya Chen');
    await creator.getByRole('tab', { name: 'Library' }).waitFor(SEEN);
    await creator.screenshot({ path: join(SCREENSHOTS, 'signed-in-dashboard-desktop.png') });
    await desk.close();

    const other = await browser.newContext();
    const student = await other.newPage();
    await signInAs(student, '/dashboard/biz_crumbdemo', 'Sam Ortiz');
    await student.getByRole('heading', { name: "You don't have access" }).waitFor(SEEN);
    await student.getByRole('button', { name: 'Sign out', exact: true }).waitFor(SEEN);
    await other.close();
  });
});

import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process';
import { type DemoSession, openSignedIn, signInDemoPeople } from './support/sandbox-session';

/**
 * The built embed runs under the app's Content-Security-Policy: no directive of it is
 * violated while the student and creator views load and work, nor on the sandbox page
 * that frames both. Violations are caught both ways Chromium reports them: the
 * `securitypolicyviolation` event in every frame, and its console message.
 */
const VISIBLE = { state: 'visible', timeout: 20_000 } as const;

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
  if (server) {
    await server.stop();
    await removeDataDir(server.dataDir);
  }
});

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

async function watchedPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Runs in every frame before its own scripts, so a violation during start-up is seen too.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} in ${event.documentURI}`,
      );
    });
  });
  const page = await context.newPage();
  const consoleReports: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleReports.push(message.text());
  });
  return { context, page, consoleReports };
}

async function violations(page: Page): Promise<string[]> {
  const all: string[] = [];
  for (const frame of page.frames()) {
    all.push(...(await frame.evaluate(() => window.__cspViolations ?? ['(no watcher in this frame)']).catch(() => [])));
  }
  return all;
}

function directive(csp: string | undefined, name: string): string | undefined {
  return csp
    ?.split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));
}

const views = [
  {
    name: 'student',
    path: () => `/experiences/${demo.community.experienceId}`,
    token: () => demo.student.token,
    // The chat works: a question is answered, and its citation plays the lesson (media from our origin).
    use: async (frame: Frame) => {
      const box = frame.getByLabel('Your question about the course');
      await box.waitFor(VISIBLE);
      await box.fill('How do I know my starter is ready?');
      await box.press('Enter');
      const answer = frame.locator('article[aria-label="Answer"]').first();
      await answer.waitFor(VISIBLE);
      await frame.waitForFunction(
        () => document.querySelector('article[aria-label="Answer"]')?.getAttribute('aria-busy') !== 'true',
        undefined,
        VISIBLE,
      );
      await answer.locator('.citation-chip').first().click();
      // The loaded player (its code comes with the first citation), not its placeholder.
      await frame.getByRole('complementary', { name: 'Video source' }).locator('blockquote').waitFor(VISIBLE);
    },
  },
  {
    name: 'creator',
    path: () => `/dashboard/${demo.community.companyId}`,
    token: () => demo.creator.token,
    use: async (frame: Frame) => {
      await frame.locator('main').getByRole('heading').first().waitFor(VISIBLE);
    },
  },
] as const;

describe('the embed under its Content-Security-Policy, in Chromium', () => {
  for (const view of views) {
    it(`${view.name} view: loads and works with no CSP violation`, async () => {
      const { context, page, consoleReports } = await watchedPage();
      try {
        const { frame, response } = await openSignedIn(page, server.url, view.path(), view.token());
        const csp = response.headers()['content-security-policy'];
        expect(directive(csp, 'script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
        expect(directive(csp, 'object-src')).toBe("object-src 'none'");
        await frame.locator('main').waitFor(VISIBLE);
        await view.use(frame);
        await page.waitForTimeout(500);
        expect(await frame.evaluate(() => Array.isArray(window.__cspViolations))).toBe(true);
        expect(await violations(page)).toEqual([]);
        expect(consoleReports).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('the sandbox page frames both views with no CSP violation', async () => {
    const { context, page, consoleReports } = await watchedPage();
    try {
      await page.goto(`${server.url}/sandbox`);
      for (const title of ['Community app (experience view)', 'Seller dashboard (dashboard view)']) {
        await page.frameLocator(`iframe[title="${title}"]`).locator('main').waitFor(VISIBLE);
      }
      await page.waitForTimeout(500);
      expect(page.frames().length).toBeGreaterThanOrEqual(3);
      expect(await violations(page)).toEqual([]);
      expect(consoleReports).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('would report a violation: an inline script is refused (the watcher is not blind)', async () => {
    const { context, page, consoleReports } = await watchedPage();
    try {
      await page.goto(`${server.url}/experiences/exp_demo`);
      await page.locator('main').waitFor(VISIBLE);
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.body.append(script);
      });
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as { __inlineRan?: boolean }).__inlineRan ?? false)).toBe(false);
      expect((await violations(page)).join('\n')).toMatch(/script-src/);
      expect(consoleReports.length).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});

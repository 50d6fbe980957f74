import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse } from '../../shared/schemas/health';
import { launchChromium } from '../support/chromium';
import { ROOT_DIR, removeDataDir, type ServerProcess, startServer } from '../support/server-process';
import { framingProblems, watchPageProblems } from './support/page-problems';
import { type DemoSession, openSignedIn, signInDemoPeople } from './support/sandbox-session';

const SCREENSHOTS = join(ROOT_DIR, 'test-results', 'screenshots');
const VISIBLE = { state: 'visible', timeout: 15_000 } as const;
const themes = ['light', 'dark'] as const;
const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'mobile', width: 390, height: 844 },
] as const;

let server: ServerProcess;
let browser: Browser;
let health: HealthResponse;
let demo: DemoSession;

/** Each view as the person Whop would open it for, and the status it must show. */
const views = [
  {
    name: 'student',
    path: () => `/experiences/${demo.community.experienceId}`,
    token: () => demo.student.token,
    // Students see their questions left, never the database or providers (those are the creator's Diagnostics).
    status: async (frame: Frame) => frame.getByLabel('Questions left'),
  },
  {
    name: 'creator',
    path: () => `/dashboard/${demo.community.companyId}`,
    token: () => demo.creator.token,
    // The system status is the dashboard's Diagnostics tab.
    status: async (frame: Frame) => {
      await frame.getByRole('tab', { name: 'Diagnostics' }).click();
      return frame.getByText(health.database.migration ?? 'None applied');
    },
  },
] as const;

beforeAll(async () => {
  server = await startServer();
  const launched = await launchChromium();
  browser = launched.browser;
  console.log(`e2e: Chromium ${browser.version()} at ${launched.executablePath}; server at ${server.url}`);
  health = (await (await fetch(`${server.url}/api/health`)).json()) as HealthResponse;
  demo = await signInDemoPeople(server.url);
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  if (server) {
    await server.stop();
    await removeDataDir(server.dataDir);
  }
});

async function openPage(viewport: { width: number; height: number } = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  return { context, page: await context.newPage() };
}

for (const view of views) {
  describe(`${view.name} view, signed in through the sandbox`, () => {
    for (const theme of themes) {
      for (const viewport of viewports) {
        it(`renders its first screen, ${theme}, ${viewport.width}×${viewport.height}`, async () => {
          const { context, page } = await openPage(viewport);
          const problems = watchPageProblems(page);
          try {
            const { frame, response } = await openSignedIn(
              page,
              server.url,
              `${view.path()}?theme=${theme}`,
              view.token(),
            );
            expect(response.status()).toBe(200);
            expect(framingProblems(response.headers())).toEqual([]);

            const main = frame.locator('main');
            await main.waitFor(VISIBLE);
            await main.getByRole('heading').first().waitFor(VISIBLE);
            await (await view.status(frame)).first().waitFor(VISIBLE);
            expect(await frame.title()).toContain('Chronos');
            expect(await frame.locator('html').getAttribute('data-theme')).toBe(theme);
            const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            expect(overflow, 'horizontal overflow (px)').toBeLessThanOrEqual(0);

            await page.screenshot({ path: join(SCREENSHOTS, `${view.name}-${theme}-${viewport.name}.png`) });
            expect(problems.list()).toEqual([]);
          } finally {
            await context.close();
          }
        });
      }
    }
  });
}

describe('around the views', () => {
  it('opened outside Whop, a view says so instead of failing', async () => {
    const { context, page } = await openPage();
    const problems = watchPageProblems(page);
    try {
      await page.goto(`${server.url}/experiences/exp_demo`);
      await page.getByRole('heading', { name: /open chronos inside whop/i }).waitFor(VISIBLE);
      // The one expected error: /api/viewer answers 401 when no Whop token came with the request.
      expect(problems.list().filter((p) => !p.includes('/api/viewer'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the local Whop sandbox opens both views as the first admin', async () => {
    const { context, page } = await openPage();
    const problems = watchPageProblems(page);
    try {
      await page.goto(`${server.url}/sandbox`);
      for (const frame of ['Community app (experience view)', 'Seller dashboard (dashboard view)']) {
        await page.frameLocator(`iframe[title="${frame}"]`).locator('main').waitFor(VISIBLE);
      }
      await page.screenshot({ path: join(SCREENSHOTS, 'sandbox-desktop.png') });
      expect(problems.list()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('answers the API with the framing headers too', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(framingProblems(Object.fromEntries(response.headers))).toEqual([]);
  });

  it('looks different in dark and light', async () => {
    const { context, page } = await openPage();
    const background = async (theme: string) => {
      await page.goto(`${server.url}/experiences/exp_demo?theme=${theme}`);
      await page.locator('main').waitFor(VISIBLE);
      return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    };
    try {
      expect(await background('dark')).not.toBe(await background('light'));
    } finally {
      await context.close();
    }
  });

  it('serves a production build of the embed', async () => {
    const html = await (await fetch(`${server.url}/experiences/exp_demo`)).text();
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const js = await (await fetch(new URL(src, server.url))).text();
      // Only React's development build contains this message.
      expect(js.includes('Download the React DevTools'), `${src} is a development build`).toBe(false);
    }
  });

  it('can be framed by Whop, and by no one else', async () => {
    const { context, page } = await openPage();
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('frame-ancestors')) refusals.push(message.text());
    });
    // The host page is served by the test (no network) at a real cross-origin address.
    const hostAt = async (origin: string) => {
      // A public origin framing loopback needs Chrome's local-network permission;
      // in production the app is not on loopback, so this is only the test's setup.
      await context.grantPermissions(['local-network-access'], { origin });
      await page.route(`${origin}/**`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><title>host</title><iframe src="${server.url}/experiences/exp_demo"></iframe>`,
        }),
      );
      await page.goto(`${origin}/hub`);
    };
    try {
      await hostAt('https://whop.com');
      await page.frameLocator('iframe').locator('main').waitFor(VISIBLE);
      expect(refusals).toEqual([]);

      const refused = page.waitForEvent('console', {
        predicate: (message) => message.text().includes('frame-ancestors'),
        timeout: 15_000,
      });
      await hostAt('https://example.com');
      await refused;
    } finally {
      await context.close();
    }
  });
});

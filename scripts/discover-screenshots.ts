/**
 * `node --import tsx scripts/discover-screenshots.ts`: the Discover page's screenshots,
 * taken in Chromium from the running app (the embedded default: sandbox Whop, demo course,
 * offline providers), one per view, light and dark, written as WebP to
 * embed/public/discover/. Builds the embed first. Prints each file's size.
 *
 * WebP is encoded by Chromium itself (canvas.toBlob), so no image library is needed.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { openSignedIn, signInDemoPeople } from '../tests/e2e/support/sandbox-session';
import { launchChromium } from '../tests/support/chromium';
import { ROOT_DIR, removeDataDir, startServer } from '../tests/support/server-process';

const OUT_DIR = join(ROOT_DIR, 'embed/public/discover');
const VIEWPORT = { width: 1100, height: 720 };
const SEEN = { timeout: 60_000 };

const build = spawnSync(
  process.execPath,
  [join(ROOT_DIR, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'embed/vite.config.ts'],
  {
    cwd: ROOT_DIR,
    stdio: 'inherit',
  },
);
if (build.status !== 0) throw new Error('the embed build failed');

const server = await startServer();
const { browser } = await launchChromium();
try {
  const demo = await signInDemoPeople(server.url);
  await waitForDemoCourse(server.url, demo.creator.token, demo.community.companyId);
  await mkdir(OUT_DIR, { recursive: true });

  for (const theme of ['light', 'dark'] as const) {
    const shots: { name: string; open: (page: Page) => Promise<Frame> }[] = [
      {
        name: 'student-chat',
        open: async (page) => {
          const { frame } = await openSignedIn(
            page,
            server.url,
            `/experiences/${demo.community.experienceId}?theme=${theme}`,
            demo.student.token,
          );
          const box = frame.getByLabel('Your question about the course');
          await box.waitFor(SEEN);
          await box.fill('How do I know my starter is ready?');
          await box.press('Enter');
          await frame.locator('article[aria-label="Answer"]').first().waitFor(SEEN);
          await frame.waitForFunction(
            () => document.querySelector('article[aria-label="Answer"]')?.getAttribute('aria-busy') !== 'true',
            null,
            SEEN,
          );
          return frame;
        },
      },
      {
        name: 'creator-library',
        open: async (page) => {
          const { frame } = await openSignedIn(
            page,
            server.url,
            `/dashboard/${demo.community.companyId}?theme=${theme}`,
            demo.creator.token,
          );
          await frame.getByRole('tab', { name: 'Library' }).waitFor(SEEN);
          await frame
            .getByText(/Completed|Ready/)
            .first()
            .waitFor(SEEN);
          return frame;
        },
      },
      {
        name: 'creator-plan',
        open: async (page) => {
          const { frame } = await openSignedIn(
            page,
            server.url,
            `/dashboard/${demo.community.companyId}/usage?theme=${theme}`,
            demo.creator.token,
          );
          await frame.getByText(/You're on/).waitFor(SEEN);
          return frame;
        },
      },
    ];
    for (const shot of shots) {
      const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: theme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await shot.open(page);
      await page.waitForTimeout(400); // let transitions settle
      const png = await page.screenshot({ type: 'png' });
      const webp = await toWebp(page, png);
      const file = join(OUT_DIR, `${shot.name}-${theme}.webp`);
      await writeFile(file, webp);
      // To look at what was taken: DISCOVER_PNG_DIR=/tmp/shots keeps the PNGs there too.
      if (process.env['DISCOVER_PNG_DIR'])
        await writeFile(join(process.env['DISCOVER_PNG_DIR'], `${shot.name}-${theme}.png`), png);
      console.log(
        `${file.slice(ROOT_DIR.length)}  ${(webp.length / 1024).toFixed(1)} KB (PNG was ${(png.length / 1024).toFixed(1)} KB)`,
      );
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
  await removeDataDir(server.dataDir);
}

/** The demo course is ingested at boot; screenshots of a library still processing would say so. */
async function waitForDemoCourse(baseUrl: string, token: string, companyId: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${baseUrl}/api/videos`, {
      headers: { 'x-whop-user-token': token, 'x-whop-company-id': companyId },
    });
    const body = (await res.json()) as { videos?: { status: string }[] };
    if (body.videos?.length && body.videos.every((v) => v.status === 'completed')) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error('the demo course did not finish processing in 2 minutes');
}

async function toWebp(page: Page, png: Buffer): Promise<Buffer> {
  const base64 = await page.evaluate(async (data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.72 });
    const buffer = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (const b of buffer) binary += String.fromCharCode(b);
    return btoa(binary);
  }, png.toString('base64'));
  return Buffer.from(base64, 'base64');
}

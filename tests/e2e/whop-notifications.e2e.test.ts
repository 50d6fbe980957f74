import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_HEADER, EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../shared/whop-context';
import { launchChromium } from '../support/chromium';
import { removeDataDir, startServer, type ServerProcess } from '../support/server-process';
import { openSignedIn, signInDemoPeople, type DemoSession } from './support/sandbox-session';

/**
 * Notifications through the sandbox's Whop, in Chromium: the creator opts in from the
 * dashboard, a student asks for an upgrade, and the sandbox page shows the notification
 * Whop would have pushed, with the dashboard path a tap opens.
 */
const SEEN = { timeout: 20_000 } as const;

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

describe('Whop notifications in the sandbox, in Chromium', () => {
  it('the creator opts in, a student asks for an upgrade, the sandbox shows what Whop was asked to send', async () => {
    const creator = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const { frame } = await openSignedIn(creator, server.url, `/dashboard/${demo.community.companyId}/usage`, demo.creator.token);
    const toggle = frame.getByRole('checkbox', { name: /Students ask me to upgrade/ });
    await toggle.waitFor(SEEN);
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await frame.getByRole('button', { name: 'Save notifications' }).click();
    await frame.getByText('Saved.').waitFor(SEEN);

    const asked = await fetch(`${server.url}/api/upgrade-requests`, {
      method: 'POST',
      headers: { [USER_TOKEN_HEADER]: demo.student.token, [EXPERIENCE_HEADER]: demo.community.experienceId },
    });
    expect(asked.status).toBe(201);

    const sandbox = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await sandbox.goto(`${server.url}/sandbox`);
    const panel = sandbox.getByRole('region', { name: 'Notifications sent through Whop' });
    await panel.getByText('A student asked you to upgrade Chronos').waitFor(SEEN);
    const link = panel.getByRole('link', { name: `Opens /dashboard/${demo.community.companyId}/usage` });
    expect(await link.getAttribute('href')).toBe(`/dashboard/${demo.community.companyId}/usage`);

    // The settings were saved on the server, for this creator.
    const settings = await fetch(`${server.url}/api/dashboard/notification-settings`, {
      headers: { [USER_TOKEN_HEADER]: demo.creator.token, [COMPANY_HEADER]: demo.community.companyId },
    });
    expect(await settings.json()).toMatchObject({ upgradeRequests: true, newLessons: false });
  });
});

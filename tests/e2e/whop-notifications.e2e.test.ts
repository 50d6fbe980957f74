import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_HEADER, EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../shared/whop-context';
import { launchChromium } from '../support/chromium';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process';
import { type DemoSession, mintToken, openSignedIn, signInDemoPeople } from './support/sandbox-session';

/**
 * Notifications through the sandbox's Whop, in Chromium: the creator opts in from the
 * dashboard, a student asks for an upgrade, and the sandbox page shows the notification
 * Whop would have pushed, with the dashboard path a tap opens. Then two students ask what
 * the course does not cover, and the creator hears of the new content gap, linked to Insights.
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
    const { frame } = await openSignedIn(
      creator,
      server.url,
      `/dashboard/${demo.community.companyId}/usage`,
      demo.creator.token,
    );
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

  it('two students asking what the course does not cover: one content-gap notification, opening Insights', async () => {
    const creatorHeaders = {
      [USER_TOKEN_HEADER]: demo.creator.token,
      [COMPANY_HEADER]: demo.community.companyId,
      'content-type': 'application/json',
    };
    const ask = async (token: string, question: string) => {
      const res = await fetch(`${server.url}/api/chat`, {
        method: 'POST',
        headers: {
          [USER_TOKEN_HEADER]: token,
          [EXPERIENCE_HEADER]: demo.community.experienceId,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ question }),
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('"noAnswer":true');
    };
    // The first question comes before the opt-in, so it takes no turn of the 10-minute check.
    await ask(demo.student.token, 'How do I rebuild a motorbike carburettor?');
    const saved = await fetch(`${server.url}/api/dashboard/notification-settings`, {
      method: 'PUT',
      headers: creatorHeaders,
      body: JSON.stringify({
        upgradeRequests: true,
        unansweredQuestions: true,
        newLessons: false,
        unansweredThreshold: 2,
      }),
    });
    expect(saved.status).toBe(200);
    const other = (await (await fetch(`${server.url}/api/sandbox`)).json()) as {
      personas: { id: string; accessLevel: string; companyId: string }[];
    };
    const second = other.personas.find(
      (p) =>
        p.accessLevel === 'customer' && p.companyId === demo.community.companyId && p.id !== demo.student.persona.id,
    );
    expect(second).toBeDefined();
    await ask(await mintToken(server.url, second!.id), 'How do I rebuild a carburettor on my motorbike?');

    const sandbox = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await sandbox.goto(`${server.url}/sandbox`);
    const panel = sandbox.getByRole('region', { name: 'Notifications sent through Whop' });
    await panel.getByText(/2 students asked about “.*carburettor.*”/).waitFor(SEEN);
    const link = panel.getByRole('link', { name: `Opens /dashboard/${demo.community.companyId}/insights` });
    expect(await link.getAttribute('href')).toBe(`/dashboard/${demo.community.companyId}/insights`);
  });
});

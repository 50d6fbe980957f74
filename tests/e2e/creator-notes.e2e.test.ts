import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatorNotesResponse } from '../../shared/schemas/notes';
import { launchChromium } from '../support/chromium';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process';
import { expectNoSeriousViolations } from './support/axe';
import { watchPageProblems } from './support/page-problems';
import { type DemoSession, openSignedIn, signInDemoPeople } from './support/sandbox-session';

/**
 * Issue #15.4 (first half) end to end: a student asks; the creator marks the answer wrong in
 * the Questions tab and writes the right one; the student asks again and the answer cites
 * "Creator's note", whose text opens beside its marker.
 */
const SEEN = { timeout: 20_000 } as const;
const QUESTION = 'How long does bulk fermentation take?';
const CORRECTION = 'Bulk fermentation takes about eight hours in my cool kitchen at twenty degrees.';

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

async function studentAsks(page: Page, question: string): Promise<Frame> {
  const { frame } = await openSignedIn(
    page,
    server.url,
    `/experiences/${demo.community.experienceId}`,
    demo.student.token,
  );
  const box = frame.getByLabel('Your question about the course');
  await box.waitFor(SEEN);
  await box.fill(question);
  await box.press('Enter');
  await frame.locator('article[aria-label="Answer"]').last().waitFor(SEEN);
  await frame.waitForFunction(
    () =>
      [...document.querySelectorAll('article[aria-label="Answer"]')].every(
        (a) => a.getAttribute('aria-busy') !== 'true',
      ),
    undefined,
    SEEN,
  );
  return frame;
}

describe('teaching the assistant', () => {
  it('the creator corrects an answer in the Questions tab; asked again, the student sees the creator’s note cited', async () => {
    const studentPage = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const studentProblems = watchPageProblems(studentPage);
    let frame = await studentAsks(studentPage, QUESTION);
    expect(await frame.getByRole('button', { name: "Creator's note" }).count()).toBe(0);

    const creatorPage = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const { frame: dashboard } = await openSignedIn(
      creatorPage,
      server.url,
      `/dashboard/${demo.community.companyId}`,
      demo.creator.token,
    );
    await dashboard.getByRole('tab', { name: 'Questions' }).click();
    await dashboard.getByText('No notes yet').waitFor(SEEN);
    const correct = dashboard.getByRole('button', { name: `Correct this answer: ${QUESTION}` });
    await correct.waitFor(SEEN);
    // Keyboard only: focus the button, open the form, type, save.
    await correct.focus();
    await creatorPage.keyboard.press('Enter');
    const text = dashboard.getByLabel('The right answer');
    await text.waitFor(SEEN);
    await creatorPage.keyboard.type(CORRECTION);
    await expectNoSeriousViolations(creatorPage, 'correction form');
    await dashboard.getByRole('button', { name: 'Save correction' }).click();
    await dashboard.getByRole('status').filter({ hasText: "Saved as a creator's note." }).waitFor(SEEN);
    const notesList = dashboard.getByRole('list', { name: "Creator's notes" });
    await notesList.getByText(CORRECTION).waitFor(SEEN);
    await expectNoSeriousViolations(creatorPage, 'notes list');

    const listed = CreatorNotesResponse.parse(
      await (
        await fetch(`${server.url}/api/dashboard/notes`, {
          headers: { 'x-whop-user-token': demo.creator.token, 'x-whop-company-id': demo.community.companyId },
        })
      ).json(),
    );
    expect(listed.notes).toHaveLength(1);
    expect(listed.notes[0]).toMatchObject({ question: QUESTION, body: CORRECTION });

    await studentPage.reload();
    frame = await studentAsks(studentPage, QUESTION);
    const answer = frame.locator('article[aria-label="Answer"]').last();
    await expect.poll(() => answer.textContent()).toContain('eight hours');
    const marker = answer.getByRole('button', { name: "Creator's note" }).first();
    await marker.waitFor(SEEN);
    await marker.click();
    await answer.locator('.citation-marker__note').filter({ hasText: CORRECTION }).waitFor(SEEN);
    // Under Sources it is the creator's note, never a lesson.
    await answer
      .locator('.source-list .citation-chip--note')
      .filter({ hasText: "Creator's note" })
      .first()
      .waitFor(SEEN);
    await expectNoSeriousViolations(studentPage, "student chat citing the creator's note");
    expect(studentProblems.list()).toEqual([]);
    await studentPage.context().close();
    await creatorPage.context().close();
  }, 120_000);
});

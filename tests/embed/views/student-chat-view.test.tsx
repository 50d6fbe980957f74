import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetSandboxToken, installSandboxToken, sandboxTokenFragment } from '../../../embed/lib/sandbox-token';
import { StudentChatView } from '../../../embed/views/student-chat/student-chat-view';
import { errorBody, stubApi } from '../support/fetch-stub';
import { frameWindowAs, restoreParentAfterEach } from '../support/framing';
import { offlineHealth, realHealth } from '../support/health-fixture';
import { freeUsage } from '../support/plan-fixture';
import { render } from '../support/render';
import { sandboxInfo } from '../support/sandbox-fixture';
import { creatorViewer, studentViewer } from '../support/viewer-fixture';

restoreParentAfterEach();

const noSessions = { body: { sessions: [] } };
const VIDEO = '00000000-0000-4000-8000-00000000000a';
/** Starter questions drawn from the course (GET /api/chat/starters). */
const starters = {
  body: {
    starters: [
      { question: 'How do I know my starter is ready?', videoId: VIDEO, videoTitle: 'Meet your starter' },
      { question: 'Bulk fermentation: why does it matter?', videoId: VIDEO, videoTitle: 'Bulk fermentation' },
    ],
  },
};
afterEach(() => forgetSandboxToken());

function header() {
  return screen.getByRole('banner');
}

describe('StudentChatView', () => {
  it('checks Whop access first, then shows the course chat with an open composer and clickable examples', async () => {
    stubApi({
      '/api/chat/sessions': noSessions,
      '/api/chat/starters': starters,
      '/api/usage': { body: freeUsage(0) },
      '/api/viewer': { body: studentViewer() },
      '/api/health': { body: offlineHealth() },
    });
    render(<StudentChatView experienceId="exp_course42" />);

    expect(screen.getByText('Checking your Whop access…')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Ask about the course videos' })).toBeTruthy();

    const examples = within(await screen.findByRole('list', { name: 'Example questions' })).getAllByRole('button');
    expect(examples).toHaveLength(2);
    expect(examples.map((example) => example.textContent)).toContain('How do I know my starter is ready?');
    for (const example of examples) expect(example).toHaveProperty('disabled', false);
    const box = screen.getByLabelText('Your question about the course') as HTMLTextAreaElement;
    expect(box.disabled).toBe(false);
    // Nothing typed yet, so nothing to send.
    expect(screen.getByRole('button', { name: 'Send question' })).toHaveProperty('disabled', true);
    expect(screen.getByText('Enter to send · Shift+Enter for a new line')).toBeTruthy();
    expect(screen.queryByText(/sign in/i)).toBeNull();

    await screen.findByLabelText('Questions left');
  });

  it('shows the course and who is signed in on one bar, and neither the community (Whop shows it) nor the plan', async () => {
    stubApi({
      '/api/chat/sessions': noSessions,
      '/api/chat/starters': starters,
      '/api/usage': { body: freeUsage(0) },
      '/api/viewer': { body: studentViewer() },
      '/api/health': { body: offlineHealth() },
    });
    render(<StudentChatView experienceId="exp_course42" />);
    await screen.findByRole('banner');

    const bar = within(header());
    expect(bar.getByRole('heading', { level: 1, name: 'Sourdough Basics' })).toBeTruthy();
    expect(bar.queryByText('Acme Academy')).toBeNull();
    expect(bar.queryByText('Pro plan')).toBeNull();
    expect(bar.getByText('Ben Carter')).toBeTruthy();
    expect(bar.getByText('BC')).toBeTruthy();
    expect(bar.queryByText('Student')).toBeNull();
    expect(bar.queryByText('Creator')).toBeNull();
    expect(bar.queryByText('Sandbox')).toBeNull();
    expect(screen.queryByText(/viewing as the creator/)).toBeNull();
    await screen.findByLabelText('Questions left');
  });

  it('sends the experience id with every request, and no company id', async () => {
    const { calls } = stubApi({
      '/api/chat/sessions': noSessions,
      '/api/chat/starters': starters,
      '/api/usage': { body: freeUsage(0) },
      '/api/viewer': { body: studentViewer() },
      '/api/health': { body: offlineHealth() },
    });
    render(<StudentChatView experienceId="exp_course42" />);
    await screen.findByLabelText('Questions left');

    // No /api/health: how Chronos runs is the creator's Diagnostics tab, not the student's business.
    expect(calls.map((call) => call.url).sort()).toEqual([
      '/api/chat/sessions',
      '/api/chat/starters',
      '/api/usage',
      '/api/viewer',
    ]);
    for (const call of calls) {
      expect(call.headers.get('x-whop-experience-id')).toBe('exp_course42');
      expect(call.headers.has('x-whop-company-id')).toBe(false);
      expect(call.headers.has('x-whop-user-token')).toBe(false);
    }
  });

  it('in the local sandbox, sends the sandbox token too (the sandbox page itself says it is one)', async () => {
    frameWindowAs('same-origin');
    window.history.replaceState(null, '', `/experiences/exp_course42${sandboxTokenFragment('sandbox.jwt.sig')}`);
    expect(installSandboxToken()).toBe('accepted');
    const { callsTo } = stubApi({
      '/api/chat/sessions': noSessions,
      '/api/chat/starters': starters,
      '/api/usage': { body: freeUsage(0) },
      '/api/viewer': { body: studentViewer({ sandbox: true }) },
      '/api/health': { body: offlineHealth() },
    });
    render(<StudentChatView experienceId="exp_course42" />);

    await screen.findByRole('banner');
    await screen.findByLabelText('Questions left');
    expect(within(header()).queryByText('Sandbox')).toBeNull();
    const viewerCall = callsTo('/api/viewer')[0];
    expect(viewerCall?.headers.get('x-whop-user-token')).toBe('sandbox.jwt.sig');
    expect(viewerCall?.headers.get('x-whop-experience-id')).toBe('exp_course42');
    await screen.findByLabelText('Questions left');
  });

  it('shows a creator the student chat, with a note that they are viewing as the creator', async () => {
    stubApi({
      '/api/chat/sessions': noSessions,
      '/api/chat/starters': starters,
      '/api/usage': { body: freeUsage(0) },
      '/api/viewer': {
        body: creatorViewer({ view: 'experience', experience: { id: 'exp_course42', name: 'Sourdough Basics' } }),
      },
      '/api/health': { body: offlineHealth() },
    });
    render(<StudentChatView experienceId="exp_course42" />);

    expect(await screen.findByText("You're viewing as the creator.")).toBeTruthy();
    expect(within(header()).getByText('Creator')).toBeTruthy();
    expect(within(header()).queryByText('Free plan')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Ask about the course videos' })).toBeTruthy();
    await screen.findByLabelText('Questions left');
  });

  it('401: explains that Chronos opens inside Whop, with the sandbox link when the server runs it', async () => {
    const { callsTo } = stubApi({
      '/api/chat/sessions': noSessions,
      '/api/chat/starters': starters,
      '/api/usage': { body: freeUsage(0) },
      '/api/viewer': { status: 401, body: errorBody('UNAUTHENTICATED', 'No Whop user token', 'req_401') },
      '/api/sandbox': { body: sandboxInfo() },
    });
    render(<StudentChatView experienceId="exp_course42" />);

    expect(await screen.findByRole('heading', { name: 'Open Chronos inside Whop' })).toBeTruthy();
    expect(screen.getByText(/Chronos is a Whop app/)).toBeTruthy();
    expect(screen.getByText(/open your community on Whop and choose Chronos/)).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'Open the local Whop sandbox' });
    expect(link.getAttribute('href')).toBe('/sandbox');
    expect(link.getAttribute('target')).toBe('_top');
    expect(screen.queryByRole('heading', { name: 'Ask about the course videos' })).toBeNull();
    expect(callsTo('/api/health')).toHaveLength(0);
  });

  it('401 with real Whop keys: no sandbox link', async () => {
    const { callsTo } = stubApi({
      '/api/chat/sessions': noSessions,
      '/api/chat/starters': starters,
      '/api/usage': { body: freeUsage(0) },
      '/api/viewer': { status: 401, body: errorBody('UNAUTHENTICATED', 'No Whop user token', 'req_401') },
      '/api/sandbox': { status: 404, body: errorBody('NOT_FOUND', 'Not found', 'req_404') },
    });
    render(<StudentChatView experienceId="exp_course42" />);
    await screen.findByRole('heading', { name: 'Open Chronos inside Whop' });
    await expect.poll(() => callsTo('/api/sandbox').length).toBe(1);
    expect(screen.queryByRole('link', { name: 'Open the local Whop sandbox' })).toBeNull();
  });

  it('403: says the student has no access and to ask the creator', async () => {
    stubApi({
      '/api/chat/sessions': noSessions,
      '/api/chat/starters': starters,
      '/api/usage': { body: freeUsage(0) },
      '/api/viewer': { status: 403, body: errorBody('FORBIDDEN', 'No access to this experience', 'req_403') },
    });
    render(<StudentChatView experienceId="exp_course42" />);

    expect(await screen.findByRole('heading', { name: "You don't have access" })).toBeTruthy();
    expect(screen.getByText(/Ask the creator for access/)).toBeTruthy();
    expect(screen.getByText('req_403')).toBeTruthy();
    expect(screen.queryByLabelText('Your question about the course')).toBeNull();
  });

  it('503: shows the error with its request id and loads on retry', async () => {
    const { callsTo } = stubApi({
      '/api/chat/sessions': noSessions,
      '/api/chat/starters': starters,
      '/api/usage': { body: freeUsage(0) },
      '/api/viewer': [
        { status: 503, body: errorBody('UPSTREAM_UNAVAILABLE', 'Whop is not answering', 'req_503') },
        { body: studentViewer() },
      ],
      '/api/health': { body: offlineHealth() },
    });
    render(<StudentChatView experienceId="exp_course42" />);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not check your Whop access')).toBeTruthy();
    expect(within(alert).getByText('Whop is not answering')).toBeTruthy();
    expect(within(alert).getByText('req_503')).toBeTruthy();

    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Ben Carter')).toBeTruthy();
    expect(callsTo('/api/viewer')).toHaveLength(2);
    await screen.findByLabelText('Questions left');
  });

  it.each([
    ['offline', offlineHealth()],
    ['real', realHealth()],
    ['degraded', offlineHealth({ status: 'degraded' })],
  ])('never shows a student database, provider or tier details (%s providers)', async (_name, health) => {
    const { callsTo } = stubApi({
      '/api/chat/sessions': noSessions,
      '/api/chat/starters': starters,
      '/api/usage': { body: freeUsage(0) },
      '/api/viewer': { body: studentViewer() },
      '/api/health': { body: health },
    });
    render(<StudentChatView experienceId="exp_1" />);
    await screen.findByLabelText('Questions left');
    await screen.findByRole('list', { name: 'Example questions' });
    const page = document.body.textContent ?? '';
    expect(page).not.toMatch(/database|offline|anthropic|pglite|provider|AI key|Pro plan|Free plan/i);
    expect(callsTo('/api/health')).toHaveLength(0);
  });
});

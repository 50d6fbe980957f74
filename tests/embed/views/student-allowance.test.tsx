import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useChatAllowance } from '../../../embed/features/usage/use-chat-allowance';
import { StudentChatView } from '../../../embed/views/student-chat/student-chat-view';
import { ApiError } from '../../../shared/api-error';
import type { ChatUsage } from '../../../shared/schemas/usage';
import { errorBody, type StubReply, stubApi, stubFetch } from '../support/fetch-stub';
import { offlineHealth } from '../support/health-fixture';
import { basicUsage, enterpriseUsage, freeUsage } from '../support/plan-fixture';
import { render, renderHook } from '../support/render';
import { creatorViewer, studentViewer } from '../support/viewer-fixture';

const freeStudent = studentViewer({ creator: { id: 'biz_acme', name: 'Acme Academy', tier: 'FREE' } });

/** A usage body, or a scripted reply (e.g. an error) for `/api/usage`. */
function renderChat(
  usage: ChatUsage | Exclude<StubReply, 'network-error'>,
  extra: Record<string, StubReply | StubReply[]> = {},
  viewer = freeStudent,
) {
  const api = stubApi({
    '/api/viewer': { body: viewer },
    '/api/health': { body: offlineHealth() },
    '/api/chat/sessions': { body: { sessions: [] } },
    '/api/usage': 'tier' in usage ? { body: usage } : usage,
    ...extra,
  });
  render(<StudentChatView experienceId="exp_course42" />);
  return api;
}

async function counter() {
  return screen.findByLabelText('Questions left');
}

async function limitNotice() {
  return within(await screen.findByRole('region', { name: 'Question limit' }));
}

/** The limit is inline; the modal opens when the student asks for more (Details) or tries to ask. */
async function openLimitModal() {
  fireEvent.click((await limitNotice()).getByRole('button', { name: 'Details' }));
  return within(await screen.findByRole('dialog'));
}

function questionBox() {
  return screen.getByLabelText('Your question about the course') as HTMLTextAreaElement;
}

describe('Student chat: questions left', () => {
  it.each([
    [0, '3 of 3 free questions left', 'neutral'],
    [1, '2 of 3 free questions left', 'neutral'],
    [2, 'Last free question!', 'warning'],
  ])('Free, %i asked: "%s"', async (used, text, tone) => {
    renderChat(freeUsage(used));
    const shown = await counter();
    expect(shown.textContent).toBe(text);
    expect(shown.className).toContain(`usage-counter--${tone}`);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it("Free, all 3 asked: the limit takes the composer's place, and no modal covers the conversation on arrival", async () => {
    renderChat(freeUsage(3));
    const notice = await limitNotice();
    expect(notice.getByText("You've used your 3 free questions.")).toBeTruthy();
    expect(notice.getByRole('button', { name: 'Ask Acme Academy to upgrade' })).toBeTruthy();
    expect(screen.queryByLabelText('Your question about the course')).toBeNull();
    // Give any effect the chance to open it: it must not.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Free, all 3 asked: trying to ask (an example question) opens the limit modal and sends nothing', async () => {
    const { callsTo } = renderChat(freeUsage(3), {
      '/api/chat/starters': {
        body: {
          starters: [
            {
              question: 'How do I know my starter is ready?',
              videoId: '00000000-0000-4000-8000-00000000000a',
              videoTitle: 'Meet your starter',
            },
          ],
        },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'How do I know my starter is ready?' }));
    const dialog = await screen.findByRole('dialog', { name: "You've used your 3 free questions" });
    expect(
      within(dialog).getByText(/Acme Academy uses Chronos's free plan, which gives each student 3 questions in total/),
    ).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Ask Acme Academy to upgrade' }));
    expect(callsTo('/api/chat')).toHaveLength(0);
  });

  it('daily plans count what is left today', async () => {
    renderChat(basicUsage(3));
    expect((await counter()).textContent).toBe('97 questions left today');
    expect(questionBox().disabled).toBe(false);
  });

  it('unlimited plans say so', async () => {
    renderChat(enterpriseUsage());
    expect((await counter()).textContent).toBe('Unlimited questions');
  });

  it("daily plan used up: the modal says when it resets in the student's time, and offers no upgrade request", async () => {
    const resetsAt = new Date(Date.now() + 5 * 3600_000 + 60_000).toISOString();
    const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(new Date(resetsAt));
    const { callsTo } = renderChat(
      basicUsage(100, resetsAt),
      {},
      studentViewer({ creator: { id: 'biz_acme', name: 'Acme Academy', tier: 'BASIC' } }),
    );

    expect((await limitNotice()).queryByRole('button', { name: /to upgrade/ })).toBeNull();
    const dialog = await openLimitModal();
    expect(screen.getByRole('dialog', { name: "You've reached today's limit" })).toBeTruthy();
    expect(dialog.getByText(/gives each student 100 questions a day/)).toBeTruthy();
    const reset = dialog.getByText(/^Resets at/);
    expect(reset.textContent).toBe(`Resets at ${clock} (in 5 hours)`);
    expect(reset.querySelector('time')?.getAttribute('datetime')).toBe(resetsAt);
    expect(dialog.queryByRole('button', { name: /to upgrade/ })).toBeNull();
    expect(screen.getByText(`You've used today's 100 questions. More at ${clock}.`)).toBeTruthy();
    expect(callsTo('/api/upgrade-requests')).toHaveLength(0);
  });

  it('Free: asks the creator to upgrade and thanks the student', async () => {
    const { callsTo } = renderChat(freeUsage(3), {
      'POST /api/upgrade-requests': { status: 201, body: { requested: true, alreadyRequested: false } },
    });
    const dialog = await openLimitModal();
    fireEvent.click(dialog.getByRole('button', { name: 'Ask Acme Academy to upgrade' }));
    expect(await dialog.findByText('Request sent — thanks!')).toBeTruthy();
    expect(callsTo('/api/upgrade-requests')).toHaveLength(1);
    expect(callsTo('/api/upgrade-requests')[0]?.method).toBe('POST');
    expect(callsTo('/api/upgrade-requests')[0]?.headers.get('x-whop-experience-id')).toBe('exp_course42');
    expect(dialog.queryByRole('button', { name: 'Ask Acme Academy to upgrade' })).toBeNull();
  });

  it('Free: says so when the student already asked', async () => {
    renderChat(freeUsage(3), { 'POST /api/upgrade-requests': { body: { requested: true, alreadyRequested: true } } });
    const dialog = await openLimitModal();
    fireEvent.click(dialog.getByRole('button', { name: 'Ask Acme Academy to upgrade' }));
    expect(await dialog.findByText('You already asked')).toBeTruthy();
    expect(dialog.queryByText('Request sent — thanks!')).toBeNull();
  });

  it('shows a failed request with its request id, and sends it again on Retry', async () => {
    const { callsTo } = renderChat(freeUsage(3), {
      'POST /api/upgrade-requests': [
        { status: 500, body: errorBody('INTERNAL', 'Could not save the request', 'req_up_500') },
        { status: 201, body: { requested: true, alreadyRequested: false } },
      ],
    });
    const dialog = await openLimitModal();
    fireEvent.click(dialog.getByRole('button', { name: 'Ask Acme Academy to upgrade' }));
    const alert = within(await dialog.findByRole('alert'));
    expect(alert.getByText('Could not send your request')).toBeTruthy();
    expect(alert.getByText('req_up_500')).toBeTruthy();
    fireEvent.click(alert.getByRole('button', { name: 'Retry' }));
    expect(await dialog.findByText('Request sent — thanks!')).toBeTruthy();
    expect(callsTo('/api/upgrade-requests')).toHaveLength(2);
  });

  it('Free: asks the creator to upgrade right from the inline limit', async () => {
    const { callsTo } = renderChat(freeUsage(3), {
      'POST /api/upgrade-requests': { status: 201, body: { requested: true, alreadyRequested: false } },
    });
    fireEvent.click((await limitNotice()).getByRole('button', { name: 'Ask Acme Academy to upgrade' }));
    expect(
      await (await limitNotice()).findByText('Request sent: Acme Academy sees it on their dashboard.'),
    ).toBeTruthy();
    expect(callsTo('/api/upgrade-requests')).toHaveLength(1);
  });

  it('Esc closes the modal; "Details" opens it again', async () => {
    renderChat(freeUsage(3));
    const dialog = await openLimitModal();
    expect(dialog).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByLabelText('Your question about the course')).toBeNull();
    await openLimitModal();
    expect(screen.getByRole('dialog', { name: "You've used your 3 free questions" })).toBeTruthy();
  });

  it('a creator previewing the chat is told to upgrade from the dashboard, not to ask', async () => {
    renderChat(
      freeUsage(3),
      {},
      creatorViewer({ view: 'experience', experience: { id: 'exp_course42', name: 'Sourdough Basics' } }),
    );
    expect((await limitNotice()).queryByRole('button', { name: /to upgrade/ })).toBeNull();
    const dialog = await openLimitModal();
    expect(dialog.getByText(/upgrade Chronos from your Whop dashboard/)).toBeTruthy();
    expect(dialog.queryByRole('button', { name: /to upgrade/ })).toBeNull();
  });

  it('shows why the count did not load, with the request id, and loads it on retry', async () => {
    renderChat({ status: 503, body: errorBody('SERVICE_UNAVAILABLE', 'Usage is unavailable', 'req_usage_503') });
    const alert = await screen.findByText('Usage is unavailable');
    const notice = within(alert.closest('[role="alert"]') as HTMLElement);
    expect(notice.getByText('req_usage_503')).toBeTruthy();
    // Unknown is not zero: the composer is not closed for it.
    expect(questionBox().disabled).toBe(false);
  });
});

describe('useChatAllowance', () => {
  it('opens the limit modal from a CHAT_LIMIT_EXCEEDED error, with the usage it carries', async () => {
    stubFetch({ body: freeUsage(2) });
    const { result } = renderHook(() => useChatAllowance());
    await waitFor(() => expect(result.current.usage.data?.remaining).toBe(1));
    expect(result.current.limitOpen).toBe(false);

    let handled = false;
    act(() => {
      handled = result.current.handleChatError(
        new ApiError('CHAT_LIMIT_EXCEEDED', 'No more', { details: { usage: freeUsage(3) } }),
      );
    });
    expect(handled).toBe(true);
    // The carried usage is checked with the shared schema, which the embed imports on demand.
    await waitFor(() => expect(result.current.limitOpen).toBe(true));
    expect(result.current.usage.data?.remaining).toBe(0);
    expect(result.current.blockedReason).toBe("You've used your 3 free questions.");

    act(() => result.current.closeLimit());
    expect(result.current.limitOpen).toBe(false);
    expect(result.current.handleChatError(new ApiError('INTERNAL', 'Boom'))).toBe(false);
    expect(result.current.limitOpen).toBe(false);
  });
});

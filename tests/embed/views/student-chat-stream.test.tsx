import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StudentChatView } from '../../../embed/views/student-chat/student-chat-view';
import type { ChatStreamEvent } from '../../../shared/schemas/chat';
import {
  type ChatReply,
  done,
  MESSAGE_ID,
  meta,
  SESSION_ID,
  source,
  splitAt,
  sseText,
  stubChatApi,
} from '../support/chat-stream';
import { errorBody, type StubReply } from '../support/fetch-stub';
import { offlineHealth } from '../support/health-fixture';
import { freeUsage } from '../support/plan-fixture';
import { render } from '../support/render';
import { studentViewer } from '../support/viewer-fixture';

function renderChat(chat: ChatReply[], extra: Record<string, StubReply | StubReply[]> = {}) {
  const api = stubChatApi(
    {
      '/api/viewer': { body: studentViewer({ creator: { id: 'biz_acme', name: 'Acme Academy', tier: 'FREE' } }) },
      '/api/health': { body: offlineHealth() },
      '/api/usage': { body: freeUsage(0) },
      '/api/chat/sessions': { body: { sessions: [] } },
      ...extra,
    },
    chat,
  );
  render(<StudentChatView experienceId="exp_course42" />);
  return api;
}

async function ask(question: string) {
  const box = (await screen.findByLabelText('Your question about the course')) as HTMLTextAreaElement;
  box.focus(); // as typing does
  fireEvent.change(box, { target: { value: question } });
  fireEvent.keyDown(box, { key: 'Enter' });
}

const answer: ChatStreamEvent[] = [
  meta(freeUsage(1)),
  { type: 'token', text: 'Your starter is ready when it ' },
  { type: 'token', text: '**doubles** [1].' },
  { type: 'citation', n: 1, videoId: source(1).videoId, videoTitle: 'Lesson 3', startSeconds: 754 },
  done(),
];

describe('Student chat: streaming answers', () => {
  it('streams tokens into one answer, with citation chips that open the player at that time', async () => {
    const { callsTo } = renderChat([{ chunks: splitAt(sseText(answer), [5, 30, 7, 100, 3, 60]) }]);
    await ask('How do I know my starter is ready?');

    const reply = await screen.findByRole('article', { name: 'Answer' });
    await within(reply).findByText('doubles');
    expect(reply.textContent).toContain('Your starter is ready when it doubles');
    // Screen readers hear that the answer is ready, not every streamed token.
    expect(await screen.findByText('Answer ready.', { selector: '[aria-live="polite"]' })).toBeTruthy();
    // Which provider answered is the creator's business (Diagnostics), not a badge on every answer.
    expect(screen.queryByText(/Offline answers/)).toBeNull();
    expect((await screen.findByLabelText('Questions left')).textContent).toBe('2 of 3 free questions left');
    expect(within(reply).getByRole('region', { name: 'Sources' })).toBeTruthy();

    const chat = callsTo('/api/chat')[0];
    expect(JSON.parse(String(chat?.init?.body))).toEqual({ question: 'How do I know my starter is ready?' });
    expect(chat?.headers.get('x-whop-experience-id')).toBe('exp_course42');

    fireEvent.click(within(reply).getAllByRole('button', { name: 'Lesson 3 · 12:34' })[0] as HTMLElement);
    // The player's code arrives with the first citation opened (a placeholder holds its place).
    await waitFor(() =>
      expect(within(screen.getByRole('complementary', { name: 'Video source' })).getByText('12:34')).toBeTruthy(),
    );
    const panel = screen.getByRole('complementary', { name: 'Video source' });
    expect(within(panel).getByText('Passage 1 about the starter.')).toBeTruthy();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('complementary', { name: 'Video source' })).toBeNull();
  });

  it('continues the session with the next question', async () => {
    const { callsTo } = renderChat([{ chunks: [sseText(answer)] }]);
    await ask('First?');
    await screen.findByText('doubles');
    await waitFor(() =>
      expect((screen.getByLabelText('Your question about the course') as HTMLTextAreaElement).disabled).toBe(false),
    );
    await ask('And then?');
    await waitFor(() => expect(callsTo('/api/chat')).toHaveLength(2));
    expect(JSON.parse(String(callsTo('/api/chat')[1]?.init?.body))).toEqual({
      question: 'And then?',
      sessionId: SESSION_ID,
    });
  });

  it('Stop aborts the stream, keeps what arrived, keeps focus in the question box and re-reads the usage', async () => {
    const { callsTo } = renderChat([{ chunks: [sseText(answer.slice(0, 2))], hold: true }]);
    await ask('Ready?');
    await screen.findByText(/Your starter is ready when it/);
    const box = screen.getByLabelText('Your question about the course') as HTMLTextAreaElement;
    // Never disabled while answering: focus stays in it after send, and the next question can be typed.
    expect(box.disabled).toBe(false);
    expect(document.activeElement).toBe(box);
    fireEvent.click(screen.getByRole('button', { name: 'Stop answering' }));
    expect(await screen.findByText('Stopped. This question was not counted.')).toBeTruthy();
    expect(callsTo('/api/chat')[0]?.init?.signal?.aborted).toBe(true);
    expect(screen.queryByRole('button', { name: 'Stop answering' })).toBeNull();
    expect(document.activeElement).toBe(box);
    // The server gave the question back: the counter is read again, not left at what `meta` said.
    await waitFor(() => expect(callsTo('/api/usage')).toHaveLength(2));
  });

  it('a dropped stream says what happened in plain words, re-reads the usage and offers Retry', async () => {
    const { callsTo } = renderChat([
      { chunks: [sseText(answer.slice(0, 2))], drop: true },
      { chunks: [sseText(answer)] },
    ]);
    await ask('Ready?');
    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByText(
        'The connection dropped before the answer finished. This question was not counted; try again.',
      ),
    ).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/network error/i);
    await waitFor(() => expect(callsTo('/api/usage')).toHaveLength(2));
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('doubles')).toBeTruthy();
    expect(callsTo('/api/chat')).toHaveLength(2);
  });

  it('an error event shows its message and request id, and Retry asks again', async () => {
    const failed: ChatStreamEvent[] = [
      meta(freeUsage(1)),
      { type: 'error', code: 'UPSTREAM_UNAVAILABLE', message: 'The answer service is down', requestId: 'req_chat_1' },
    ];
    const { callsTo } = renderChat([{ chunks: splitAt(sseText(failed), [50]) }, { chunks: [sseText(answer)] }]);
    await ask('Ready?');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The answer service is down')).toBeTruthy();
    expect(within(alert).getByText('req_chat_1')).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('doubles')).toBeTruthy();
    expect(callsTo('/api/chat')).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('403 CHAT_LIMIT_EXCEEDED opens the limit modal with the usage it carries', async () => {
    const limit = errorBody('CHAT_LIMIT_EXCEEDED', 'No questions left', 'req_limit');
    renderChat([{ status: 403, body: { error: { ...limit.error, details: { usage: freeUsage(3) } } } }]);
    await ask('One more?');
    expect(await screen.findByRole('dialog', { name: "You've used your 3 free questions" })).toBeTruthy();
    // The limit takes the composer's place.
    expect(screen.getByRole('region', { name: 'Question limit' })).toBeTruthy();
    expect(screen.queryByLabelText('Your question about the course')).toBeNull();
  });

  it('a "nothing found" answer is a gentle notice', async () => {
    const none: ChatStreamEvent[] = [
      meta(freeUsage(1), { sources: [] }),
      { type: 'token', text: 'The course does not cover that.' },
      done(true),
    ];
    renderChat([{ chunks: [sseText(none)] }]);
    await ask('What about pizza?');
    expect(await screen.findByText('Nothing in this course answers that yet.')).toBeTruthy();
    expect(
      screen.getByText('Answer ready: the course videos do not cover this.', { selector: '[aria-live="polite"]' }),
    ).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Answer' }).className).toContain('message--no-answer');
  });

  it('thumbs up posts feedback and shows as pressed', async () => {
    const { callsTo } = renderChat([{ chunks: [sseText(answer)] }], {
      [`POST /api/chat/messages/${MESSAGE_ID}/feedback`]: { body: { ok: true } },
    });
    await ask('Ready?');
    const up = await screen.findByRole('button', { name: 'Helpful' });
    expect(up.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(up);
    await waitFor(() => expect(callsTo(`/api/chat/messages/${MESSAGE_ID}/feedback`)).toHaveLength(1));
    expect(JSON.parse(String(callsTo(`/api/chat/messages/${MESSAGE_ID}/feedback`)[0]?.init?.body))).toEqual({
      value: 1,
    });
    expect(screen.getByRole('button', { name: 'Helpful' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('an example question asks right away; a past conversation reopens', async () => {
    const { callsTo } = renderChat([{ chunks: [sseText(answer)] }], {
      '/api/chat/sessions': {
        body: {
          sessions: [
            { id: SESSION_ID, title: 'Starter questions', updatedAt: '2026-11-20T10:00:00Z', messageCount: 2 },
          ],
        },
      },
      [`/api/chat/sessions/${SESSION_ID}`]: {
        body: {
          sessionId: SESSION_ID,
          messages: [
            {
              id: '44444444-4444-4444-8444-444444444444',
              role: 'user',
              content: 'Old question',
              status: 'complete',
              citations: [],
              sources: [],
              feedback: null,
              createdAt: '2026-11-20T10:00:00Z',
            },
            {
              id: MESSAGE_ID,
              role: 'assistant',
              content: 'Old answer [1]',
              status: 'complete',
              citations: [{ n: 1, videoId: source(1).videoId, startSeconds: 754 }],
              sources: [source(1)],
              feedback: -1,
              createdAt: '2026-11-20T10:00:01Z',
            },
          ],
        },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'How do I know my starter is ready?' }));
    expect(await screen.findByText('doubles')).toBeTruthy();
    // The clicked starter is gone; focus is in the question box, ready for the next one.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Your question about the course')));
    expect(JSON.parse(String(callsTo('/api/chat')[0]?.init?.body))).toEqual({
      question: 'How do I know my starter is ready?',
    });

    fireEvent.click(screen.getByRole('button', { name: 'New chat' }));
    expect(await screen.findByRole('heading', { name: 'Ask about the course videos' })).toBeTruthy();
    expect(callsTo('/api/chat/starters')).toHaveLength(1); // fetched once by the view, not at every empty state
    fireEvent.click(await screen.findByRole('button', { name: 'Starter questions' }));
    expect(await screen.findByText('Old question')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Not helpful' }).getAttribute('aria-pressed')).toBe('true');
  });
});

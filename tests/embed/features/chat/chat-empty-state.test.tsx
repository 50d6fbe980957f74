import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useStarterQuestions } from '../../../../embed/features/chat/api/get-starter-questions';
import { ChatEmptyState, type ChatEmptyStateProps } from '../../../../embed/features/chat/components/chat-empty-state';
import { render } from '../../support/render';

/** As the student view uses it: the view fetches the starters and hands them down. */
function EmptyStateWithStarters(props: Omit<ChatEmptyStateProps, 'starters'>) {
  return <ChatEmptyState {...props} starters={useStarterQuestions()} />;
}

import { errorBody, stubApi } from '../../support/fetch-stub';

const VIDEO = '6d9d84e3-87cd-4c03-af8d-39987421cc5e';
const starters = [
  { question: 'Float test: what is it?', videoId: VIDEO, videoTitle: 'Lesson 1 · Meet your starter' },
  { question: 'Bulk fermentation: why does it matter?', videoId: VIDEO, videoTitle: 'Lesson 3 · Bulk fermentation' },
  { question: 'Cold proof: what should I know?', videoId: VIDEO, videoTitle: 'Lesson 4 · Shaping' },
];

// The chat's empty state lives in features/chat; its starters come from the course (GET /api/chat/starters).
describe('ChatEmptyState starters', () => {
  it("shows the course's starter questions and asks one when clicked", async () => {
    const { calls } = stubApi({ '/api/chat/starters': { body: { starters } } });
    const pick = vi.fn();
    render(<EmptyStateWithStarters onPickQuestion={pick} disabled={false} />);
    const list = await screen.findByRole('list', { name: 'Example questions' });
    const buttons = within(list).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(starters.map((s) => s.question));
    expect(buttons[0]!.getAttribute('title')).toBe('From Lesson 1 · Meet your starter');
    fireEvent.click(buttons[1]!);
    expect(pick).toHaveBeenCalledWith('Bulk fermentation: why does it matter?');
    expect(calls.map((c) => c.url)).toEqual(['/api/chat/starters']);
  });

  it("speaks as the creator's assistant: its name, greeting, and the creator's own starters first", async () => {
    const own = { question: 'What flour should I buy first?', videoId: null, videoTitle: null };
    stubApi({
      '/api/chat/starters': {
        body: {
          starters: [own, ...starters.slice(0, 1)],
          assistant: { name: 'Crumb', greeting: 'Hi baker! Ask me about your loaf.' },
        },
      },
    });
    render(<EmptyStateWithStarters onPickQuestion={() => undefined} disabled={false} />);
    expect(await screen.findByRole('heading', { name: 'Ask Crumb about the course videos' })).toBeTruthy();
    expect(screen.getByText('Hi baker! Ask me about your loaf.')).toBeTruthy();
    expect(screen.getByText(/^Crumb answers from this course/)).toBeTruthy();
    const buttons = within(screen.getByRole('list', { name: 'Example questions' })).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([own.question, starters[0]!.question]);
    // A creator's own starter comes from no lesson: no "From …" hint.
    expect(buttons[0]!.hasAttribute('title')).toBe(false);
  });

  it('is Chronos without a greeting when the creator chose nothing', async () => {
    stubApi({ '/api/chat/starters': { body: { starters, assistant: { name: 'Chronos', greeting: '' } } } });
    render(<EmptyStateWithStarters onPickQuestion={() => undefined} disabled={false} />);
    expect(await screen.findByRole('heading', { name: 'Ask about the course videos' })).toBeTruthy();
    expect(document.querySelector('.chat-greeting')).toBeNull();
  });

  it('cannot be picked while the composer is disabled', async () => {
    stubApi({ '/api/chat/starters': { body: { starters } } });
    const pick = vi.fn();
    render(<EmptyStateWithStarters onPickQuestion={pick} disabled />);
    const buttons = within(await screen.findByRole('list', { name: 'Example questions' })).getAllByRole('button');
    for (const b of buttons) expect(b).toHaveProperty('disabled', true);
  });

  it('says there is nothing to suggest yet when the course has no processed lessons', async () => {
    stubApi({ '/api/chat/starters': { body: { starters: [] } } });
    render(<EmptyStateWithStarters onPickQuestion={() => undefined} disabled={false} />);
    expect(await screen.findByText(/no processed lessons yet/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Example questions' })).toBeNull();
  });

  it('stays quiet if starters cannot load: the composer still works', async () => {
    stubApi({ '/api/chat/starters': { status: 503, body: errorBody('SERVICE_UNAVAILABLE', 'Down.', 'req_s1') } });
    render(<EmptyStateWithStarters onPickQuestion={() => undefined} disabled={false} />);
    expect(await screen.findByRole('heading', { name: 'Ask about the course videos' })).toBeTruthy();
    await vi.waitFor(() => expect(screen.queryByText('Loading suggested questions')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('list', { name: 'Example questions' })).toBeNull();
  });
});

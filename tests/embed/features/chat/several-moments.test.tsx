import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { entriesFromHistory } from '../../../../embed/features/chat/chat-entry';
import { AnswerText } from '../../../../embed/features/chat/components/answer-text';
import { StudentChatView } from '../../../../embed/views/student-chat/student-chat-view';
import type { ChatStreamEvent } from '../../../../shared/schemas/chat';
import { done, MESSAGE_ID, meta, source, splitAt, sseText, stubChatApi } from '../../support/chat-stream';
import { offlineHealth } from '../../support/health-fixture';
import { freeUsage } from '../../support/plan-fixture';
import { render } from '../../support/render';
import { studentViewer } from '../../support/viewer-fixture';

const lesson = source(1, { videoTitle: 'Lesson 3', startSeconds: 0 });
const other = source(2, { videoTitle: 'Lesson 4', startSeconds: 300 });
const moments = [
  { n: 1, occurrence: 0, startSeconds: 40 },
  { n: 1, occurrence: 1, startSeconds: 95 },
  { n: 2, occurrence: 0, startSeconds: 330 },
];

describe('several moments of one source', () => {
  it('gives each [n] the moment the server pinned for it, in reading order, across blocks and bold text', () => {
    const onOpen = vi.fn();
    const text = 'Feed it daily [1].\n\n- **Keep it warm [1]**\n- add rye [2]\n\nAgain [1].';
    render(<AnswerText text={text} sources={[lesson, other]} moments={moments} onOpenSource={onOpen} />);
    expect(screen.getByRole('button', { name: 'Lesson 3 · 0:40' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lesson 3 · 1:35' }));
    // The passage's own start stays beside the moment, for the player to mark the cited sentence.
    expect(onOpen).toHaveBeenCalledWith({ ...lesson, startSeconds: 95, passageStartSeconds: 0 });
    expect(screen.getByRole('button', { name: 'Lesson 4 · 5:30' })).toBeTruthy();
    // A marker the server pinned no moment for plays its source as given.
    expect(screen.getByRole('button', { name: 'Lesson 3 · 0:00' })).toBeTruthy();
  });

  it('counts a marker naming an unknown source, as the server does, so later chips keep their moments', () => {
    render(<AnswerText text="See [1, 9]. Then [1]." sources={[lesson]} moments={moments} onOpenSource={vi.fn()} />);
    expect(screen.getByText(/See \[1, 9\]/)).toBeTruthy();
    expect(screen.getAllByRole('button').map((b) => [b.textContent, b.getAttribute('aria-label')])).toEqual([
      ['[1]', 'Lesson 3 · 1:35'],
    ]);
  });

  it('reads stored citations as moments, older answers (one per source, no occurrence) included', () => {
    const message = (
      citations: { n: number; videoId: string | null; startSeconds: number; occurrence?: number }[],
    ) => ({
      id: MESSAGE_ID,
      role: 'assistant' as const,
      content: 'x [1] y [1]',
      status: 'complete' as const,
      citations,
      sources: [lesson],
      feedback: null,
      createdAt: '2026-11-20T10:00:01Z',
    });
    const [entry] = entriesFromHistory([
      message([
        { n: 1, videoId: lesson.videoId, startSeconds: 40, occurrence: 0 },
        { n: 1, videoId: lesson.videoId, startSeconds: 95, occurrence: 1 },
      ]),
    ]);
    expect(entry).toMatchObject({ cited: [1], moments: moments.slice(0, 2), sources: [{ n: 1, startSeconds: 40 }] });
    const [old] = entriesFromHistory([message([{ n: 1, videoId: lesson.videoId, startSeconds: 40 }])]);
    expect(old).toMatchObject({ cited: [1], moments: [{ n: 1, occurrence: 0, startSeconds: 40 }] });
  });

  it('streams an answer citing two moments of one lesson: each chip plays its own second, the source list the first', async () => {
    const answer: ChatStreamEvent[] = [
      meta(freeUsage(1), { sources: [lesson, other] }),
      { type: 'token', text: 'Feed it daily [1]. Keep it ' },
      { type: 'citation', n: 1, occurrence: 0, videoId: lesson.videoId, videoTitle: 'Lesson 3', startSeconds: 40 },
      { type: 'token', text: 'warm [1]; add rye [2].' },
      { type: 'citation', n: 1, occurrence: 1, videoId: lesson.videoId, videoTitle: 'Lesson 3', startSeconds: 95 },
      { type: 'citation', n: 2, occurrence: 0, videoId: other.videoId, videoTitle: 'Lesson 4', startSeconds: 330 },
      done(),
    ];
    stubChatApi(
      {
        '/api/viewer': { body: studentViewer() },
        '/api/health': { body: offlineHealth() },
        '/api/usage': { body: freeUsage(0) },
        '/api/chat/sessions': { body: { sessions: [] } },
      },
      [{ chunks: splitAt(sseText(answer), [40, 90, 17, 200]) }],
    );
    render(<StudentChatView experienceId="exp_course42" />);
    const box = (await screen.findByLabelText('Your question about the course')) as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: 'How do I look after my starter?' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    const reply = await screen.findByRole('article', { name: 'Answer' });
    const sourcesRegion = await within(reply).findByRole('region', { name: 'Sources' });
    const text = reply.querySelector('.answer-text') as HTMLElement;
    // Inline, compact "[n]" markers named by their moment; full labels under Sources.
    expect(
      within(text)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Lesson 3 · 0:40', 'Lesson 3 · 1:35', 'Lesson 4 · 5:30']);
    expect(
      within(sourcesRegion)
        .getAllByRole('button')
        .map((b) => b.textContent?.replace('\u25B6\uFE0E ', '')),
    ).toEqual(['Lesson 3 · 0:40', 'Lesson 4 · 5:30']);
    fireEvent.click(within(text).getByRole('button', { name: 'Lesson 3 · 1:35' }));
    // The player's code arrives with the first citation opened (a placeholder holds its place).
    await waitFor(() =>
      expect(within(screen.getByRole('complementary', { name: 'Video source' })).getByText('1:35')).toBeTruthy(),
    );
  });
});

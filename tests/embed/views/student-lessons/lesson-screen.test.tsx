import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../../embed/app';
import type { ChatStreamEvent } from '../../../../shared/schemas/chat';
import type { LessonDetail, LessonList } from '../../../../shared/schemas/lessons';
import { done, meta, source, sseText, stubChatApi } from '../../support/chat-stream';
import { errorBody } from '../../support/fetch-stub';
import { offlineHealth } from '../../support/health-fixture';
import { freeUsage } from '../../support/plan-fixture';
import { render } from '../../support/render';
import { studentViewer } from '../../support/viewer-fixture';

const LESSON = '44444444-4444-4444-8444-444444444444';
const OTHER = '55555555-5555-4555-8555-555555555555';

const lesson: LessonDetail = {
  id: LESSON,
  number: 2,
  title: 'Feeding the starter',
  moduleId: null,
  moduleTitle: null,
  durationSeconds: 30,
  hasMedia: false,
  mimeType: null,
  transcript: [
    { startSeconds: 0, endSeconds: 9, text: 'Welcome back.' },
    { startSeconds: 10, endSeconds: 19, text: 'Feed it rye flour and water every morning.' },
    { startSeconds: 72, endSeconds: 80, text: 'This is called bassinage.' },
  ],
};

const list: LessonList = {
  modules: [{ id: '66666666-6666-4666-8666-666666666666', title: 'Bread' }],
  lessons: [
    { id: OTHER, number: 1, title: 'Welcome', moduleId: null, durationSeconds: 65, hasMedia: true },
    {
      id: LESSON,
      number: 2,
      title: 'Feeding the starter',
      moduleId: '66666666-6666-4666-8666-666666666666',
      durationSeconds: 30,
      hasMedia: false,
    },
  ],
};

const common = {
  '/api/viewer': { body: studentViewer() },
  '/api/health': { body: offlineHealth() },
  '/api/usage': { body: freeUsage(0) },
};

function open(path: string, chat: ChatStreamEvent[] = [], extra = {}) {
  window.history.pushState(null, '', path);
  const api = stubChatApi(
    { ...common, [`/api/lessons/${LESSON}`]: { body: lesson }, '/api/lessons': { body: list }, ...extra },
    [{ chunks: [sseText(chat)] }],
  );
  render(<App />);
  return api;
}

afterEach(() => window.history.pushState(null, '', '/'));

describe('lesson page', () => {
  it('opens at the linked second, reads without a video, and a click on a line moves the moment asked about', async () => {
    open(`/experiences/exp_course42/lessons/${LESSON}?t=72`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Feeding the starter' })).toBeTruthy();
    expect(screen.getByText('This lesson has no video file')).toBeTruthy();
    const transcript = screen.getByRole('list', { name: 'Transcript of Feeding the starter' });
    const currentLine = () =>
      within(transcript)
        .getAllByRole('button')
        .find((b) => b.getAttribute('aria-current') === 'true')?.textContent;
    expect(currentLine()).toBe('1:12This is called bassinage.');
    expect(screen.getByRole('heading', { name: /Ask about this moment at 1:12/ })).toBeTruthy();

    fireEvent.click(within(transcript).getByRole('button', { name: /rye flour/ }));
    expect(currentLine()).toBe('0:10Feed it rye flour and water every morning.');
    expect(screen.getByRole('heading', { name: /Ask about this moment at 0:10/ })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Course' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Lessons' }).getAttribute('aria-current')).toBe('page');
  });

  it('asks about the moment: the question carries the lesson and second, and a citation here seeks the transcript', async () => {
    const cited = source(1, { videoId: LESSON, videoTitle: 'Feeding the starter', startSeconds: 10, endSeconds: 19 });
    const answer: ChatStreamEvent[] = [
      meta(freeUsage(1), { sources: [cited] }),
      { type: 'token', text: 'Rye feeds it well [1].' },
      { type: 'citation', n: 1, videoId: LESSON, videoTitle: 'Feeding the starter', startSeconds: 10 },
      done(),
    ];
    const { callsTo } = open(`/experiences/exp_course42/lessons/${LESSON}?t=72`, answer);
    const box = await screen.findByLabelText(/Your question about what was said at 1:12/);
    fireEvent.change(box, { target: { value: 'Why do that?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ask' }));
    const reply = await screen.findByRole('article', { name: 'Answer' });
    await within(reply).findByText(/Rye feeds it well/);
    const body = JSON.parse(String(callsTo('/api/chat')[0]?.init?.body));
    expect(body).toEqual({ question: 'Why do that?', moment: { videoId: LESSON, seconds: 72 } });

    fireEvent.click(within(reply).getAllByRole('button', { name: /Feeding the starter · 0:10/ })[0]!);
    const transcript = screen.getByRole('list', { name: 'Transcript of Feeding the starter' });
    await waitFor(() =>
      expect(
        within(transcript)
          .getByRole('button', { name: /rye flour/ })
          .getAttribute('aria-current'),
      ).toBe('true'),
    );
    expect(
      within(transcript)
        .getByRole('button', { name: /rye flour/ })
        .classList.contains('is-marked'),
    ).toBe(true);
  });

  it('says a lesson that is not in the course is not found', async () => {
    open(`/experiences/exp_course42/lessons/${OTHER}`, [], {
      [`/api/lessons/${OTHER}`]: {
        status: 404,
        body: { error: { code: 'NOT_FOUND', message: 'This lesson does not exist.', requestId: 'req_1' } },
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Lesson not found' })).toBeTruthy();
  });
});

describe('lessons list and search', () => {
  it("lists the lessons in the creator's order under their modules", async () => {
    open('/experiences/exp_course42/lessons');
    const loose = await screen.findByRole('list', { name: 'Lessons' });
    expect(within(loose).getByRole('link').getAttribute('href')).toBe(`/experiences/exp_course42/lessons/${OTHER}`);
    const bread = screen.getByRole('list', { name: 'Bread' });
    expect(within(bread).getByRole('link').textContent).toContain('Feeding the starter');
    expect(within(bread).getByRole('link').textContent).toContain('Transcript only');
  });

  it('searches every transcript, marks the matched words, and a hit links to the lesson at its second', async () => {
    const { callsTo } = open('/experiences/exp_course42/lessons', [], {
      '/api/lessons/search?q=rye+flour&offset=0': {
        body: {
          hits: [
            {
              videoId: LESSON,
              videoTitle: 'Feeding the starter',
              startSeconds: 10,
              snippet: [
                { text: 'Feed it ', hit: false },
                { text: 'rye', hit: true },
                { text: ' ', hit: false },
                { text: 'flour', hit: true },
                { text: ' and water', hit: false },
              ],
            },
          ],
          nextOffset: null,
        },
      },
    });
    fireEvent.change(await screen.findByRole('searchbox'), { target: { value: 'rye flour' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    const hits = await screen.findByRole('list', { name: 'Moments that say “rye flour”' });
    const link = within(hits).getByRole('link');
    expect(link.getAttribute('href')).toBe(`/experiences/exp_course42/lessons/${LESSON}?t=10`);
    expect([...link.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['rye', 'flour']);
    expect(window.location.search).toBe('?q=rye+flour');
    expect(callsTo('/api/lessons/search?q=rye+flour&offset=0')).toHaveLength(1);

    fireEvent.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: 'Feeding the starter' })).toBeTruthy();
  });

  it('adds the next page with More moments; a page that fails keeps the hits so far, and Retry asks for it again', async () => {
    const hit = (startSeconds: number, word: string) => ({
      videoId: LESSON,
      videoTitle: 'Feeding the starter',
      startSeconds,
      snippet: [{ text: word, hit: true }],
    });
    const { callsTo } = open('/experiences/exp_course42/lessons', [], {
      '/api/lessons/search?q=rye&offset=0': { body: { hits: [hit(10, 'rye')], nextOffset: 1 } },
      '/api/lessons/search?q=rye&offset=1': [
        { status: 503, body: errorBody('SERVICE_UNAVAILABLE', 'Search is down.', 'req_search') },
        { body: { hits: [hit(72, 'rye again')], nextOffset: null } },
      ],
    });
    fireEvent.change(await screen.findByRole('searchbox'), { target: { value: 'rye' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    const hits = () => within(screen.getByRole('list', { name: 'Moments that say “rye”' })).getAllByRole('link');
    fireEvent.click(await screen.findByRole('button', { name: 'More moments' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Search is down.')).toBeTruthy();
    expect(hits()).toHaveLength(1);
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(hits()).toHaveLength(2));
    expect(hits()[1]?.getAttribute('href')).toBe(`/experiences/exp_course42/lessons/${LESSON}?t=72`);
    expect(screen.queryByRole('button', { name: 'More moments' })).toBeNull();
    expect(callsTo('/api/lessons/search?q=rye&offset=0')).toHaveLength(1);
    expect(callsTo('/api/lessons/search?q=rye&offset=1')).toHaveLength(2);
  });
});

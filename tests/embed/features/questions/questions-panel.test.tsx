import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QuestionsPanel } from '../../../../embed/features/questions/components/questions-panel';
import type { StudentQuestion, StudentQuestionsPage } from '../../../../shared/schemas/questions';
import { errorBody, stubApi } from '../../support/fetch-stub';
import { render } from '../../support/render';

const VIDEO = '6d9d84e3-87cd-4c03-af8d-39987421cc5e';
const question = (n: number, overrides: Partial<StudentQuestion> = {}): StudentQuestion => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  question: `Question ${n}?`,
  student: { id: 'user_ada', name: 'Ada Lovelace', username: 'ada' },
  askedAt: '2026-11-28T09:30:00.123456Z',
  answerExcerpt: `Answer ${n}.`,
  status: 'complete',
  feedback: null,
  noAnswer: false,
  cited: [],
  latencyMs: 1234,
  ...overrides,
});
const summary = { questionsThisWeek: 12, thumbsUp: 5, thumbsDown: 2, unanswered: 3 };
const pageOf = (questions: StudentQuestion[], nextCursor: string | null = null): { body: StudentQuestionsPage } => ({
  body: { summary, questions, nextCursor },
});
const CURSOR = '2026-11-28T09:30:00.123456Z_00000000-0000-4000-8000-000000000002';
const FIRST = '/api/dashboard/questions?limit=20';

describe('QuestionsPanel', () => {
  it("shows this week's counts and each question with its answer, rating, outcome and cited moments", async () => {
    stubApi({
      [FIRST]: pageOf([
        question(1, {
          feedback: 1,
          cited: [{ videoId: VIDEO, videoTitle: 'Lesson 1 · Meet your starter', startSeconds: 754 }],
        }),
        question(2, { feedback: -1, noAnswer: true, answerExcerpt: "I couldn't find this in the course videos." }),
      ]),
    });
    render(<QuestionsPanel />);
    const list = await screen.findByRole('list', { name: 'Recent questions' });
    const stats = within(screen.getByLabelText('Last 7 days'));
    expect(stats.getByText('Questions this week').nextSibling?.textContent).toBe('12');
    expect(stats.getByText('Not covered by the course').nextSibling?.textContent).toBe('3');

    const [first, second] = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('question-item'));
    expect(within(first!).getByText('Question 1?')).toBeTruthy();
    expect(within(first!).getByText('Answer 1.')).toBeTruthy();
    expect(within(first!).getByText('👍 Helpful')).toBeTruthy();
    expect(within(first!).getByText('Lesson 1 · Meet your starter · 12:34')).toBeTruthy();
    expect(within(first!).getByText(/answered in 1\.2 s/)).toBeTruthy();
    expect(within(second!).getByText('Not covered')).toBeTruthy();
    expect(within(second!).getByText('👎 Not helpful')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show older questions' })).toBeNull();
  });

  it('loads older questions with the cursor and appends them', async () => {
    const { calls } = stubApi({
      [FIRST]: pageOf([question(1), question(2)], CURSOR),
      [`/api/dashboard/questions?limit=20&cursor=${encodeURIComponent(CURSOR)}`]: pageOf([question(3)]),
    });
    render(<QuestionsPanel />);
    fireEvent.click(await screen.findByRole('button', { name: 'Show older questions' }));
    expect(await screen.findByText('Question 3?')).toBeTruthy();
    expect(screen.getByText('Question 1?')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show older questions' })).toBeNull();
    expect(calls.map((c) => c.url).filter((url) => url.startsWith('/api/dashboard/questions'))).toEqual([
      FIRST,
      `/api/dashboard/questions?limit=20&cursor=${encodeURIComponent(CURSOR)}`,
    ]);
  });

  it('keeps the empty state when nobody has asked yet', async () => {
    stubApi({ [FIRST]: pageOf([]) });
    render(<QuestionsPanel />);
    expect(await screen.findByRole('heading', { name: 'No student questions yet' })).toBeTruthy();
    expect(screen.queryByLabelText('Last 7 days')).toBeNull();
  });

  it('says what failed, with the request id, and retries', async () => {
    stubApi({
      [FIRST]: [{ status: 500, body: errorBody('INTERNAL', 'Database is down.', 'req_q1') }, pageOf([question(1)])],
    });
    render(<QuestionsPanel />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not load the questions')).toBeTruthy();
    expect(within(alert).getByText('req_q1')).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Question 1?')).toBeTruthy();
  });

  it('names the student who asked, as Whop names them', async () => {
    stubApi({ [FIRST]: pageOf([question(1), question(2, { student: { id: 'user_x', name: null, username: 'xq' } })]) });
    render(<QuestionsPanel />);
    await screen.findByRole('list', { name: 'Recent questions' });
    expect(screen.getByText('Ada Lovelace (@ada)')).toBeTruthy();
    expect(screen.getByText('@xq')).toBeTruthy();
  });

  it('filters by outcome, lesson and words, asking the server each time', async () => {
    const { calls } = stubApi({
      [FIRST]: pageOf([question(1), question(2)]),
      '/api/videos': { body: { videos: [] } },
      '/api/dashboard/questions?limit=20&outcome=unanswered': pageOf([question(2, { noAnswer: true })]),
      '/api/dashboard/questions?limit=20&outcome=unanswered&search=crumb': pageOf([]),
    });
    render(<QuestionsPanel />);
    await screen.findByText('Question 1?');
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'unanswered' } });
    await waitFor(() => expect(screen.queryByText('Question 1?')).toBeNull());
    expect(screen.getByText('Question 2?')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Words in the question'), { target: { value: ' crumb ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('No questions match')).toBeTruthy();
    expect(calls.map((c) => c.url)).toContain('/api/dashboard/questions?limit=20&outcome=unanswered&search=crumb');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('Question 1?')).toBeTruthy();
  });

  it('exports what the filters show as a CSV download', async () => {
    const { calls } = stubApi({
      [FIRST]: pageOf([question(1)]),
      '/api/dashboard/questions/export?': {
        body: 'asked_at\r\n',
        headers: {
          'content-type': 'text/csv',
          'content-disposition': 'attachment; filename="student-questions-2026-12-02.csv"',
        },
      },
    });
    const created: string[] = [];
    URL.createObjectURL = (() => {
      created.push('blob:1');
      return 'blob:1';
    }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = () => undefined;
    render(<QuestionsPanel />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(created).toEqual(['blob:1']));
    expect(calls.some((c) => c.url === '/api/dashboard/questions/export?')).toBe(true);
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ContentGapsPanel } from '../../../../embed/features/insights/components/content-gaps-panel';
import type { ContentGap, ContentGapsResponse } from '../../../../shared/schemas/insights';
import { errorBody, stubApi } from '../../support/fetch-stub';
import { render } from '../../support/render';

const VIDEO = '6d9d84e3-87cd-4c03-af8d-39987421cc5e';
const gap = (overrides: Partial<ContentGap> = {}): ContentGap => ({
  key: '00000000-0000-4000-8000-000000000001',
  label: 'gluten · free · bread',
  students: 23,
  questions: 31,
  thisWeek: 9,
  lastWeek: 4,
  trend: 'rising',
  examples: [
    { question: 'Can I make gluten free sourdough?', askedAt: '2026-12-01T10:00:00.000Z', reason: 'unanswered' },
  ],
  closestMoments: [{ videoId: VIDEO, videoTitle: 'Lesson 3 · Flour', startSeconds: 95, score: 0.01 }],
  ...overrides,
});
const URL = '/api/dashboard/insights/gaps';
const body = (overrides: Partial<ContentGapsResponse> = {}): { body: ContentGapsResponse } => ({
  body: { gaps: [gap()], oneOffQuestions: 4, analysedQuestions: 35, closed: [], ...overrides },
});

describe('ContentGapsPanel', () => {
  it('shows each gap with how many students asked, the trend, examples and the closest moments', async () => {
    stubApi({
      [URL]: body({
        closed: [{ videoId: VIDEO, videoTitle: 'Bonus · Pizza', questions: 4, closedAt: '2026-12-01T10:00:00Z' }],
      }),
    });
    render(<ContentGapsPanel />);
    const list = await screen.findByRole('list', { name: 'Content gaps' });
    const [item] = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('gap-item'));
    expect(within(item!).getByRole('heading', { name: 'gluten · free · bread' })).toBeTruthy();
    expect(item!.textContent).toMatch(/23 students asked 31 times · 9 this week, 4 the week before/);
    expect(within(item!).getByText('Rising')).toBeTruthy();
    expect(within(item!).getByRole('list', { name: 'Example questions' }).textContent).toMatch(
      /Can I make gluten free sourdough\?.*not covered/,
    );
    expect(item!.textContent).toMatch(/Closest in your course: Lesson 3 · Flour at 1:35/);
    expect(screen.getByText(/4 more questions were asked only once/)).toBeTruthy();
    expect(screen.getByText('Bonus · Pizza now answers 4 questions')).toBeTruthy();
  });

  it('says so when there are no gaps', async () => {
    stubApi({ [URL]: body({ gaps: [], analysedQuestions: 0, oneOffQuestions: 0 }) });
    render(<ContentGapsPanel />);
    expect(await screen.findByText('No content gaps')).toBeTruthy();
  });

  it('shows an error with a retry', async () => {
    stubApi({ [URL]: { status: 500, body: errorBody('INTERNAL', 'Something went wrong.', 'req_1') } });
    render(<ContentGapsPanel />);
    expect(await screen.findByText('Could not load the content gaps')).toBeTruthy();
    expect(screen.getByRole('button', { name: /retry|try again/i })).toBeTruthy();
  });
});

import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ActivityPanel } from '../../../../embed/features/insights/components/activity-panel';
import type { ActivityResponse } from '../../../../shared/schemas/insights';
import { stubApi } from '../../support/fetch-stub';
import { render } from '../../support/render';

const VIDEO = '6d9d84e3-87cd-4c03-af8d-39987421cc5e';
const days = Array.from({ length: 30 }, (_, i) => ({
  day: `2026-11-${String(i + 1).padStart(2, '0')}`,
  answered: i === 29 ? 7 : 0,
  unanswered: i === 29 ? 2 : 0,
  students: i === 29 ? 4 : 0,
  costUsd: i === 29 ? 0.045 : 0,
}));
const activity: ActivityResponse = {
  days,
  costPerAnswerUsd: 0.005,
  mostCitedLessons: [
    { videoId: VIDEO, videoTitle: 'Lesson 1 · Starter', citations: 12 },
    { videoId: '7d9d84e3-87cd-4c03-af8d-39987421cc5e', videoTitle: 'Lesson 2 · Hydration', citations: 3 },
  ],
};

describe('ActivityPanel', () => {
  it('puts a table behind every chart, with every day', async () => {
    stubApi({ '/api/dashboard/insights/activity': { body: activity } });
    render(<ActivityPanel />);
    const questions = await screen.findByRole('region', { name: 'Questions per day' });
    expect(within(questions).getByText('7 answered, 2 not covered by the course.')).toBeTruthy();
    fireEvent.click(within(questions).getByText('Show as a table'));
    const table = within(questions).getByRole('table', { name: 'Questions per day' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(31);
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Day', 'Answered', 'Not covered']);
    expect(
      within(rows[30]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['7', '2']);
    const cost = screen.getByRole('region', { name: 'Chat cost per day' });
    expect(within(cost).getByText('$0.0450 in 30 days, $0.0050 per answer.')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Students active per day' })).toBeTruthy();
  });

  it('lists the most-cited lessons as a readable table', async () => {
    stubApi({ '/api/dashboard/insights/activity': { body: activity } });
    render(<ActivityPanel />);
    const cited = await screen.findByRole('region', { name: 'Most-cited lessons' });
    const rows = within(within(cited).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['Lesson 1 · Starter12', 'Lesson 2 · Hydration3']);
  });
});

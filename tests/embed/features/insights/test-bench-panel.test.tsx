import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TestBenchPanel } from '../../../../embed/features/insights/components/test-bench-panel';
import type { TestBenchResult } from '../../../../shared/schemas/test-bench';
import { stubApi } from '../../support/fetch-stub';
import { render } from '../../support/render';

const VIDEO = '6d9d84e3-87cd-4c03-af8d-39987421cc5e';
const moment = (startSeconds: number, cited: boolean) => ({
  videoId: VIDEO,
  videoTitle: 'Lesson 1 · Starter',
  startSeconds,
  endSeconds: startSeconds + 30,
  score: 0.0205,
  coverage: cited ? 0.64 : 0.12,
  cited,
  excerpt: `Passage at ${startSeconds}.`,
});

describe('TestBenchPanel', () => {
  it('sends the question and shows what would be cited, with scores, and the near misses', async () => {
    const result: TestBenchResult = {
      refused: false,
      moments: [moment(65, true), moment(300, false)],
      coverageFloor: 0.3,
    };
    const { calls } = stubApi({ 'POST /api/dashboard/test-bench': { body: result } });
    render(<TestBenchPanel />);
    fireEvent.change(screen.getByLabelText('A question, as a student would ask it'), {
      target: { value: ' How often do I feed it? ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Try it' }));
    expect(await screen.findByText('Would be answered')).toBeTruthy();
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual({ question: 'How often do I feed it?' });
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['Lesson 1 · Starter · 1:05', 'Yes', '0.0205', '64 %', 'Passage at 65.'],
      ['Lesson 1 · Starter · 5:00', 'No (below the floor)', '0.0205', '12 %', 'Passage at 300.'],
    ]);
  });

  it('says when a question would be refused', async () => {
    stubApi({ 'POST /api/dashboard/test-bench': { body: { refused: true, moments: [], coverageFloor: 0.3 } } });
    render(<TestBenchPanel />);
    fireEvent.change(screen.getByLabelText('A question, as a student would ask it'), {
      target: { value: 'Car engines?' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Try it' }));
    expect(await screen.findByText('Would be refused')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

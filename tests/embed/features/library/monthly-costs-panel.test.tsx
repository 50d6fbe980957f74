import { screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MonthlyCostsPanel } from '../../../../embed/features/library/components/monthly-costs-panel';
import type { MonthlyCosts } from '../../../../shared/schemas/videos';
import { render } from '../../support/render';

let costs: MonthlyCosts = { months: [] };
const server = setupServer(http.get('/api/dashboard/costs', () => HttpResponse.json(costs)));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const month = (m: string, t: number, e: number, a: number) => ({
  month: m,
  transcriptionUsd: t,
  embeddingUsd: e,
  answerUsd: a,
  totalUsd: t + e + a,
  audioMinutes: 0,
  tokens: 0,
});

describe('MonthlyCostsPanel', () => {
  it('lists each month, newest first, with transcription, embeddings, answers and total', async () => {
    costs = { months: [month('2026-11', 0.36, 0.0004, 1.2), month('2026-10', 0, 0, 0.05)] };
    render(<MonthlyCostsPanel />);
    const table = within(await screen.findByRole('table', { name: 'Provider costs per month' }));
    const rows = table
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.children).map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['November 2026', '$0.36', '<$0.01', '$1.20', '$1.56'],
      ['October 2026', '$0.00', '$0.00', '$0.05', '$0.05'],
    ]);
  });

  it('says nothing was spent, and that offline providers cost $0', async () => {
    costs = { months: [month('2026-11', 0, 0, 0)] };
    render(<MonthlyCostsPanel />);
    expect(
      await screen.findByText(/Nothing spent yet\. Captions, the offline embedder and the offline answerer cost \$0/),
    ).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

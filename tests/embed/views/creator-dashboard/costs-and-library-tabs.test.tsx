import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CreatorDashboardView } from '../../../../embed/views/creator-dashboard/creator-dashboard-view';
import { stubApi } from '../../support/fetch-stub';
import { offlineHealth } from '../../support/health-fixture';
import { planOverview } from '../../support/plan-fixture';
import { render } from '../../support/render';
import { creatorViewer } from '../../support/viewer-fixture';

const months = [
  {
    month: '2026-11',
    transcriptionUsd: 0.12,
    embeddingUsd: 0,
    answerUsd: 0.3,
    totalUsd: 0.42,
    audioMinutes: 20,
    tokens: 1200,
  },
];

function stubDashboard() {
  return stubApi({
    '/api/viewer': { body: creatorViewer() },
    '/api/health': { body: offlineHealth() },
    '/api/videos': { body: { videos: [] } },
    '/api/dashboard/plan': { body: planOverview() },
    '/api/dashboard/costs': { body: { months } },
  });
}

describe('creator dashboard: costs and the library across tabs', () => {
  it('shows provider costs per month under Plan & usage', async () => {
    stubDashboard();
    render(<CreatorDashboardView companyId="biz_acme" />);
    await screen.findAllByRole('banner');
    fireEvent.click(screen.getByRole('tab', { name: 'Plan & usage' }));
    const table = within(await screen.findByRole('table', { name: 'Provider costs per month' }));
    expect(table.getByRole('rowheader', { name: 'November 2026' })).toBeTruthy();
    expect(table.getByText('$0.42')).toBeTruthy();
  });

  it('keeps the library mounted on other tabs, so uploads in flight are not cancelled', async () => {
    const { callsTo } = stubDashboard();
    render(<CreatorDashboardView companyId="biz_acme" />);
    await screen.findByRole('heading', { name: 'No videos yet' });
    fireEvent.click(screen.getByRole('tab', { name: 'Questions' }));
    expect(screen.queryByRole('heading', { name: 'No videos yet' })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Library' }));
    expect(screen.getByRole('heading', { name: 'No videos yet' })).toBeTruthy();
    // Not loaded again: the same panel came back into view.
    expect(callsTo('/api/videos')).toHaveLength(1);
  });
});

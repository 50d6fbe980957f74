import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CreatorDashboardView } from '../../../embed/views/creator-dashboard/creator-dashboard-view';
import { stubApi } from '../support/fetch-stub';
import { offlineHealth } from '../support/health-fixture';
import { planOverview } from '../support/plan-fixture';
import { render } from '../support/render';
import { creatorViewer } from '../support/viewer-fixture';

describe('Creator dashboard: library', () => {
  it('a plan limit on dropped captions leads to the Plan & usage tab', async () => {
    stubApi({
      '/api/viewer': { body: creatorViewer() },
      '/api/health': { body: offlineHealth() },
      '/api/dashboard/plan': { body: planOverview() },
      'GET /api/videos': { body: { videos: [] } },
      'POST /api/videos/captions': {
        status: 403,
        body: {
          error: {
            code: 'STORAGE_LIMIT_EXCEEDED',
            message: 'No storage left.',
            requestId: 'req_s',
            details: { storageBytesUsed: 5368709120, storageBytesLimit: 5368709120 },
          },
        },
      },
    });
    render(<CreatorDashboardView companyId="biz_acme" />);
    await screen.findByRole('heading', { name: 'No videos yet' });

    const file = new File(['WEBVTT\n'], 'Week 1.vtt');
    fireEvent.drop(screen.getByRole('heading', { name: 'Library' }), { dataTransfer: { files: [file] } });
    const dialog = within(await screen.findByRole('dialog', { name: 'Add captions' }));
    expect((dialog.getByLabelText('Title') as HTMLInputElement).value).toBe('Week 1');
    fireEvent.click(dialog.getByRole('button', { name: 'Add captions' }));

    const notice = within(await screen.findByRole('alert'));
    expect(notice.getByText('Your plan has no storage left')).toBeTruthy();
    expect(notice.getByText('5 GB of 5 GB')).toBeTruthy();
    fireEvent.click(notice.getByRole('button', { name: 'See Plan & usage' }));
    expect(screen.getByRole('tab', { name: 'Plan & usage' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByText(/You're on the/)).toBeTruthy();
  });
});

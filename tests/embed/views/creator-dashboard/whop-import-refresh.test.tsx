import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CreatorDashboardView } from '../../../../embed/views/creator-dashboard/creator-dashboard-view';
import { videoSummary } from '../../features/library/video-fixture';
import { stubApi } from '../../support/fetch-stub';
import { offlineHealth } from '../../support/health-fixture';
import { planOverview } from '../../support/plan-fixture';
import { render } from '../../support/render';
import { creatorViewer } from '../../support/viewer-fixture';

const lesson = {
  id: 'lesn_starter',
  title: 'The starter',
  lessonType: 'video',
  importable: true,
  state: 'new',
  videoId: null,
};
const imported = videoSummary({ title: 'The starter' });

describe('creator dashboard: import from Whop Courses', () => {
  it('shows imported lessons in the library list as soon as the import answers', async () => {
    const { callsTo } = stubApi({
      '/api/viewer': { body: creatorViewer() },
      '/api/health': { body: offlineHealth() },
      '/api/videos': [{ body: { videos: [] } }, { body: { videos: [imported] } }],
      '/api/dashboard/plan': { body: planOverview() },
      'GET /api/whop-import/courses': {
        body: {
          courses: [
            { id: 'cors_b', title: 'Bread school', chapters: [{ id: 'chap_a', title: 'Basics', lessons: [lesson] }] },
          ],
          removed: [],
        },
      },
      'POST /api/whop-import': {
        body: {
          results: [
            {
              whopLessonId: 'lesn_starter',
              title: 'The starter',
              outcome: 'created',
              videoId: imported.id,
              transcriptFrom: 'captions',
              message: null,
            },
          ],
          removed: [],
        },
      },
    });
    render(<CreatorDashboardView companyId="biz_acme" />);
    await screen.findByRole('heading', { name: 'No videos yet' });
    fireEvent.click(screen.getByRole('button', { name: 'Choose lessons' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'The starter' }));
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 lesson' }));
    expect(await screen.findByText('1 of 1 lessons imported')).toBeTruthy();
    expect(await screen.findByRole('rowheader', { name: /The starter/ })).toBeTruthy();
    expect(callsTo('/api/videos').length).toBeGreaterThanOrEqual(2);
  });
});

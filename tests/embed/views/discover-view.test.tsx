import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DiscoverView } from '../../../embed/views/discover/discover-view';
import { errorBody, stubApi } from '../support/fetch-stub';
import { render } from '../support/render';

const tiers = [
  {
    tier: 'FREE',
    displayName: 'Free',
    priceCentsMonthly: 0,
    storageBytesLimit: 5 * 1024 ** 3,
    chatQuestionsLimit: 3,
    chatPeriod: 'total',
    videoCountLimit: 10,
  },
  {
    tier: 'PRO',
    displayName: 'Pro',
    priceCentsMonthly: 7900,
    storageBytesLimit: 100 * 1024 ** 3,
    chatQuestionsLimit: 500,
    chatPeriod: 'day',
    videoCountLimit: 200,
  },
  {
    tier: 'ENTERPRISE',
    displayName: 'Enterprise',
    priceCentsMonthly: 29900,
    storageBytesLimit: null,
    chatQuestionsLimit: null,
    chatPeriod: 'day',
    videoCountLimit: null,
  },
];

describe('Discover view', () => {
  it('shows what Chronos does, a screenshot of each view with alt text, the plans from the server and how to install', async () => {
    stubApi({ '/api/plans': { body: { tiers } } });
    render(<DiscoverView />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/ask your course videos/);
    const shots = within(screen.getByRole('list', { name: 'Screens' })).getAllByRole('img');
    // Each of the three views, light and dark; the stylesheet shows the one for the theme.
    expect(shots.map((img) => img.getAttribute('src'))).toEqual([
      '/discover/student-chat-light.webp',
      '/discover/student-chat-dark.webp',
      '/discover/creator-library-light.webp',
      '/discover/creator-library-dark.webp',
      '/discover/creator-plan-light.webp',
      '/discover/creator-plan-dark.webp',
    ]);
    expect(
      shots.every((img) => (img.getAttribute('alt') ?? '').length > 20 && img.getAttribute('loading') === 'lazy'),
    ).toBe(true);
    const plans = within(await screen.findByRole('list', { name: 'Plans' }));
    const pro = within(plans.getByRole('listitem', { name: 'Pro' }));
    expect(pro.getByText('$79 / month')).toBeTruthy();
    expect(pro.getByText('500 per student per day')).toBeTruthy();
    expect(within(plans.getByRole('listitem', { name: 'Enterprise' })).getAllByText('Unlimited')).toHaveLength(3);
    expect(screen.getByRole('heading', { name: 'How to install' })).toBeTruthy();
  });

  it('says when the plans cannot load, with a retry', async () => {
    stubApi({ '/api/plans': { status: 503, body: errorBody('UPSTREAM_UNAVAILABLE', 'Down', 'req_plans') } });
    render(<DiscoverView />);
    expect(await screen.findByText('Could not load the plans')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});

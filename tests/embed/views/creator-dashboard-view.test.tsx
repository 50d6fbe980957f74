import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CreatorDashboardView } from '../../../embed/views/creator-dashboard/creator-dashboard-view';
import { errorBody, type StubReply, stubApi } from '../support/fetch-stub';
import { offlineHealth, realHealth } from '../support/health-fixture';
import { planOverview } from '../support/plan-fixture';
import { render } from '../support/render';
import { creatorViewer } from '../support/viewer-fixture';

/** How Chronos runs is its own tab now, not a sidebar on every tab. */
async function openDiagnostics() {
  fireEvent.click(screen.getByRole('tab', { name: 'Diagnostics' }));
  return screen.findByRole('list', { name: 'Providers' });
}

function providerRows() {
  return within(screen.getByRole('list', { name: 'Providers' })).getAllByRole('listitem');
}

function stubDashboard(
  health: StubReply | StubReply[] = { body: offlineHealth() },
  viewer: StubReply | StubReply[] = { body: creatorViewer() },
) {
  return stubApi({
    '/api/viewer': viewer,
    '/api/health': health,
    '/api/videos': { body: { videos: [] } },
    '/api/dashboard/questions?limit=20': {
      body: {
        summary: { questionsThisWeek: 0, thumbsUp: 0, thumbsDown: 0, unanswered: 0 },
        questions: [],
        nextCursor: null,
      },
    },
  });
}

/** The app bar (the cards' own headers count as banners too; the app bar comes first). */
function appBar() {
  const bar = screen.getAllByRole('banner')[0];
  if (!bar) throw new Error('no app bar');
  return within(bar);
}

async function renderLoaded(companyId = 'biz_acme') {
  render(<CreatorDashboardView companyId={companyId} />);
  await screen.findAllByRole('banner');
}

describe('CreatorDashboardView', () => {
  it('shows the signed-in creator, the community and its plan, the tabs and the empty library', async () => {
    stubDashboard();
    render(<CreatorDashboardView companyId="biz_acme" />);
    expect(screen.getByText('Checking your Whop access…')).toBeTruthy();
    await screen.findAllByRole('banner');

    const bar = appBar();
    expect(bar.getByText('Acme Academy')).toBeTruthy();
    expect(bar.getByText('Free plan')).toBeTruthy();
    expect(bar.getByText('Ada Lovelace')).toBeTruthy();
    expect(bar.getByText('AL')).toBeTruthy();
    expect(bar.getByText('Creator')).toBeTruthy();
    expect(bar.queryByText('Sandbox')).toBeNull();

    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([
      'Library',
      'Lessons',
      'Plan & usage',
      'Questions',
      'Insights',
      'Assistant',
      'Diagnostics',
    ]);
    expect(await screen.findByRole('heading', { name: 'No videos yet' })).toBeTruthy();
    const stages = within(screen.getByRole('list', { name: 'Processing pipeline' })).getAllByRole('heading');
    expect(stages.map((stage) => stage.textContent)).toEqual(['Upload', 'Transcribe', 'Chunk', 'Embed']);
    expect(screen.getByRole('button', { name: 'Add captions' }).getAttribute('aria-disabled')).toBe('false');
    expect(screen.getByRole('button', { name: 'Add videos' })).toHaveProperty('disabled', false);
    // No system status beside the library.
    expect(screen.queryByRole('list', { name: 'Providers' })).toBeNull();
  });

  it('sends the company id with every request, and no experience id', async () => {
    const { calls } = stubDashboard();
    await renderLoaded('biz_acme');
    await screen.findByRole('heading', { name: 'No videos yet' });
    await openDiagnostics();
    expect(calls.map((call) => call.url).sort()).toEqual(['/api/health', '/api/videos', '/api/viewer']);
    for (const call of calls) {
      expect(call.headers.get('x-whop-company-id')).toBe('biz_acme');
      expect(call.headers.has('x-whop-experience-id')).toBe(false);
    }
  });

  it('marks a sandbox identity', async () => {
    stubDashboard(undefined, {
      body: creatorViewer({ sandbox: true, creator: { id: 'biz_acme', name: 'Acme Academy', tier: 'ENTERPRISE' } }),
    });
    await renderLoaded();
    const bar = appBar();
    expect(bar.getByText('Sandbox')).toBeTruthy();
    expect(bar.getByText('Enterprise plan')).toBeTruthy();
  });

  it('403: tells a non-admin that only admins of this company manage Chronos', async () => {
    stubDashboard(undefined, { status: 403, body: errorBody('FORBIDDEN', 'Admins only', 'req_dash_403') });
    render(<CreatorDashboardView companyId="biz_acme" />);
    expect(await screen.findByRole('heading', { name: "You don't have access" })).toBeTruthy();
    expect(screen.getByText(/Only admins of this company can manage Chronos/)).toBeTruthy();
    expect(screen.queryByRole('tab')).toBeNull();
  });

  it('401: explains how a creator opens Chronos from the Whop dashboard', async () => {
    stubDashboard(undefined, { status: 401, body: errorBody('UNAUTHENTICATED', 'No token', 'req_dash_401') });
    render(<CreatorDashboardView companyId="biz_acme" />);
    expect(await screen.findByRole('heading', { name: 'Open Chronos inside Whop' })).toBeTruthy();
    expect(screen.getByText(/open your Whop dashboard, then Chronos from your apps/)).toBeTruthy();
  });

  it('lists every provider from /api/health with its real or offline badge', async () => {
    stubDashboard();
    await renderLoaded();

    await openDiagnostics();
    const rows = providerRows();
    expect(rows).toHaveLength(6);
    expect(rows[2]?.textContent).toContain('Answers');
    expect(rows[2]?.textContent).toContain('offline-extractive');
    expect(rows.every((row) => row.textContent?.includes('Offline'))).toBe(true);
    expect(screen.getByText('Reachable')).toBeTruthy();
    expect(screen.getByText('20261124000100_core_schema')).toBeTruthy();
    expect(screen.getByText('0.1.0')).toBeTruthy();
    // What needs attention comes first, in plain words with the fix, never a variable name.
    const advice = within(screen.getByRole('list', { name: 'Needs your attention' }));
    expect(advice.getByText(/Answers are put together from your transcripts/)).toBeTruthy();
    expect(advice.getByText(/Add a .vtt or .srt captions file for each video/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/[A-Z]{3,}_[A-Z_]{3,}/);
  });

  it('marks real providers as real', async () => {
    stubDashboard({ body: realHealth() });
    await renderLoaded();
    await openDiagnostics();
    expect(screen.getByText('Everything runs on real services. Nothing needs your attention.')).toBeTruthy();
    const rows = providerRows();
    expect(rows.every((row) => row.textContent?.includes('Real'))).toBe(true);
    expect(screen.getByText('openai:text-embedding-3-small')).toBeTruthy();
  });

  it('shows the error with its request id when health fails, and loads on retry', async () => {
    const { callsTo } = stubDashboard([
      { status: 503, body: errorBody('SERVICE_UNAVAILABLE', 'The database is starting', 'req_dash_9') },
      { body: offlineHealth() },
    ]);
    await renderLoaded();
    fireEvent.click(screen.getByRole('tab', { name: 'Diagnostics' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not load system status')).toBeTruthy();
    expect(within(alert).getByText('The database is starting')).toBeTruthy();
    expect(within(alert).getByText('req_dash_9')).toBeTruthy();

    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await screen.findByRole('list', { name: 'Providers' });
    expect(callsTo('/api/health')).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('switches tabs by click and by arrow keys, showing the plan and the questions', async () => {
    stubApi({
      '/api/viewer': { body: creatorViewer() },
      '/api/health': { body: offlineHealth() },
      '/api/videos': { body: { videos: [] } },
      '/api/dashboard/plan': { body: planOverview() },
      '/api/dashboard/costs': { body: { months: [] } },
      '/api/dashboard/assistant-settings': {
        body: { name: 'Chronos', greeting: '', starters: [], teachingMode: 'answer' },
      },
      '/api/dashboard/questions?limit=20': {
        body: {
          summary: { questionsThisWeek: 0, thumbsUp: 0, thumbsDown: 0, unanswered: 0 },
          questions: [],
          nextCursor: null,
        },
      },
    });
    await renderLoaded();

    fireEvent.click(screen.getByRole('tab', { name: 'Plan & usage' }));
    const meters = await screen.findAllByRole('meter');
    expect(meters.map((meter) => meter.getAttribute('aria-label'))).toEqual(['Storage', 'Videos']);

    fireEvent.keyDown(screen.getByRole('tab', { name: 'Plan & usage' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Questions' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('heading', { name: 'No student questions yet' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Questions' }));
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Questions' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Insights' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Insights' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Assistant' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('region', { name: 'Preview: what students see' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Assistant' }), { key: 'ArrowRight' });
    expect(await screen.findByRole('list', { name: 'Providers' })).toBeTruthy();
  });
});

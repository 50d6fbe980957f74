import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CreatorDashboardView } from '../../../embed/views/creator-dashboard/creator-dashboard-view';
import type { PlanOverview } from '../../../shared/schemas/plan';
import { errorBody, type StubCall, type StubReply, stubApi } from '../support/fetch-stub';
import { offlineHealth } from '../support/health-fixture';
import { planOverview, tierConfigs } from '../support/plan-fixture';
import { render } from '../support/render';
import { creatorViewer } from '../support/viewer-fixture';

const sandboxCreator = creatorViewer({ sandbox: true });

function stubPlan(routes: Record<string, StubReply | StubReply[]>, viewer = creatorViewer()) {
  return stubApi({
    '/api/viewer': { body: viewer },
    '/api/health': { body: offlineHealth() },
    '/api/videos': { body: { videos: [] } },
    '/api/dashboard/costs': { body: { months: [] } },
    '/api/dashboard/notification-settings': {
      body: { upgradeRequests: false, unansweredQuestions: false, newLessons: false, unansweredThreshold: 3 },
    },
    ...routes,
  });
}

async function openPlanTab() {
  render(<CreatorDashboardView companyId="biz_acme" />);
  await screen.findAllByRole('banner');
  fireEvent.click(screen.getByRole('tab', { name: 'Plan & usage' }));
  await screen.findByText(/You're on the/);
}

function appBar() {
  const bar = screen.getAllByRole('banner')[0];
  if (!bar) throw new Error('no app bar');
  return within(bar);
}

function plans() {
  return within(screen.getByRole('list', { name: 'Plans' }));
}

function tierCard(name: string) {
  return within(plans().getByRole('listitem', { name }));
}

/** Focus is on an element (not the page body) that holds `element`. */
function focusIsOn(element: HTMLElement): boolean {
  const active = document.activeElement;
  return active !== null && active !== document.body && active.contains(element);
}

function jsonBody(call: StubCall | undefined): unknown {
  return JSON.parse(String(call?.init?.body));
}

const upgraded = (overrides: Partial<PlanOverview> = {}) =>
  planOverview({ tier: 'PRO', upgradeRequests: 3, ...overrides });

describe('Creator dashboard: plan & usage', () => {
  it('shows the tier, the meters, student activity, upgrade requests and every tier side by side', async () => {
    stubPlan({ '/api/dashboard/plan': { body: planOverview() } });
    await openPlanTab();

    expect(screen.getByText('Free plan', { selector: '.card__header .badge' })).toBeTruthy();
    const meters = screen.getAllByRole('meter');
    expect(meters.map((meter) => meter.getAttribute('aria-valuetext'))).toEqual(['1.2 GB of 5 GB', '4 of 10 videos']);
    expect(meters.map((meter) => meter.getAttribute('aria-valuenow'))).toEqual(['24', '40']);
    const activity = within(screen.getByLabelText('Student activity'));
    expect(activity.getByText('128')).toBeTruthy();
    expect(activity.getByText('7')).toBeTruthy();
    expect(activity.getByText('23')).toBeTruthy();
    expect(screen.getByText('3 students asked you to upgrade').closest('.callout')).not.toBeNull();
    expect(screen.queryByText('Cancels at period end')).toBeNull();

    expect(
      plans()
        .getAllByRole('listitem')
        .map((item) => item.getAttribute('aria-label')),
    ).toEqual(['Free', 'Basic', 'Pro', 'Enterprise']);
    const free = tierCard('Free');
    expect(plans().getByRole('listitem', { name: 'Free' }).getAttribute('aria-current')).toBe('true');
    expect(free.getByText('Current plan')).toBeTruthy();
    expect(free.getByText('3 per student in total')).toBeTruthy();
    expect(free.queryByRole('button')).toBeNull();
    expect(tierCard('Basic').getByText('$29 / month')).toBeTruthy();
    expect(tierCard('Basic').getByText('100 per student per day')).toBeTruthy();
    expect(tierCard('Pro').getByText('100 GB')).toBeTruthy();
    expect(tierCard('Enterprise').getAllByText('Unlimited')).toHaveLength(2);
    for (const name of ['Basic', 'Pro', 'Enterprise']) {
      expect(tierCard(name).getByRole('button', { name: `Upgrade to ${name}` })).toHaveProperty('disabled', false);
    }
  });

  it('disables tiers no Whop plan sells, and offers no upgrade to a lower tier', async () => {
    stubPlan({
      '/api/dashboard/plan': { body: planOverview({ tier: 'BASIC', tiers: tierConfigs({ PRO: 'plan_pro' }) }) },
    });
    await openPlanTab();

    expect(tierCard('Free').queryByRole('button')).toBeNull();
    expect(tierCard('Basic').queryByRole('button')).toBeNull();
    expect(tierCard('Pro').getByRole('button', { name: 'Upgrade to Pro' })).toHaveProperty('disabled', false);
    expect(tierCard('Enterprise').getByRole('button', { name: 'Not on sale yet' })).toHaveProperty('disabled', true);
    // On a paid plan the requests are a plain line, not the Free plan's callout.
    expect(screen.getByText('3 students asked you to upgrade').closest('.callout')).toBeNull();
  });

  it('says when the plan ends with the billing period', async () => {
    stubPlan({ '/api/dashboard/plan': { body: upgraded({ cancelAtPeriodEnd: true }) } });
    await openPlanTab();
    expect(screen.getByText('Cancels at period end')).toBeTruthy();
    expect(screen.getByText(/Your Pro plan stays until the end of this billing period/)).toBeTruthy();
  });

  it('in the sandbox: opens the simulated checkout, pays it, and shows the tier the webhook set', async () => {
    const { callsTo } = stubPlan(
      {
        '/api/dashboard/plan': [{ body: planOverview() }, { body: upgraded() }],
        'POST /api/dashboard/checkout': { status: 201, body: { checkoutId: 'ch_sandbox123', planId: 'plan_pro' } },
        'POST /api/sandbox/checkout/complete': { body: { status: 200, outcome: 'applied' } },
      },
      sandboxCreator,
    );
    await openPlanTab();
    expect(appBar().getByText('Free plan')).toBeTruthy();

    fireEvent.click(tierCard('Pro').getByRole('button', { name: 'Upgrade to Pro' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Sandbox checkout — no real payment' }));
    expect(jsonBody(callsTo('/api/dashboard/checkout')[0])).toEqual({ tier: 'PRO' });
    expect(dialog.getByText('Chronos Pro')).toBeTruthy();
    expect(dialog.getByText('$79 / month')).toBeTruthy();
    expect(dialog.getByText('ch_sandbox123')).toBeTruthy();
    expect(document.activeElement).toBe(dialog.getByRole('button', { name: 'Pay (simulated)' }));
    expect(callsTo('/api/sandbox/checkout/complete')).toHaveLength(0);

    fireEvent.click(dialog.getByRole('button', { name: 'Pay (simulated)' }));
    expect(await screen.findByText("You're on Pro")).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    // The upgrade button is gone with its tier; focus goes to the outcome, not the page body.
    await waitFor(() => expect(focusIsOn(screen.getByText("You're on Pro"))).toBe(true)); // focus moves in an effect, a tick after the text
    expect(jsonBody(callsTo('/api/sandbox/checkout/complete')[0])).toEqual({ checkoutId: 'ch_sandbox123' });
    expect(callsTo('/api/dashboard/plan')).toHaveLength(2);
    expect(plans().getByRole('listitem', { name: 'Pro' }).getAttribute('aria-current')).toBe('true');
    expect(tierCard('Pro').queryByRole('button')).toBeNull();
    expect(await appBar().findByText('Pro plan')).toBeTruthy();
  });

  it('in the sandbox: Cancel closes the checkout without paying', async () => {
    const { callsTo } = stubPlan(
      {
        '/api/dashboard/plan': { body: planOverview() },
        'POST /api/dashboard/checkout': { status: 201, body: { checkoutId: 'ch_1', planId: 'plan_basic' } },
      },
      sandboxCreator,
    );
    await openPlanTab();
    const upgrade = tierCard('Basic').getByRole('button', { name: 'Upgrade to Basic' });
    upgrade.focus();
    fireEvent.click(upgrade);
    const dialog = await screen.findByRole('dialog');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(tierCard('Basic').getByRole('button', { name: 'Upgrade to Basic' }));
    expect(callsTo('/api/sandbox/checkout/complete')).toHaveLength(0);
  });

  it('in the sandbox: a failed payment stays in the dialog with the request id', async () => {
    stubPlan(
      {
        '/api/dashboard/plan': { body: planOverview() },
        'POST /api/dashboard/checkout': { status: 201, body: { checkoutId: 'ch_1', planId: 'plan_pro' } },
        'POST /api/sandbox/checkout/complete': {
          status: 404,
          body: errorBody('NOT_FOUND', 'No such sandbox checkout.', 'req_pay_404'),
        },
      },
      sandboxCreator,
    );
    await openPlanTab();
    fireEvent.click(tierCard('Pro').getByRole('button', { name: 'Upgrade to Pro' }));
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.click(dialog.getByRole('button', { name: 'Pay (simulated)' }));
    const alert = within(await dialog.findByRole('alert'));
    expect(alert.getByText('The simulated payment failed')).toBeTruthy();
    expect(alert.getByText('No such sandbox checkout.')).toBeTruthy();
    expect(alert.getByText('req_pay_404')).toBeTruthy();
  });

  it('in the sandbox: "cancel plan" sends the company id and shows the fall back to Free', async () => {
    const { callsTo } = stubPlan(
      {
        '/api/dashboard/plan': [{ body: upgraded() }, { body: planOverview() }],
        'POST /api/sandbox/plan/cancel': { body: { status: 200, outcome: 'applied' } },
      },
      sandboxCreator,
    );
    await openPlanTab();
    fireEvent.click(screen.getByRole('button', { name: 'Sandbox: cancel plan' }));
    expect(await screen.findByText("You're on Free")).toBeTruthy();
    await waitFor(() => expect(focusIsOn(screen.getByText("You're on Free"))).toBe(true));
    expect(jsonBody(callsTo('/api/sandbox/plan/cancel')[0])).toEqual({ companyId: 'biz_acme' });
    expect(screen.queryByRole('button', { name: 'Sandbox: cancel plan' })).toBeNull();
  });

  it('in the sandbox: a refused cancel shows the error with its request id, where focus goes', async () => {
    stubPlan(
      {
        '/api/dashboard/plan': { body: upgraded() },
        'POST /api/sandbox/plan/cancel': {
          status: 404,
          body: errorBody('NOT_FOUND', 'This company holds no sandbox plan.', 'req_cancel_404'),
        },
      },
      sandboxCreator,
    );
    await openPlanTab();
    fireEvent.click(screen.getByRole('button', { name: 'Sandbox: cancel plan' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not cancel the sandbox plan')).toBeTruthy();
    expect(within(alert).getByText('req_cancel_404')).toBeTruthy();
    await waitFor(() => expect(focusIsOn(alert)).toBe(true));
    expect(screen.getByText('Pro plan', { selector: '.card__header .badge' })).toBeTruthy();
  });

  it('outside Whop and the sandbox: says checkout needs Whop, without creating one', async () => {
    const { callsTo } = stubPlan({ '/api/dashboard/plan': { body: planOverview() } });
    await openPlanTab();
    expect(screen.queryByRole('button', { name: 'Sandbox: cancel plan' })).toBeNull();

    fireEvent.click(tierCard('Pro').getByRole('button', { name: 'Upgrade to Pro' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Open Chronos inside Whop to upgrade')).toBeTruthy();
    expect(callsTo('/api/dashboard/checkout')).toHaveLength(0);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows a checkout error with its request id, and tries again on Retry', async () => {
    const { callsTo } = stubPlan(
      {
        '/api/dashboard/plan': { body: planOverview() },
        'POST /api/dashboard/checkout': [
          {
            status: 503,
            body: errorBody(
              'UPSTREAM_UNAVAILABLE',
              'Whop could not open the checkout. Please try again.',
              'req_ck_503',
            ),
          },
          { status: 201, body: { checkoutId: 'ch_2', planId: 'plan_pro' } },
        ],
      },
      sandboxCreator,
    );
    await openPlanTab();
    fireEvent.click(tierCard('Pro').getByRole('button', { name: 'Upgrade to Pro' }));
    const alert = within(await screen.findByRole('alert'));
    expect(alert.getByText('Could not open the Pro checkout')).toBeTruthy();
    expect(alert.getByText('req_ck_503')).toBeTruthy();

    fireEvent.click(alert.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('dialog', { name: 'Sandbox checkout — no real payment' })).toBeTruthy();
    expect(callsTo('/api/dashboard/checkout')).toHaveLength(2);
  });

  it('shows why the plan did not load, with the request id, and loads on retry', async () => {
    stubPlan({
      '/api/dashboard/plan': [
        { status: 500, body: errorBody('INTERNAL', 'Plan lookup failed', 'req_plan_500') },
        { body: planOverview() },
      ],
    });
    render(<CreatorDashboardView companyId="biz_acme" />);
    await screen.findAllByRole('banner');
    fireEvent.click(screen.getByRole('tab', { name: 'Plan & usage' }));
    const alert = within(await screen.findByRole('alert'));
    expect(alert.getByText('Could not load your plan')).toBeTruthy();
    expect(alert.getByText('req_plan_500')).toBeTruthy();
    fireEvent.click(alert.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText(/You're on the/)).toBeTruthy();
  });
});

import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CreatorDashboardView } from '../../../embed/views/creator-dashboard/creator-dashboard-view';
import { type StubReply, stubApi } from '../support/fetch-stub';
import { offlineHealth } from '../support/health-fixture';
import { planOverview } from '../support/plan-fixture';
import { render } from '../support/render';
import { creatorViewer } from '../support/viewer-fixture';

type PurchaseResult =
  | { status: 'ok'; data: { sessionId: string; receiptId: string } }
  | { status: 'error'; error: string };

// Inside Whop the hook gives the iframe SDK; here a stand-in whose checkout we control.
const whop = vi.hoisted(() => ({
  sdk: null as null | { inAppPurchase: (request: { planId: string; id?: string }) => Promise<unknown> },
}));
vi.mock('../../../embed/lib/whop-iframe', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../embed/lib/whop-iframe')>()),
  useWhopIframeSdk: () => whop.sdk,
}));

afterEach(() => {
  whop.sdk = null;
  vi.useRealTimers();
});

function checkoutWindow() {
  let close: (result: PurchaseResult) => void = () => undefined;
  const inAppPurchase = vi.fn(
    () =>
      new Promise<PurchaseResult>((resolve) => {
        close = resolve;
      }),
  );
  whop.sdk = { inAppPurchase };
  return { inAppPurchase, close: (result: PurchaseResult) => act(async () => close(result)) };
}

async function openPlanTab(plan: StubReply[]) {
  const api = stubApi({
    '/api/viewer': { body: creatorViewer() },
    '/api/health': { body: offlineHealth() },
    '/api/dashboard/plan': plan,
    'POST /api/dashboard/checkout': { status: 201, body: { checkoutId: 'ch_whop42', planId: 'plan_pro_live' } },
  });
  render(<CreatorDashboardView companyId="biz_acme" />);
  await screen.findAllByRole('banner');
  fireEvent.click(screen.getByRole('tab', { name: 'Plan & usage' }));
  await screen.findByText(/You're on the/);
  return api;
}

function upgradeToPro() {
  const plans = within(screen.getByRole('list', { name: 'Plans' }));
  return within(plans.getByRole('listitem', { name: 'Pro' })).getByRole('button', {
    name: /Upgrade to Pro|Opening checkout/,
  });
}

describe('Creator dashboard: upgrading inside Whop', () => {
  it("opens Whop's checkout with the plan and checkout id, then waits for the webhook's tier", async () => {
    const purchase = checkoutWindow();
    const { callsTo } = await openPlanTab([
      { body: planOverview() },
      // The first read after checkout still says Free: the webhook has not arrived yet.
      { body: planOverview() },
      { body: planOverview({ tier: 'PRO' }) },
    ]);
    vi.useFakeTimers({ shouldAdvanceTime: true });

    fireEvent.click(upgradeToPro());
    expect(await screen.findByText("Complete the Pro checkout in Whop's window…")).toBeTruthy();
    expect(purchase.inAppPurchase).toHaveBeenCalledTimes(1);
    expect(purchase.inAppPurchase).toHaveBeenCalledWith({ planId: 'plan_pro_live', id: 'ch_whop42' });
    expect(upgradeToPro().getAttribute('aria-disabled')).toBe('true');
    expect(screen.queryByRole('dialog')).toBeNull();

    await purchase.close({ status: 'ok', data: { sessionId: 'ses_1', receiptId: 'rec_1' } });
    expect(await screen.findByText('Waiting for Whop to confirm…')).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(await screen.findByText("You're on Pro")).toBeTruthy();
    expect(callsTo('/api/dashboard/plan')).toHaveLength(3);
    expect(screen.queryByText('Waiting for Whop to confirm…')).toBeNull();
  });

  it('waits for the webhook even when the window closes without a purchase, then says nothing changed', async () => {
    const purchase = checkoutWindow();
    const { callsTo } = await openPlanTab([{ body: planOverview() }]);
    vi.useFakeTimers({ shouldAdvanceTime: true });

    fireEvent.click(upgradeToPro());
    await screen.findByText("Complete the Pro checkout in Whop's window…");
    await purchase.close({ status: 'error', error: 'User closed the checkout' });
    expect(await screen.findByText('Waiting for Whop to confirm…')).toBeTruthy();

    await act(() => vi.advanceTimersByTimeAsync(10_500));
    expect(await screen.findByText('Checkout closed. Your plan has not changed.')).toBeTruthy();
    // The first load, then five reads over about ten seconds.
    expect(callsTo('/api/dashboard/plan')).toHaveLength(6);
    expect(upgradeToPro().getAttribute('aria-disabled')).toBe('false');
  });
});

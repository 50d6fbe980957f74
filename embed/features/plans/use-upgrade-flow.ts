import type { WhopIframeSdk } from '@whop/react/iframe';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../shared/api-error';
import type { CheckoutResponse, SandboxWebhookResult, TierConfig } from '../../../shared/schemas/plan';
import type { Tier } from '../../../shared/schemas/viewer';
import { toApiError } from '../../lib/to-api-error';
import { cancelSandboxPlan } from './api/cancel-sandbox-plan';
import { completeSandboxCheckout } from './api/complete-sandbox-checkout';
import { useReadPlanOverview } from './api/get-plan-overview';
import { startCheckout } from './api/start-checkout';
import { waitForTierChange } from './wait-for-tier-change';

/** The part of Whop's iframe SDK the upgrade needs. */
export type CheckoutSdk = Pick<WhopIframeSdk, 'inAppPurchase'>;

/** After Whop's checkout window closes: read at once, then for about 10 s in all. */
export const WHOP_CONFIRM_DELAYS = [0, 1000, 2000, 3000, 4000] as const;
/** The sandbox delivers its webhook before it answers; the extra reads are for safety. */
export const SANDBOX_CONFIRM_DELAYS = [0, 500, 1500] as const;

export type UpgradeStep =
  | { step: 'idle' }
  /** Neither Whop nor the sandbox frames the page: there is no checkout to open. */
  | { step: 'needs-whop' }
  | { step: 'starting'; tier: Tier }
  | { step: 'whop-checkout'; tier: Tier }
  | {
      step: 'sandbox-checkout';
      tier: TierConfig;
      checkout: CheckoutResponse;
      paying: boolean;
      error: ApiError | undefined;
    }
  | { step: 'cancelling' }
  | { step: 'confirming' }
  | { step: 'changed'; tier: Tier; via: 'checkout' | 'cancel' }
  /** The tier did not change in time; `closed` = the checkout was left without paying. */
  | { step: 'unconfirmed'; from: Tier; purchase: 'paid' | 'closed' | 'cancel'; outcome: string | null }
  | { step: 'error'; title: string; error: ApiError; retry: () => void };

export interface UpgradeFlowOptions {
  /** Whop's iframe SDK; null outside Whop. */
  sdk: CheckoutSdk | null;
  /** The viewer signed in through the local sandbox. */
  sandbox: boolean;
  companyId: string;
}

/**
 * Upgrading, step by step: open a Whop checkout (the iframe SDK inside Whop, a simulated
 * one in the sandbox), then wait for the webhook to change the tier, which is the only
 * thing that does: the wait re-reads the plan query on its schedule, so the page shows
 * every answer. One action at a time; a new one, or leaving the page, stops the last.
 */
export function useUpgradeFlow({ sdk, sandbox, companyId }: UpgradeFlowOptions) {
  const [state, setState] = useState<UpgradeStep>({ step: 'idle' });
  const action = useRef<AbortController | undefined>(undefined);
  const readPlan = useReadPlanOverview();
  useEffect(() => () => action.current?.abort(), []);

  /** Starts a new action; the returned `set` does nothing once a newer one started. */
  const begin = useCallback(() => {
    action.current?.abort();
    const controller = new AbortController();
    action.current = controller;
    const set = (next: UpgradeStep) => {
      if (!controller.signal.aborted) setState(next);
    };
    return { signal: controller.signal, set };
  }, []);

  const confirm = useCallback(
    async (
      from: Tier,
      how: { delays: readonly number[]; purchase: 'paid' | 'closed' | 'cancel'; outcome?: string | null },
      run = begin(),
    ) => {
      run.set({ step: 'confirming' });
      try {
        const plan = await waitForTierChange({
          from,
          delays: how.delays,
          signal: run.signal,
          fetchPlan: readPlan,
        });
        run.set(
          plan
            ? { step: 'changed', tier: plan.tier, via: how.purchase === 'cancel' ? 'cancel' : 'checkout' }
            : { step: 'unconfirmed', from, purchase: how.purchase, outcome: how.outcome ?? null },
        );
      } catch (cause) {
        if (!run.signal.aborted) {
          run.set({
            step: 'error',
            title: 'Could not check your plan',
            error: toApiError(cause),
            retry: () => void confirm(from, how),
          });
        }
      }
    },
    [begin, readPlan],
  );

  const upgrade = useCallback(
    async (target: TierConfig, from: Tier) => {
      if (target.tier === 'FREE') return;
      const run = begin();
      if (!sdk && !sandbox) {
        // Checked before asking the server: a checkout nobody can open is not worth creating.
        run.set({ step: 'needs-whop' });
        return;
      }
      run.set({ step: 'starting', tier: target.tier });
      let checkout: CheckoutResponse;
      try {
        checkout = await startCheckout({ tier: target.tier });
      } catch (cause) {
        run.set({
          step: 'error',
          title: `Could not open the ${target.displayName} checkout`,
          error: toApiError(cause),
          retry: () => void upgrade(target, from),
        });
        return;
      }
      if (!sdk) {
        run.set({ step: 'sandbox-checkout', tier: target, checkout, paying: false, error: undefined });
        return;
      }
      run.set({ step: 'whop-checkout', tier: target.tier });
      // Paid or closed, the webhook decides: wait for it either way.
      const purchase = await sdk.inAppPurchase({ planId: checkout.planId, id: checkout.checkoutId }).then(
        (result) => (result.status === 'ok' ? 'paid' : 'closed'),
        () => 'closed' as const,
      );
      if (!run.signal.aborted) await confirm(from, { delays: WHOP_CONFIRM_DELAYS, purchase }, run);
    },
    [begin, confirm, sandbox, sdk],
  );

  const paySandboxCheckout = useCallback(
    async (from: Tier) => {
      if (state.step !== 'sandbox-checkout' || state.paying) return;
      const dialog = state;
      const run = begin();
      run.set({ ...dialog, paying: true, error: undefined });
      let result: SandboxWebhookResult;
      try {
        result = await completeSandboxCheckout({ checkoutId: dialog.checkout.checkoutId });
        if (result.status >= 300) throw webhookRefused(result);
      } catch (cause) {
        run.set({ ...dialog, paying: false, error: toApiError(cause) });
        return;
      }
      await confirm(from, { delays: SANDBOX_CONFIRM_DELAYS, purchase: 'paid', outcome: result.outcome }, run);
    },
    [begin, confirm, state],
  );

  const cancelPlan = useCallback(
    async (from: Tier) => {
      const run = begin();
      run.set({ step: 'cancelling' });
      let result: SandboxWebhookResult;
      try {
        result = await cancelSandboxPlan({ companyId });
        if (result.status >= 300) throw webhookRefused(result);
      } catch (cause) {
        run.set({
          step: 'error',
          title: 'Could not cancel the sandbox plan',
          error: toApiError(cause),
          retry: () => void cancelPlan(from),
        });
        return;
      }
      await confirm(from, { delays: SANDBOX_CONFIRM_DELAYS, purchase: 'cancel', outcome: result.outcome }, run);
    },
    [begin, companyId, confirm],
  );

  const checkAgain = useCallback(
    (from: Tier) => confirm(from, { delays: WHOP_CONFIRM_DELAYS, purchase: 'paid' }),
    [confirm],
  );

  const dismiss = useCallback(() => {
    action.current?.abort();
    setState({ step: 'idle' });
  }, []);

  return { state, upgrade, paySandboxCheckout, cancelPlan, checkAgain, dismiss };
}

export type UpgradeFlow = ReturnType<typeof useUpgradeFlow>;

/** Busy steps: no second upgrade may start. */
export function isBusy(state: UpgradeStep): boolean {
  return ['starting', 'whop-checkout', 'sandbox-checkout', 'cancelling', 'confirming'].includes(state.step);
}

function webhookRefused(result: SandboxWebhookResult): ApiError {
  const outcome = result.outcome ? `: ${result.outcome}` : '';
  return new ApiError('INTERNAL', `Chronos refused the sandbox's Whop webhook (HTTP ${result.status}${outcome}).`);
}

import { useEffect, useRef } from 'react';
import type { Tier } from '../../../../shared/schemas/viewer';
import { useWhopIframeSdk } from '../../../lib/whop-iframe';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { Card } from '../../../ui/card';
import { ErrorNotice } from '../../../ui/error-notice';
import { Skeleton } from '../../../ui/skeleton';
import { usePlanOverview } from '../api/get-plan-overview';
import { planName, tierTone } from '../plan-labels';
import { isBusy, useUpgradeFlow } from '../use-upgrade-flow';
import { PlanMeters } from './plan-meters';
import { PlanSummary } from './plan-summary';
import { SandboxCheckoutDialog } from './sandbox-checkout-dialog';
import { TierGrid } from './tier-grid';
import { UpgradeRequestsCallout } from './upgrade-requests-callout';
import { isOutcome, UpgradeStatus } from './upgrade-status';
import '../plans.css';

export interface PlanAndUsageProps {
  companyId: string;
  /** The viewer came from the local sandbox: checkout is simulated, and a plan can be cancelled. */
  sandbox: boolean;
  /** The tier as last read from the server, so the page can show it elsewhere (the app bar). */
  onTierChange?: (tier: Tier) => void;
}

/** The creator's plan, what they use of it, the tiers on offer and the way up. */
export function PlanAndUsage({ companyId, sandbox, onTierChange }: PlanAndUsageProps) {
  const plan = usePlanOverview();
  const sdk = useWhopIframeSdk();
  const flow = useUpgradeFlow({ sdk, sandbox, companyId });
  const tier = plan.data?.tier;
  const status = useRef<HTMLDivElement>(null);
  const outcome = isOutcome(flow.state) ? flow.state : null;

  useEffect(() => {
    if (tier) onTierChange?.(tier);
  }, [tier, onTierChange]);

  // An outcome takes focus (and so scrolls into view): the button that started the action may
  // be far below (sandbox cancel) or gone (an upgrade button, once its tier is current).
  useEffect(() => {
    if (outcome) status.current?.focus();
  }, [outcome]);

  const overview = plan.data;
  if (!overview) {
    return (
      <Card title="Plan & usage" aria-busy={plan.isFetching}>
        {plan.status === 'error' ? (
          <ErrorNotice error={plan.error} title="Could not load your plan" onRetry={() => void plan.refetch()} />
        ) : (
          <Skeleton lines={5} label="Loading your plan" />
        )}
      </Card>
    );
  }

  const current = overview.tiers.find((config) => config.tier === overview.tier);
  const state = flow.state;
  const busy = isBusy(state);

  return (
    <div className="stack">
      <Card
        title="Plan & usage"
        aside={<Badge tone={tierTone[overview.tier]}>{planName(current, overview.tier)}</Badge>}
      >
        <div className="stack stack--tight">
          <PlanSummary overview={overview} plan={current} />
          {plan.status === 'error' ? (
            <ErrorNotice
              error={plan.error}
              title="Could not refresh your plan"
              onRetry={() => void plan.refetch()}
              compact
            />
          ) : null}
          <UpgradeRequestsCallout count={overview.upgradeRequests} tier={overview.tier} />
          <PlanMeters overview={overview} plan={current} />
        </div>
      </Card>

      <Card title="Compare plans">
        <div className="stack stack--tight">
          <div ref={status} tabIndex={-1} className="plan__status">
            <UpgradeStatus
              state={state}
              tiers={overview.tiers}
              onDismiss={flow.dismiss}
              onCheckAgain={(from) => void flow.checkAgain(from)}
            />
          </div>
          <TierGrid
            tiers={overview.tiers}
            current={overview.tier}
            busy={busy}
            opening={state.step === 'starting' ? state.tier : null}
            onUpgrade={(target) => void flow.upgrade(target, overview.tier)}
          />
        </div>
        <p className="card__note">Billed monthly through Whop; a plan change shows here once Whop confirms it.</p>
        {sandbox && overview.tier !== 'FREE' ? (
          <p className="plan__sandbox">
            <Button
              size="sm"
              variant="ghost"
              className="button--link"
              aria-disabled={busy}
              onClick={() => (busy ? undefined : void flow.cancelPlan(overview.tier))}
            >
              Sandbox: cancel plan
            </Button>
            <span>Sends Whop's membership.deactivated webhook, to try a downgrade.</span>
          </p>
        ) : null}
      </Card>

      {state.step === 'sandbox-checkout' ? (
        <SandboxCheckoutDialog
          tier={state.tier}
          checkoutId={state.checkout.checkoutId}
          paying={state.paying}
          error={state.error}
          onPay={() => void flow.paySandboxCheckout(overview.tier)}
          onCancel={flow.dismiss}
        />
      ) : null}
    </div>
  );
}

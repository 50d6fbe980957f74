import type { ReactNode } from 'react';
import type { TierConfig } from '../../../../shared/schemas/plan';
import type { Tier } from '../../../../shared/schemas/viewer';
import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';
import { Notice } from '../../../ui/notice';
import { questionsAllowance, storageAllowance, videosAllowance } from '../plan-labels';
import type { UpgradeStep } from '../use-upgrade-flow';

export interface UpgradeStatusProps {
  state: UpgradeStep;
  tiers: TierConfig[];
  onDismiss: () => void;
  onCheckAgain: (from: Tier) => void;
}

/** Steps that end an action: the place to look (and, for keyboards, to be) next. */
export function isOutcome(state: UpgradeStep): boolean {
  return ['needs-whop', 'changed', 'unconfirmed', 'error'].includes(state.step);
}

/** Where the upgrade stands: in Whop's checkout, waiting for the webhook, done, or what went wrong. */
export function UpgradeStatus({ state, tiers, onDismiss, onCheckAgain }: UpgradeStatusProps) {
  const nameOf = (tier: Tier) => tiers.find((config) => config.tier === tier)?.displayName ?? tier;
  const dismiss = (
    <Button size="sm" variant="ghost" onClick={onDismiss}>
      Dismiss
    </Button>
  );

  switch (state.step) {
    case 'idle':
    case 'starting':
    case 'sandbox-checkout':
      return null;
    case 'needs-whop':
      return (
        <Notice tone="warning" role="alert" title="Open Chronos inside Whop to upgrade" actions={dismiss}>
          Checkout is Whop's own window, so it only opens when Chronos runs in your Whop dashboard.
        </Notice>
      );
    case 'whop-checkout':
      return <Notice title={<Waiting text={`Complete the ${nameOf(state.tier)} checkout in Whop's window…`} />} />;
    case 'cancelling':
      return <Notice title={<Waiting text="Cancelling the sandbox plan…" />} />;
    case 'confirming':
      return (
        <Notice title={<Waiting text="Waiting for Whop to confirm…" />}>
          Your plan changes when Whop tells Chronos about it, usually within a few seconds.
        </Notice>
      );
    case 'changed': {
      const config = tiers.find((tier) => tier.tier === state.tier);
      return (
        <Notice tone="success" title={`You're on ${nameOf(state.tier)}`} actions={dismiss}>
          {state.via === 'cancel'
            ? `The sandbox cancelled your plan, so Chronos is back on ${nameOf(state.tier)}.`
            : config
              ? `Questions: ${questionsAllowance(config)} · Storage: ${storageAllowance(config)} · Videos: ${videosAllowance(config)}`
              : null}
        </Notice>
      );
    }
    case 'unconfirmed':
      return <Unconfirmed state={state} dismiss={dismiss} onCheckAgain={onCheckAgain} />;
    case 'error':
      return <ErrorNotice error={state.error} title={state.title} onRetry={state.retry} />;
  }
}

function Unconfirmed({
  state,
  dismiss,
  onCheckAgain,
}: {
  state: Extract<UpgradeStep, { step: 'unconfirmed' }>;
  dismiss: ReactNode;
  onCheckAgain: (from: Tier) => void;
}) {
  const outcome = state.outcome && state.outcome !== 'applied' ? ` (webhook outcome: ${state.outcome})` : '';
  if (state.purchase === 'closed') {
    return <Notice title="Checkout closed. Your plan has not changed." actions={dismiss} />;
  }
  if (state.purchase === 'cancel') {
    return <Notice tone="warning" title={`Your plan has not changed${outcome}.`} actions={dismiss} />;
  }
  return (
    <Notice
      tone="warning"
      title="Whop has not confirmed the payment yet"
      actions={
        <>
          <Button size="sm" onClick={() => onCheckAgain(state.from)}>
            Check again
          </Button>
          {dismiss}
        </>
      }
    >
      It can take a minute{outcome}. Your new plan shows here as soon as Whop tells Chronos.
    </Notice>
  );
}

function Waiting({ text }: { text: string }) {
  return (
    <span className="notice__waiting">
      {/* The notice is the live region and says it in words; the spinner is only a picture. */}
      <span className="spinner" aria-hidden="true">
        <span className="spinner__circle" />
      </span>
      <span>{text}</span>
    </span>
  );
}

import type { TierConfig } from '../../../../shared/schemas/plan';
import type { Tier } from '../../../../shared/schemas/viewer';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { Spinner } from '../../../ui/spinner';
import { formatPrice, questionsAllowance, storageAllowance, videosAllowance } from '../plan-labels';
import '../plans.css';

export interface TierGridProps {
  tiers: TierConfig[];
  current: Tier;
  /** No upgrade can start while another action runs. */
  busy: boolean;
  /** The tier whose checkout is being opened. */
  opening: Tier | null;
  onUpgrade: (tier: TierConfig) => void;
}

/** Every tier side by side, in the server's order (cheapest first); upgrades on the higher ones. */
export function TierGrid({ tiers, current, busy, opening, onUpgrade }: TierGridProps) {
  const currentIndex = tiers.findIndex((tier) => tier.tier === current);
  return (
    <ul className="tier-grid" aria-label="Plans">
      {tiers.map((tier, index) => {
        const isCurrent = tier.tier === current;
        return (
          <li
            key={tier.tier}
            className={isCurrent ? 'tier-card tier-card--current' : 'tier-card'}
            aria-current={isCurrent ? 'true' : undefined}
            aria-label={tier.displayName}
          >
            <div className="tier-card__head">
              <h3 className="tier-card__name">{tier.displayName}</h3>
              {isCurrent ? <Badge tone="accent">Current plan</Badge> : null}
            </div>
            <p className="tier-card__price">{formatPrice(tier.priceCentsMonthly)}</p>
            <dl className="tier-card__limits">
              <div>
                <dt>Storage</dt>
                <dd>{storageAllowance(tier)}</dd>
              </div>
              <div>
                <dt>Questions</dt>
                <dd>{questionsAllowance(tier)}</dd>
              </div>
              <div>
                <dt>Videos</dt>
                <dd>{videosAllowance(tier)}</dd>
              </div>
            </dl>
            {index > currentIndex && currentIndex !== -1 ? (
              <div className="tier-card__action">
                <UpgradeButton tier={tier} busy={busy} opening={opening === tier.tier} onUpgrade={onUpgrade} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function UpgradeButton({
  tier,
  busy,
  opening,
  onUpgrade,
}: {
  tier: TierConfig;
  busy: boolean;
  opening: boolean;
  onUpgrade: (tier: TierConfig) => void;
}) {
  // Honest UI: a tier no Whop plan sells cannot be bought, so say so instead of failing on click.
  if (tier.planId === null) {
    return (
      <Button disabled className="tier-card__button">
        Not on sale yet
      </Button>
    );
  }
  return (
    // aria-disabled, not disabled, while busy: the focused button keeps focus, so closing the
    // checkout dialog can give it back.
    <Button
      variant="primary"
      className="tier-card__button"
      aria-disabled={busy}
      onClick={() => (busy ? undefined : onUpgrade(tier))}
    >
      {opening ? (
        <>
          <Spinner label="Opening checkout" /> Opening checkout…
        </>
      ) : (
        `Upgrade to ${tier.displayName}`
      )}
    </Button>
  );
}

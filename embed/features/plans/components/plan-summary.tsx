import type { PlanOverview, TierConfig } from '../../../../shared/schemas/plan';
import { Badge } from '../../../ui/badge';
import { formatPrice, planName } from '../plan-labels';
import '../plans.css';

/** The tier the company is on, its price, and whether it ends with this billing period. */
export function PlanSummary({ overview, plan }: { overview: PlanOverview; plan: TierConfig | undefined }) {
  const name = planName(plan, overview.tier);
  const fallback = overview.tiers[0];
  return (
    <div className="plan-summary">
      <p className="plan-summary__line">
        You're on the <strong>{name}</strong>
        {plan ? <span className="plan-summary__price"> · {formatPrice(plan.priceCentsMonthly)}</span> : null}
      </p>
      {overview.cancelAtPeriodEnd ? (
        <p className="plan-summary__cancel">
          <Badge tone="warning">Cancels at period end</Badge>
          <span>
            Your {name} stays until the end of this billing period; then Chronos moves to the{' '}
            {planName(fallback, 'FREE')}.
          </span>
        </p>
      ) : null}
    </div>
  );
}

import { usePublicPlans } from '../../features/discover/api/get-public-plans';
import { formatPrice, questionsAllowance, storageAllowance, videosAllowance } from '../../features/plans/plan-labels';
import { ErrorNotice } from '../../ui/error-notice';
import { Skeleton } from '../../ui/skeleton';

/** The plans as the server holds them (tier_configurations), so this page never disagrees with checkout. */
export function DiscoverPlans() {
  const plans = usePublicPlans();
  if (plans.status === 'error')
    return <ErrorNotice error={plans.error} title="Could not load the plans" onRetry={() => void plans.refetch()} />;
  if (!plans.data) return <Skeleton lines={4} label="Loading the plans" />;
  return (
    <ul className="discover-plans" aria-label="Plans">
      {plans.data.tiers.map((tier) => {
        const labelled = { ...tier, planId: null };
        return (
          <li key={tier.tier} className="discover-plans__plan" aria-label={tier.displayName}>
            <h3 className="discover-plans__name">{tier.displayName}</h3>
            <p className="discover-plans__price">{formatPrice(tier.priceCentsMonthly)}</p>
            <dl className="discover-plans__limits">
              <dt>Questions</dt>
              <dd>{questionsAllowance(labelled)}</dd>
              <dt>Videos</dt>
              <dd>{videosAllowance(labelled)}</dd>
              <dt>Storage</dt>
              <dd>{storageAllowance(labelled)}</dd>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}

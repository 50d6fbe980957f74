import type { ChatUsage } from '../../../../shared/schemas/usage';
import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';
import { useCreateUpgradeRequest } from '../api/create-upgrade-request';
import '../usage.css';

export interface LimitNoticeProps {
  usage: ChatUsage;
  /** Why no question can be asked, as `limitReachedReason` says it. */
  reason: string;
  creatorName: string | null;
  role: 'creator' | 'student';
  /** Opens the limit modal (when it resets, what the plan gives). */
  onDetails: () => void;
}

/**
 * The limit, where the composer was: what happened, and the one thing the student can do
 * (ask the creator to upgrade on Free) without a modal in the way of the last answer.
 */
export function LimitNotice({ usage, reason, creatorName, role, onDetails }: LimitNoticeProps) {
  const request = useCreateUpgradeRequest();
  const name = creatorName ?? 'the creator';
  const canAsk = role === 'student' && usage.tier === 'FREE';
  return (
    <section className="limit-notice" aria-label="Question limit">
      <p className="limit-notice__reason">{reason}</p>
      <div className="limit-notice__actions">
        {canAsk && request.status !== 'success' ? (
          <Button
            size="sm"
            variant="primary"
            aria-disabled={request.status === 'pending'}
            onClick={() => request.status !== 'pending' && request.mutate()}
          >
            {request.status === 'pending' ? 'Sending…' : `Ask ${name} to upgrade`}
          </Button>
        ) : null}
        {request.status === 'success' ? (
          <p className="limit-notice__sent" role="status">
            {request.data.alreadyRequested
              ? `You already asked; ${name} has your request.`
              : `Request sent: ${name} sees it on their dashboard.`}
          </p>
        ) : null}
        <Button size="sm" variant="ghost" onClick={onDetails}>
          Details
        </Button>
      </div>
      {request.status === 'error' ? (
        <ErrorNotice compact error={request.error} onRetry={() => request.mutate()} />
      ) : null}
    </section>
  );
}

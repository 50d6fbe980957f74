import type { UseQueryResult } from '@tanstack/react-query';
import type { ChatUsage } from '../../../../shared/schemas/usage';
import { ErrorNotice } from '../../../ui/error-notice';
import { allowanceLabel } from '../usage-labels';
import '../usage.css';

export interface UsageCounterProps {
  usage: UseQueryResult<ChatUsage>;
  /** Opens the limit modal again once it was closed. */
  onShowLimit: () => void;
}

/** How many questions the student has left, next to the composer. Says nothing until it knows. */
export function UsageCounter({ usage, onShowLimit }: UsageCounterProps) {
  if (usage.status === 'error' && !usage.data) {
    return (
      <ErrorNotice
        error={usage.error}
        title="Could not load your questions left"
        onRetry={() => void usage.refetch()}
        compact
      />
    );
  }
  if (!usage.data) return null;
  const label = allowanceLabel(usage.data);
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: a polite live region named for assistive tech; role="status" would add a second status region to the chat
    <p className={`usage-counter usage-counter--${label.tone}`} aria-live="polite" aria-label="Questions left">
      <span className="usage-counter__dot" aria-hidden="true" />
      <span>{label.text}</span>
      {usage.data.remaining === 0 ? (
        <button type="button" className="usage-counter__more" onClick={onShowLimit}>
          Details
        </button>
      ) : null}
    </p>
  );
}

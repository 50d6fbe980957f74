import type { ApiError } from '../../shared/api-error';
import { Button } from './button';

export interface ErrorNoticeProps {
  error: ApiError;
  title?: string;
  onRetry?: () => void;
  /** One line, for status bars. */
  compact?: boolean;
}

/** Says what went wrong and the request id to quote when asking for help. */
export function ErrorNotice({ error, title = 'Something went wrong', onRetry, compact = false }: ErrorNoticeProps) {
  return (
    <div className={compact ? 'error-notice error-notice--compact' : 'error-notice'} role="alert">
      <div className="error-notice__text">
        {compact ? null : <p className="error-notice__title">{title}</p>}
        <p className="error-notice__message">{error.message}</p>
        {error.requestId ? (
          <p className="error-notice__meta">
            Request id <code>{error.requestId}</code>
          </p>
        ) : null}
      </div>
      {onRetry ? (
        <Button size="sm" onClick={onRetry}>
          Retry
        </Button>
      ) : null}
    </div>
  );
}

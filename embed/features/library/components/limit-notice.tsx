import type { ApiError } from '../../../../shared/api-error';
import { formatBytes } from '../../../../shared/format';
import { Button } from '../../../ui/button';
import { Notice } from '../../../ui/notice';

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** "4 of 10" from the error's details; the embed only explains a limit, the server enforces it. */
function usageLine(used: number | null, limit: number | null, format: (n: number) => string): string | null {
  if (used === null) return null;
  return `${format(used)} of ${limit === null ? 'unlimited' : format(limit)}`;
}

/** A plan limit refused the captions: what is used, what is allowed, and where to upgrade. */
export function LimitNotice({ error, onOpenPlan }: { error: ApiError; onOpenPlan?: (() => void) | undefined }) {
  const details = error.details ?? {};
  const videos = usageLine(numberOrNull(details.videoCount), numberOrNull(details.videoCountLimit), String);
  const storage = usageLine(
    numberOrNull(details.storageBytesUsed),
    numberOrNull(details.storageBytesLimit),
    formatBytes,
  );
  const title =
    error.code === 'STORAGE_LIMIT_EXCEEDED' ? 'Your plan has no storage left' : 'Your plan has no room for more videos';
  return (
    <Notice
      tone="warning"
      role="alert"
      title={title}
      actions={
        onOpenPlan ? (
          <Button size="sm" variant="primary" onClick={onOpenPlan}>
            See Plan &amp; usage
          </Button>
        ) : undefined
      }
    >
      <p>{error.message}</p>
      <dl className="limit-usage">
        {videos ? (
          <div>
            <dt>Videos</dt>
            <dd>{videos}</dd>
          </div>
        ) : null}
        {storage ? (
          <div>
            <dt>Storage</dt>
            <dd>{storage}</dd>
          </div>
        ) : null}
      </dl>
      <p>Upgrade your plan in the Plan &amp; usage tab to add more, or delete videos you no longer need.</p>
    </Notice>
  );
}

import { useRef } from 'react';
import type { ChatUsage } from '../../../../shared/schemas/usage';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { ErrorNotice } from '../../../ui/error-notice';
import { Notice } from '../../../ui/notice';
import { Spinner } from '../../../ui/spinner';
import { useCreateUpgradeRequest } from '../api/create-upgrade-request';
import { formatReset, limitTitle } from '../usage-labels';
import '../usage.css';

export interface LimitModalProps {
  usage: ChatUsage;
  /** The community's name; null reads as "the creator". */
  creatorName: string | null;
  /** Only students can ask; a creator previewing the chat is told to upgrade instead. */
  role: 'creator' | 'student';
  onClose: () => void;
}

/** Explains the question limit: when it resets, or (on Free) lets the student ask the creator to upgrade. */
export function LimitModal({ usage, creatorName: name, role, onClose }: LimitModalProps) {
  const creatorName = name ?? 'the creator';
  const request = useCreateUpgradeRequest();
  const ask = useRef<HTMLButtonElement>(null);
  const canAsk = role === 'student' && usage.tier === 'FREE' && request.status !== 'success';

  return (
    <Dialog
      title={limitTitle(usage)}
      onClose={onClose}
      initialFocus={canAsk ? ask : undefined}
      actions={
        <>
          <Button onClick={onClose}>Close</Button>
          {canAsk ? (
            <Button
              ref={ask}
              variant="primary"
              disabled={request.status === 'pending'}
              onClick={() => request.mutate()}
            >
              {request.status === 'pending' ? <Spinner label="Sending your request" /> : null}
              Ask {creatorName} to upgrade
            </Button>
          ) : null}
        </>
      }
    >
      {usage.period === 'day' ? <DailyLimit usage={usage} name={name} /> : <TotalLimit usage={usage} name={name} />}
      {role === 'creator' ? (
        <p className="limit__creator">
          You're the creator: upgrade Chronos from your Whop dashboard to give your students more questions.
        </p>
      ) : null}
      {request.status === 'success' ? (
        request.data.alreadyRequested ? (
          <Notice title="You already asked">
            {name ?? 'The creator'} has your request on their Chronos dashboard.
          </Notice>
        ) : (
          <Notice tone="success" title="Request sent — thanks!">
            {name ?? 'The creator'} sees it on their Chronos dashboard.
          </Notice>
        )
      ) : null}
      {request.status === 'error' ? (
        <ErrorNotice error={request.error} title="Could not send your request" onRetry={() => request.mutate()} />
      ) : null}
    </Dialog>
  );
}

function DailyLimit({ usage, name }: { usage: ChatUsage; name: string | null }) {
  const reset = usage.resetsAt ? formatReset(usage.resetsAt) : null;
  return (
    <>
      <p>
        {name ? `${name}'s plan` : "The creator's plan"} gives each student {usage.limit} questions a day, and you have
        asked all of today's.
      </p>
      {reset && usage.resetsAt ? (
        <p className="limit__reset">
          Resets at <time dateTime={usage.resetsAt}>{reset.clock}</time>{' '}
          <span className="limit__relative">({reset.relative})</span>
        </p>
      ) : null}
    </>
  );
}

function TotalLimit({ usage, name }: { usage: ChatUsage; name: string | null }) {
  if (usage.tier !== 'FREE')
    return (
      <p>
        {name ? `${name}'s plan` : "The creator's plan"} gives each student {usage.limit} questions in total.
      </p>
    );
  return (
    <p>
      {name ?? 'The creator'} uses Chronos's free plan, which gives each student {usage.limit} questions in total. If
      they upgrade, you can keep asking.
    </p>
  );
}

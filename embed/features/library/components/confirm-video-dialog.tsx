import { type ReactNode, useRef } from 'react';
import type { ApiError } from '../../../../shared/api-error';
import type { VideoSummary } from '../../../../shared/schemas/videos';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { ErrorNotice } from '../../../ui/error-notice';

/** What the dialog needs of a video action's mutation hook. */
interface VideoAction {
  status: string;
  error?: ApiError | undefined;
  run: (videoId: string) => Promise<unknown>;
}

export interface ConfirmVideoDialogProps {
  video: VideoSummary;
  title: string;
  confirmLabel: string;
  pendingLabel: string;
  errorTitle: string;
  danger?: boolean;
  action: VideoAction;
  onClose: () => void;
  onDone: () => void;
  children: ReactNode;
}

/**
 * Asks before an action on a video: focus starts on Cancel, the dialog cannot be
 * dismissed while the action runs, and a failure is shown in place.
 */
export function ConfirmVideoDialog({
  video,
  title,
  confirmLabel,
  pendingLabel,
  errorTitle,
  danger,
  action,
  onClose,
  onDone,
  children,
}: ConfirmVideoDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const pending = action.status === 'pending';

  async function confirm() {
    if (pending) return;
    if (await action.run(video.id)) onDone();
  }

  return (
    <Dialog
      title={title}
      onClose={onClose}
      dismissible={!pending}
      initialFocus={cancel}
      actions={
        <>
          <Button ref={cancel} onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button
            variant="primary"
            {...(danger ? { className: 'button--danger' } : {})}
            aria-disabled={pending}
            onClick={() => void confirm()}
          >
            {pending ? pendingLabel : confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      {action.status === 'error' && action.error ? <ErrorNotice error={action.error} title={errorTitle} /> : null}
    </Dialog>
  );
}

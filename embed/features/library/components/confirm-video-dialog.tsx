import type { UseMutationResult } from '@tanstack/react-query';
import { type ReactNode, useRef } from 'react';
import type { ApiError } from '../../../../shared/api-error';
import type { VideoSummary } from '../../../../shared/schemas/videos';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { ErrorNotice } from '../../../ui/error-notice';

/** A video action's mutation (`useDeleteVideo()`, `useReprocessVideo()`). */
type VideoAction = UseMutationResult<unknown, ApiError, string>;

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

  function confirm() {
    if (!pending) action.mutate(video.id, { onSuccess: onDone });
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
            onClick={confirm}
          >
            {pending ? pendingLabel : confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      {action.status === 'error' ? <ErrorNotice error={action.error} title={errorTitle} /> : null}
    </Dialog>
  );
}

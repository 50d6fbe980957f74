import { useRef } from 'react';
import type { VideoSummary } from '../../../../shared/schemas/videos';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { ErrorNotice } from '../../../ui/error-notice';
import { useDeleteVideo } from '../api/delete-video';

export interface DeleteVideoDialogProps {
  video: VideoSummary;
  onClose: () => void;
  onDeleted: () => void;
}

/** Asks before deleting, and says what goes with the video. */
export function DeleteVideoDialog({ video, onClose, onDeleted }: DeleteVideoDialogProps) {
  const remove = useDeleteVideo();
  const cancel = useRef<HTMLButtonElement>(null);
  const pending = remove.status === 'pending';

  async function confirm() {
    if (pending) return;
    if (await remove.run(video.id)) onDeleted();
  }

  return (
    <Dialog
      title={`Delete “${video.title}”?`}
      onClose={onClose}
      dismissible={!pending}
      initialFocus={cancel}
      actions={
        <>
          <Button ref={cancel} onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button variant="primary" className="button--danger" aria-disabled={pending} onClick={() => void confirm()}>
            {pending ? 'Deleting…' : 'Delete video'}
          </Button>
        </>
      }
    >
      <p>
        Its transcript and all {video.chunkCount} {video.chunkCount === 1 ? 'chunk' : 'chunks'} are removed, so students can no longer get
        answers from it, and its place in your plan's video and storage quota is freed. This cannot be undone.
      </p>
      {remove.status === 'error' ? <ErrorNotice error={remove.error} title="Could not delete the video" /> : null}
    </Dialog>
  );
}

import type { VideoSummary } from '../../../../shared/schemas/videos';
import { useDeleteVideo } from '../api/delete-video';
import { ConfirmVideoDialog } from './confirm-video-dialog';

export interface DeleteVideoDialogProps {
  video: VideoSummary;
  onClose: () => void;
  onDeleted: () => void;
}

/** Asks before deleting, and says what goes with the video. */
export function DeleteVideoDialog({ video, onClose, onDeleted }: DeleteVideoDialogProps) {
  return (
    <ConfirmVideoDialog
      video={video}
      title={`Delete “${video.title}”?`}
      confirmLabel="Delete video"
      pendingLabel="Deleting…"
      errorTitle="Could not delete the video"
      danger
      action={useDeleteVideo()}
      onClose={onClose}
      onDone={onDeleted}
    >
      <p>
        Its transcript and all {video.chunkCount} {video.chunkCount === 1 ? 'chunk' : 'chunks'} are removed, so students
        can no longer get answers from it, and its place in your plan's video and storage quota is freed. This cannot be
        undone.
      </p>
    </ConfirmVideoDialog>
  );
}

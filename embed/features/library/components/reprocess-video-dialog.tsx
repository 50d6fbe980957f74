import type { VideoSummary } from '../../../../shared/schemas/videos';
import { useReprocessVideo } from '../api/reprocess-video';
import { ConfirmVideoDialog } from './confirm-video-dialog';

export interface ReprocessVideoDialogProps {
  video: VideoSummary;
  onClose: () => void;
  onReprocessed: () => void;
}

/** Asks before redoing the pipeline, and says what it costs: students get no answers from it meanwhile. */
export function ReprocessVideoDialog({ video, onClose, onReprocessed }: ReprocessVideoDialogProps) {
  const transcribed = video.transcriptSource === 'transcription';
  return (
    <ConfirmVideoDialog
      video={video}
      title={`Reprocess “${video.title}”?`}
      confirmLabel="Reprocess"
      pendingLabel="Starting…"
      errorTitle="Could not reprocess the video"
      action={useReprocessVideo()}
      onClose={onClose}
      onDone={onReprocessed}
    >
      <p>
        Chronos {transcribed ? 'transcribes the audio again, then ' : ''}cuts the transcript into passages and indexes
        them again. Until it is done, students get no answers from this video.
        {transcribed ? ' Transcription is charged again by your provider.' : ''}
      </p>
    </ConfirmVideoDialog>
  );
}

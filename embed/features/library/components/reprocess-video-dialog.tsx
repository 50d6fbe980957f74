import { useRef } from 'react';
import type { VideoSummary } from '../../../../shared/schemas/videos';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { ErrorNotice } from '../../../ui/error-notice';
import { useReprocessVideo } from '../api/reprocess-video';

export interface ReprocessVideoDialogProps {
  video: VideoSummary;
  onClose: () => void;
  onReprocessed: () => void;
}

/** Asks before redoing the pipeline, and says what it costs: students get no answers from it meanwhile. */
export function ReprocessVideoDialog({ video, onClose, onReprocessed }: ReprocessVideoDialogProps) {
  const reprocess = useReprocessVideo();
  const cancel = useRef<HTMLButtonElement>(null);
  const pending = reprocess.status === 'pending';
  const transcribed = video.transcriptSource === 'transcription';

  async function confirm() {
    if (pending) return;
    if (await reprocess.run(video.id)) onReprocessed();
  }

  return (
    <Dialog
      title={`Reprocess “${video.title}”?`}
      onClose={onClose}
      dismissible={!pending}
      initialFocus={cancel}
      actions={
        <>
          <Button ref={cancel} onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button variant="primary" aria-disabled={pending} onClick={() => void confirm()}>
            {pending ? 'Starting…' : 'Reprocess'}
          </Button>
        </>
      }
    >
      <p>
        Chronos {transcribed ? 'transcribes the audio again, then ' : ''}cuts the transcript into passages and indexes them again. Until it is
        done, students get no answers from this video.
        {transcribed ? ' Transcription is charged again by your provider.' : ''}
      </p>
      {reprocess.status === 'error' ? <ErrorNotice error={reprocess.error} title="Could not reprocess the video" /> : null}
    </Dialog>
  );
}

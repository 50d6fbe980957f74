import { Button } from '../../../ui/button';

// Only captions can be added: video and audio need the transcription pipeline's uploads.
export const VIDEO_UPLOADS_NOT_READY = 'Video uploads arrive with the processing pipeline.';

/** "Add captions", and the video upload that is not there yet, saying why. */
export function LibraryActions({ onAddCaptions, busy }: { onAddCaptions: () => void; busy: boolean }) {
  return (
    <div className="library-actions">
      <div className="library-actions__buttons">
        <Button variant="primary" aria-disabled={busy} onClick={busy ? undefined : onAddCaptions}>
          Add captions
        </Button>
        <Button disabled>Upload video</Button>
      </div>
      <p className="library-actions__hint">{VIDEO_UPLOADS_NOT_READY}</p>
    </div>
  );
}

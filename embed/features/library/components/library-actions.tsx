import { useRef } from 'react';
import { Button } from '../../../ui/button';
import { MEDIA_ACCEPT } from '../media-files';

export interface LibraryActionsProps {
  /** Files the creator picked (videos, audio, and captions to pair with them or add alone). */
  onFiles: (files: File[]) => void;
  onAddCaptions: () => void;
  captionsBusy: boolean;
}

/** "Add videos" (a file picker for media and captions) and "Add captions" (the captions dialog). */
export function LibraryActions({ onFiles, onAddCaptions, captionsBusy }: LibraryActionsProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="library-actions">
      <div className="library-actions__buttons">
        <Button variant="primary" onClick={() => input.current?.click()}>
          Add videos
        </Button>
        <Button aria-disabled={captionsBusy} onClick={captionsBusy ? undefined : onAddCaptions}>
          Add captions
        </Button>
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Video, audio or captions files"
          accept={MEDIA_ACCEPT}
          multiple
          onChange={(event) => {
            const files = Array.from(event.currentTarget.files ?? []);
            // Cleared so that picking the same file again is a new change.
            event.currentTarget.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
      </div>
      <p className="library-actions__hint">
        Video or audio up to 20 GB, or .vtt/.srt captions. A captions file named like its video skips transcription.
      </p>
    </div>
  );
}

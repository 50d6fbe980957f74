import { type FormEvent, useId, useState } from 'react';
import type { VideoSummary } from '../../../../shared/schemas/videos';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { ErrorNotice } from '../../../ui/error-notice';
import { useRenameVideo } from '../api/rename-video';

export interface RenameVideoDialogProps {
  video: VideoSummary;
  onClose: () => void;
  onRenamed: (video: VideoSummary) => void;
}

/** A new title: Enter saves, Esc cancels. */
export function RenameVideoDialog({ video, onClose, onRenamed }: RenameVideoDialogProps) {
  const rename = useRenameVideo();
  const [title, setTitle] = useState(video.title);
  const inputId = useId();
  const pending = rename.status === 'pending';
  const empty = title.trim() === '';

  function save(event?: FormEvent) {
    event?.preventDefault();
    if (pending || empty) return;
    rename.mutate({ id: video.id, title: title.trim() }, { onSuccess: onRenamed });
  }

  return (
    <Dialog
      title="Rename video"
      onClose={onClose}
      dismissible={!pending}
      actions={
        <>
          <Button onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button variant="primary" aria-disabled={pending || empty} onClick={() => save()}>
            {pending ? 'Saving…' : 'Save'}
          </Button>
        </>
      }
    >
      <form className="captions-form" onSubmit={(event) => void save(event)} noValidate>
        <label className="captions-form__label" htmlFor={inputId}>
          Title
        </label>
        <input
          id={inputId}
          className="captions-form__input"
          value={title}
          maxLength={200}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
        {empty ? <p className="captions-form__problem">Give the video a title.</p> : null}
      </form>
      {rename.status === 'error' ? <ErrorNotice error={rename.error} title="Could not rename the video" /> : null}
    </Dialog>
  );
}

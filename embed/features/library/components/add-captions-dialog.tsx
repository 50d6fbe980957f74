import { type FormEvent, useId, useState } from 'react';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { CAPTIONS_ACCEPT, captionsFileProblem, titleFromFileName } from '../captions-file';
import type { CaptionsItem } from '../use-captions-upload';

export interface AddCaptionsDialogProps {
  /** Files dropped on the library, if that is how the dialog opened. */
  initialFiles?: readonly File[];
  onClose: () => void;
  onSubmit: (items: CaptionsItem[]) => void;
}

/**
 * Choose one or more .vtt/.srt files. Each is checked here (type, empty, 10 MB) before anything
 * is sent; one file can be given its own title, several are titled after their file names.
 */
export function AddCaptionsDialog({ initialFiles = [], onClose, onSubmit }: AddCaptionsDialogProps) {
  const [files, setFiles] = useState<readonly File[]>(initialFiles);
  const [title, setTitle] = useState(
    initialFiles.length === 1 && initialFiles[0] ? titleFromFileName(initialFiles[0].name) : '',
  );
  const inputId = useId();
  const titleId = useId();
  const checked = files.map((file) => ({ file, problem: captionsFileProblem(file) }));
  const valid = checked.filter((entry) => entry.problem === null).map((entry) => entry.file);
  const single = files.length === 1 ? valid[0] : undefined;
  const titleMissing = single !== undefined && title.trim() === '';
  const blocked = valid.length === 0 || titleMissing;

  function choose(list: FileList | null) {
    const chosen = list ? Array.from(list) : [];
    setFiles(chosen);
    setTitle(chosen.length === 1 && chosen[0] ? titleFromFileName(chosen[0].name) : '');
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (blocked) return;
    onSubmit(valid.map((file) => ({ file, title: single ? title.trim() : titleFromFileName(file.name) })));
  }

  const label = valid.length > 1 ? `Add ${valid.length} captions files` : 'Add captions';
  return (
    <Dialog
      title="Add captions"
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" aria-disabled={blocked} onClick={() => submit()}>
            {label}
          </Button>
        </>
      }
    >
      <form className="captions-form" onSubmit={submit} noValidate>
        <p>WebVTT (.vtt) or SubRip (.srt), up to 10 MB each. Each file becomes a lesson students can ask about.</p>
        <label className="captions-form__label" htmlFor={inputId}>
          Captions files
        </label>
        <input
          id={inputId}
          type="file"
          accept={CAPTIONS_ACCEPT}
          multiple
          onChange={(event) => choose(event.currentTarget.files)}
        />
        {checked.length > 0 ? (
          <ul className="captions-form__files" aria-label="Chosen files">
            {checked.map(({ file, problem }, index) => (
              <li
                key={`${file.name}-${index}`}
                className={problem ? 'captions-form__file captions-form__file--rejected' : 'captions-form__file'}
              >
                {problem ?? file.name}
              </li>
            ))}
          </ul>
        ) : null}
        {single ? (
          <>
            <label className="captions-form__label" htmlFor={titleId}>
              Title
            </label>
            <input
              id={titleId}
              className="captions-form__input"
              value={title}
              maxLength={200}
              onChange={(event) => setTitle(event.currentTarget.value)}
            />
            {titleMissing ? <p className="captions-form__problem">Give the lesson a title.</p> : null}
          </>
        ) : null}
        {files.length > 0 && valid.length === 0 ? (
          <p className="captions-form__problem">None of these files can be added.</p>
        ) : null}
      </form>
    </Dialog>
  );
}

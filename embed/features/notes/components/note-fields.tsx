import { type FormEvent, useId, useState } from 'react';
import type { ApiError } from '../../../../shared/api-error';
import { formatTimestamp } from '../../../../shared/format';
import { MAX_NOTE_CHARS, type NotePin } from '../../../../shared/schemas/notes';
import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';
import { useNoteLessonOptions } from '../api/notes';
import { parsePinTime } from '../note-pin-time';

export interface NoteDraft {
  body: string;
  pin: NotePin | null;
}

/**
 * The note's text and its optional pin (a lesson and a time, "3:14"), with Save and
 * Cancel. Saving is refused here only for what the server would refuse anyway (empty
 * text, a time that is not one); the server's error, if any, shows under the form.
 */
export function NoteFields({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial: NoteDraft;
  submitLabel: string;
  pending: boolean;
  error: ApiError | undefined;
  onSubmit: (draft: NoteDraft) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const lessons = useNoteLessonOptions();
  const [body, setBody] = useState(initial.body);
  const [videoId, setVideoId] = useState(initial.pin?.videoId ?? '');
  const [time, setTime] = useState(initial.pin ? formatTimestamp(initial.pin.startSeconds) : '0:00');
  const seconds = parsePinTime(time);
  const timeWrong = videoId !== '' && seconds === null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim() || timeWrong) return;
    onSubmit({ body: body.trim(), pin: videoId ? { videoId, startSeconds: seconds ?? 0 } : null });
  };

  return (
    <form className="note-fields" onSubmit={submit} aria-label={submitLabel}>
      <label htmlFor={`${id}-body`}>The right answer</label>
      <textarea
        id={`${id}-body`}
        className="note-fields__body"
        rows={4}
        maxLength={MAX_NOTE_CHARS}
        value={body}
        // biome-ignore lint/a11y/noAutofocus: the form opens on the creator's click; focus belongs in its first field
        autoFocus
        onChange={(e) => setBody(e.target.value)}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="note-fields__hint">
        Students see it cited as “Creator's note”. Later questions like this one find it.
      </p>
      <div className="note-fields__pin">
        <div className="note-fields__field">
          <label htmlFor={`${id}-lesson`}>Pin to a lesson (optional)</label>
          <select
            id={`${id}-lesson`}
            value={videoId}
            onChange={(e) => setVideoId(e.target.value)}
            disabled={!lessons.data}
          >
            <option value="">Not pinned</option>
            {(lessons.data ?? []).map((lesson) => (
              <option key={lesson.id} value={lesson.id}>
                {lesson.title}
              </option>
            ))}
          </select>
        </div>
        {videoId ? (
          <div className="note-fields__field">
            <label htmlFor={`${id}-time`}>At (m:ss)</label>
            <input
              id={`${id}-time`}
              inputMode="numeric"
              value={time}
              onChange={(e) => setTime(e.target.value)}
              aria-invalid={timeWrong}
              aria-describedby={timeWrong ? `${id}-time-error` : undefined}
            />
            {timeWrong ? (
              <p id={`${id}-time-error`} className="note-fields__error">
                Write the time as m:ss, e.g. 3:14.
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      {error ? <ErrorNotice error={error} title="Could not save the note" /> : null}
      <div className="note-fields__actions">
        <Button type="submit" variant="primary" disabled={pending || !body.trim() || timeWrong}>
          {pending ? 'Saving…' : submitLabel}
        </Button>
        <Button onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

import { useState } from 'react';
import { formatTimestamp } from '../../../../shared/format';
import type { CreatorNote } from '../../../../shared/schemas/notes';
import { Button } from '../../../ui/button';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorNotice } from '../../../ui/error-notice';
import { Skeleton } from '../../../ui/skeleton';
import { useDeleteNote, useNotes, useUpdateNote } from '../api/notes';
import { NoteFields } from './note-fields';
import '../notes.css';

/**
 * What the creator has taught the assistant: each note with the question it answers and
 * its pin, to edit or delete. Every note write (here, or a correction saved under a student
 * question) invalidates the list, so it is read again.
 */
export function NotesPanel() {
  const notes = useNotes();
  const list = notes.data?.notes;

  return (
    <div className="stack" aria-busy={notes.isPending}>
      {notes.status === 'error' ? (
        <ErrorNotice error={notes.error} title="Could not load your notes" onRetry={() => void notes.refetch()} />
      ) : null}
      {list === undefined ? (
        notes.isPending ? (
          <Skeleton lines={3} label="Loading your notes" />
        ) : null
      ) : list.length === 0 ? (
        <EmptyState
          title="No notes yet"
          description="When an answer is wrong, choose “Correct this answer” under it above. Your note becomes a source for later questions, cited as “Creator's note”."
        />
      ) : (
        <ul className="note-list" aria-label="Creator's notes">
          {list.map((note) => (
            <NoteItem key={note.id} note={note} />
          ))}
        </ul>
      )}
    </div>
  );
}

function NoteItem({ note }: { note: CreatorNote }) {
  const [mode, setMode] = useState<'idle' | 'edit' | 'delete'>('idle');
  const save = useUpdateNote();
  const remove = useDeleteNote();
  const about = note.question || 'a note';

  return (
    <li className="note-item">
      <p className="note-item__question">{note.question || '(no question)'}</p>
      {mode === 'edit' ? (
        <NoteFields
          initial={{
            body: note.body,
            pin: note.pin ? { videoId: note.pin.videoId, startSeconds: note.pin.startSeconds } : null,
          }}
          submitLabel="Save note"
          pending={save.status === 'pending'}
          error={save.error ?? undefined}
          onCancel={() => (save.reset(), setMode('idle'))}
          onSubmit={(draft) =>
            save.mutate({ id: note.id, body: draft.body, pin: draft.pin }, { onSuccess: () => setMode('idle') })
          }
        />
      ) : (
        <>
          <p className="note-item__body">{note.body}</p>
          <p className="note-item__meta">
            {note.pin
              ? `Pinned to ${note.pin.videoTitle} · ${formatTimestamp(note.pin.startSeconds)}`
              : 'Not pinned to a lesson'}
          </p>
        </>
      )}
      {remove.error ? <ErrorNotice error={remove.error} title="Could not delete the note" /> : null}
      {mode === 'delete' ? (
        // Its own key: a reused button would not take the focus (autoFocus acts on mount only).
        <div key="confirm" className="note-item__actions" role="group" aria-label={`Delete the note on ${about}?`}>
          <span>Delete this note? Later questions will no longer find it.</span>
          <Button
            size="sm"
            variant="primary"
            autoFocus
            disabled={remove.status === 'pending'}
            onClick={() => remove.mutate(note.id)}
          >
            Delete note
          </Button>
          <Button size="sm" onClick={() => (remove.reset(), setMode('idle'))}>
            Keep it
          </Button>
        </div>
      ) : mode === 'idle' ? (
        <div key="actions" className="note-item__actions">
          <Button size="sm" onClick={() => setMode('edit')} aria-label={`Edit the note on ${about}`}>
            Edit
          </Button>
          <Button size="sm" onClick={() => setMode('delete')} aria-label={`Delete the note on ${about}`}>
            Delete
          </Button>
        </div>
      ) : null}
    </li>
  );
}

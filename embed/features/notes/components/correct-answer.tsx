import { useState } from 'react';
import type { CreatorNote } from '../../../../shared/schemas/notes';
import { useApiMutation } from '../../../lib/use-api-mutation';
import { Button } from '../../../ui/button';
import { createNote } from '../api/notes';
import { NoteFields } from './note-fields';
import '../notes.css';

/**
 * "Mark wrong and correct", under one answer of the Questions tab: the creator writes
 * the right answer (optionally pinned to a lesson moment); it becomes a note later
 * questions find and cite as the creator's note.
 */
export function CorrectAnswer({
  messageId,
  question,
  onSaved,
}: {
  messageId: string;
  question: string;
  onSaved: (note: CreatorNote) => void;
}) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = useApiMutation(createNote);
  if (!open) {
    return (
      <div className="correct-answer">
        <Button
          size="sm"
          onClick={() => (setOpen(true), setSaved(false), save.reset())}
          aria-label={`Correct this answer: ${question || 'this question'}`}
        >
          Correct this answer
        </Button>
        {saved ? (
          <span className="correct-answer__saved" role="status">
            Saved as a creator's note.
          </span>
        ) : null}
      </div>
    );
  }
  return (
    <div className="correct-answer">
      <NoteFields
        initial={{ body: '', pin: null }}
        submitLabel="Save correction"
        pending={save.status === 'pending'}
        error={save.error}
        onCancel={() => setOpen(false)}
        onSubmit={(draft) =>
          void save.run({ messageId, body: draft.body, pin: draft.pin }).then((note) => {
            if (!note) return;
            setOpen(false);
            setSaved(true);
            onSaved(note);
          })
        }
      />
    </div>
  );
}

import { useState } from 'react';
import type { CreatorNote } from '../../../../shared/schemas/notes';
import { Button } from '../../../ui/button';
import { useCreateNote } from '../api/notes';
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
  onSaved?: (note: CreatorNote) => void;
}) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = useCreateNote();
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
        error={save.error ?? undefined}
        onCancel={() => setOpen(false)}
        onSubmit={(draft) =>
          save.mutate(
            { messageId, body: draft.body, pin: draft.pin },
            {
              onSuccess: (note) => {
                setOpen(false);
                setSaved(true);
                onSaved?.(note);
              },
            },
          )
        }
      />
    </div>
  );
}

import { type FormEvent, type RefObject, useState } from 'react';
import { formatTimestamp } from '../../../../shared/format';
import { MAX_QUESTION_CHARS } from '../../../../shared/schemas/chat';
import { Button } from '../../../ui/button';
import '../lessons.css';

export interface AskAboutMomentProps {
  /** The second the question is about: the media's time, or the line last picked. */
  seconds: number;
  onAsk: (question: string) => void;
  /** Why asking is not possible now (an answer streaming, no questions left); undefined when it is. */
  disabledReason?: string;
  inputRef?: RefObject<HTMLTextAreaElement | null>;
}

/**
 * "Ask about this moment": a question about what was just said. The second is shown
 * beside the box, so the student knows which moment the answer will start from.
 */
export function AskAboutMoment({ seconds, onAsk, disabledReason, inputRef }: AskAboutMomentProps) {
  const [draft, setDraft] = useState('');
  const question = draft.trim();
  const blocked = disabledReason !== undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!question || blocked) return;
    onAsk(question);
    setDraft('');
  };

  return (
    <form className="ask-moment" onSubmit={submit} aria-labelledby="ask-moment-title">
      <h2 id="ask-moment-title" className="lessons__heading">
        Ask about this moment <span className="ask-moment__time">at {formatTimestamp(seconds)}</span>
      </h2>
      <label htmlFor="ask-moment-input" className="visually-hidden">
        Your question about what was said at {formatTimestamp(seconds)}
      </label>
      <textarea
        id="ask-moment-input"
        ref={inputRef}
        className="ask-moment__input"
        rows={2}
        maxLength={MAX_QUESTION_CHARS}
        value={draft}
        placeholder="e.g. What does that mean? Why does it matter?"
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
        }}
        aria-describedby={blocked ? 'ask-moment-blocked' : undefined}
      />
      <div className="ask-moment__actions">
        {blocked ? (
          <p id="ask-moment-blocked" className="ask-moment__blocked">
            {disabledReason}
          </p>
        ) : null}
        <Button type="submit" variant="primary" aria-disabled={blocked || !question ? 'true' : undefined}>
          Ask
        </Button>
      </div>
    </form>
  );
}

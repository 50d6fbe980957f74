import { type FormEvent, type KeyboardEvent, type ReactNode, type RefObject, useId, useState } from 'react';
import { Button } from '../../../ui/button';
import '../chat.css';

export interface ComposerProps {
  onSend: (question: string) => void;
  /** When set, the composer is disabled and this says why. */
  disabledReason?: string;
  /**
   * An answer is streaming: the box stays editable (focus never drops to the page) but Enter does
   * not send, and the button is Stop. After Stop, focus is back in the box.
   */
  busy?: { note: string; onStop: () => void };
  value?: string;
  onValueChange?: (value: string) => void;
  /** Lets the view put focus back here (after a starter question or a past session was picked). */
  inputRef?: RefObject<HTMLTextAreaElement | null>;
  /** Shown at the start of the note line (the questions left), so the chrome stays one line. */
  aside?: ReactNode;
}

const HINT = 'Enter to send · Shift+Enter for a new line';

/** Question box: Enter sends, Shift+Enter adds a line. Controlled or not. */
export function Composer({ onSend, disabledReason, busy, value, onValueChange, inputRef, aside }: ComposerProps) {
  const [ownValue, setOwnValue] = useState('');
  const text = value ?? ownValue;
  const setText = onValueChange ?? setOwnValue;
  const disabled = disabledReason !== undefined;
  const inputId = useId();
  const noteId = useId();
  const canSend = !disabled && !busy && text.trim() !== '';

  function send() {
    if (!canSend) return;
    onSend(text.trim());
    setText('');
  }

  function stop() {
    busy?.onStop();
    inputRef?.current?.focus();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // While an IME is composing, Enter confirms the composition, not the question.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  }

  const note = disabledReason ?? busy?.note ?? HINT;
  return (
    <form className="composer" onSubmit={handleSubmit} aria-label="Ask a question">
      <label htmlFor={inputId} className="visually-hidden">
        Your question about the course
      </label>
      <div className="composer__box">
        <textarea
          ref={inputRef}
          id={inputId}
          className="composer__input"
          rows={1}
          placeholder="Ask about the course videos…"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={handleKeyDown}
          disabled={disabled}
          aria-describedby={noteId}
        />
        {busy ? (
          <Button variant="secondary" onClick={stop} aria-label="Stop answering">
            Stop
          </Button>
        ) : (
          <Button type="submit" variant="primary" disabled={!canSend} aria-label="Send question">
            Send
          </Button>
        )}
      </div>
      <div className="composer__meta">
        {aside}
        <p id={noteId} className={disabled ? 'composer__note composer__note--blocked' : 'composer__note'}>
          {note}
        </p>
      </div>
    </form>
  );
}

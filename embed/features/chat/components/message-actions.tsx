import { useState } from 'react';
import { Button } from '../../../ui/button';
import { useMessageFeedback, type FeedbackValue } from '../api/post-message-feedback';

interface MessageActionsProps {
  messageId: string | undefined;
  text: string;
  feedback: FeedbackValue;
  onFeedbackChange: (value: FeedbackValue) => void;
}

/** Copy, and thumbs up/down (pressing the pressed one clears it). */
export function MessageActions({ messageId, text, feedback, onFeedbackChange }: MessageActionsProps) {
  const mutation = useMessageFeedback();
  const [copied, setCopied] = useState(false);

  async function give(value: 1 | -1) {
    if (!messageId) return;
    const next = feedback === value ? null : value;
    const previous = feedback;
    onFeedbackChange(next);
    const saved = await mutation.run({ messageId, value: next });
    if (saved === undefined) onFeedbackChange(previous);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="message-actions">
      <Button size="sm" variant="ghost" onClick={() => void copy()} aria-label="Copy answer">
        {copied ? 'Copied' : 'Copy'}
      </Button>
      <Button size="sm" variant="ghost" aria-label="Helpful" aria-pressed={feedback === 1} disabled={!messageId} onClick={() => void give(1)}>
        👍
      </Button>
      <Button size="sm" variant="ghost" aria-label="Not helpful" aria-pressed={feedback === -1} disabled={!messageId} onClick={() => void give(-1)}>
        👎
      </Button>
      {mutation.status === 'error' ? (
        <span className="message-actions__error" role="status">
          Feedback not saved: {mutation.error.message}
        </span>
      ) : null}
    </div>
  );
}

import { useEffect, useState } from 'react';
import type { ChatSource } from '../../../../shared/schemas/chat';
import { Button } from '../../../ui/button';
import { type FeedbackValue, useMessageFeedback } from '../api/post-message-feedback';
import type { CitedMoment } from '../chat-entry';
import { copyText, plainAnswerText } from '../copy-answer';
import '../chat.css';

interface MessageActionsProps {
  messageId: string | undefined;
  text: string;
  /** The answer's sources and pinned moments: a copied "[1]" becomes "[Lesson 2 · 3:14]". */
  sources?: readonly ChatSource[];
  moments?: readonly CitedMoment[];
  feedback: FeedbackValue;
  onFeedbackChange: (value: FeedbackValue) => void;
}

/** Copy, and thumbs up/down (pressing the pressed one clears it). */
export function MessageActions({
  messageId,
  text,
  sources = [],
  moments = [],
  feedback,
  onFeedbackChange,
}: MessageActionsProps) {
  const mutation = useMessageFeedback();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  // "Copied" is a moment's confirmation, not a state: it goes back after two seconds.
  useEffect(() => {
    if (copied === 'idle') return;
    const timer = setTimeout(() => setCopied('idle'), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  function give(value: 1 | -1) {
    if (!messageId) return;
    const next = feedback === value ? null : value;
    const previous = feedback;
    onFeedbackChange(next);
    mutation.mutate({ messageId, value: next }, { onError: () => onFeedbackChange(previous) });
  }

  async function copy() {
    setCopied((await copyText(plainAnswerText(text, sources, moments))) ? 'copied' : 'failed');
  }

  return (
    <div className="message-actions">
      <Button size="sm" variant="ghost" onClick={() => void copy()} aria-label="Copy answer">
        {copied === 'copied' ? 'Copied' : 'Copy'}
      </Button>
      <Button
        size="sm"
        variant="ghost"
        aria-label="Helpful"
        aria-pressed={feedback === 1}
        disabled={!messageId}
        onClick={() => give(1)}
      >
        <svg
          width="16"
          height="16"
          viewBox="0 0 24 24"
          aria-hidden="true"
          focusable="false"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M7 10v11H4a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h3zm0 0 4-8a3 3 0 0 1 3 3v4h5.5a2 2 0 0 1 2 2.3l-1.4 8A2 2 0 0 1 18.1 21H7" />
        </svg>
      </Button>
      <Button
        size="sm"
        variant="ghost"
        aria-label="Not helpful"
        aria-pressed={feedback === -1}
        disabled={!messageId}
        onClick={() => give(-1)}
      >
        <svg
          width="16"
          height="16"
          viewBox="0 0 24 24"
          aria-hidden="true"
          focusable="false"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
          style={{ transform: 'rotate(180deg)' }}
        >
          <path d="M7 10v11H4a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h3zm0 0 4-8a3 3 0 0 1 3 3v4h5.5a2 2 0 0 1 2 2.3l-1.4 8A2 2 0 0 1 18.1 21H7" />
        </svg>
      </Button>
      {copied === 'failed' ? (
        <span className="message-actions__error" role="status">
          Could not copy here; select the text to copy it.
        </span>
      ) : null}
      {mutation.status === 'error' ? (
        <span className="message-actions__error" role="status">
          Feedback not saved: {mutation.error.message}
        </span>
      ) : null}
    </div>
  );
}

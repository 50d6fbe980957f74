import type { ChatSource } from '../../../../shared/schemas/chat';
import { ErrorNotice } from '../../../ui/error-notice';
import type { AssistantEntry } from '../chat-entry';
import { AnswerText } from './answer-text';
import { MessageActions } from './message-actions';
import { SourceList } from './source-list';
import '../chat.css';

interface AssistantMessageProps {
  entry: AssistantEntry;
  onOpenSource: (source: ChatSource) => void;
  onRetry: () => void;
  onFeedbackChange: (value: 1 | -1 | null) => void;
}

/**
 * One answer. Stop lives in the composer (one place, and focus stays there); which provider
 * answered is the creator's business (Diagnostics), not the student's.
 */
export function AssistantMessage({ entry, onOpenSource, onRetry, onFeedbackChange }: AssistantMessageProps) {
  const streaming = entry.status === 'streaming';
  const classes = ['message', 'message--assistant', entry.noAnswer ? 'message--no-answer' : '']
    .filter(Boolean)
    .join(' ');
  // A stored answer that failed (reopened later) has no error object: it still says so.
  const failedEarlier = entry.status === 'failed' && !entry.error;
  return (
    <article className={classes} aria-label="Answer" aria-busy={streaming}>
      {entry.noAnswer ? <p className="message__notice">Nothing in this course answers that yet.</p> : null}
      {entry.text === '' && streaming ? <p className="message__thinking">Searching the course videos…</p> : null}
      <AnswerText text={entry.text} sources={entry.sources} moments={entry.moments} onOpenSource={onOpenSource} />
      {entry.status === 'stopped' ? <p className="message__meta">Stopped. This question was not counted.</p> : null}
      {failedEarlier ? (
        <p className="message__meta">This answer did not finish, and its question was not counted.</p>
      ) : null}
      {entry.error ? (
        <ErrorNotice error={entry.error} title="The answer could not be completed" onRetry={onRetry} />
      ) : null}
      {!streaming && !entry.noAnswer ? (
        <SourceList sources={entry.sources} cited={entry.cited} onOpenSource={onOpenSource} />
      ) : null}
      {!streaming && entry.text !== '' ? (
        <MessageActions
          messageId={entry.messageId}
          text={entry.text}
          sources={entry.sources}
          moments={entry.moments}
          feedback={entry.feedback}
          onFeedbackChange={onFeedbackChange}
        />
      ) : null}
    </article>
  );
}

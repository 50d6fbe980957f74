import type { ChatSource } from '../../../../shared/schemas/chat';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';
import type { AssistantEntry } from '../chat-entry';
import { AnswerText } from './answer-text';
import { MessageActions } from './message-actions';
import { SourceList } from './source-list';

interface AssistantMessageProps {
  entry: AssistantEntry;
  onOpenSource: (source: ChatSource) => void;
  onStop: () => void;
  onRetry: () => void;
  onFeedbackChange: (value: 1 | -1 | null) => void;
}

export function AssistantMessage({ entry, onOpenSource, onStop, onRetry, onFeedbackChange }: AssistantMessageProps) {
  const streaming = entry.status === 'streaming';
  const classes = ['message', 'message--assistant', entry.noAnswer ? 'message--no-answer' : ''].filter(Boolean).join(' ');
  return (
    <article className={classes} aria-label="Answer" aria-busy={streaming}>
      {entry.offline ? <Badge tone="neutral">Offline answers</Badge> : null}
      {entry.noAnswer ? <p className="message__notice">Nothing in this course answers that yet.</p> : null}
      {entry.text === '' && streaming ? <p className="message__thinking">Searching the course videos…</p> : null}
      <AnswerText text={entry.text} sources={entry.sources} moments={entry.moments} onOpenSource={onOpenSource} />
      {entry.status === 'stopped' ? <p className="message__meta">Stopped.</p> : null}
      {streaming ? (
        <Button size="sm" onClick={onStop}>
          Stop
        </Button>
      ) : null}
      {entry.error ? <ErrorNotice error={entry.error} title="The answer could not be completed" onRetry={onRetry} /> : null}
      {!streaming && !entry.noAnswer ? <SourceList sources={entry.sources} cited={entry.cited} onOpenSource={onOpenSource} /> : null}
      {!streaming && entry.text !== '' ? (
        <MessageActions messageId={entry.messageId} text={entry.text} feedback={entry.feedback} onFeedbackChange={onFeedbackChange} />
      ) : null}
    </article>
  );
}

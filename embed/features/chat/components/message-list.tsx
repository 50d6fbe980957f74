import type { ChatSource } from '../../../../shared/schemas/chat';
import type { ChatStream } from '../use-chat-stream';
import { AssistantMessage } from './assistant-message';
import '../chat.css';

const announcements = {
  streaming: 'Answering…',
  complete: 'Answer ready.',
  stopped: 'Answer stopped.',
  failed: 'The answer failed.',
} as const;

/**
 * What a screen reader hears about the newest answer: when it starts and when it
 * ends, not every streamed token (a live region on the text would read it all).
 */
function latestAnswerStatus(chat: ChatStream): string {
  const last = [...chat.entries].reverse().find((entry) => entry.kind === 'assistant');
  if (!last || last.kind !== 'assistant') return '';
  if (last.status === 'complete' && last.noAnswer) return 'Answer ready: the course videos do not cover this.';
  return announcements[last.status];
}

/** The conversation: the student's questions and the answers, oldest first. */
export function MessageList({
  chat,
  onOpenSource,
  onRetry = chat.retry,
}: {
  chat: ChatStream;
  onOpenSource: (source: ChatSource) => void;
  onRetry?: (key: string) => void;
}) {
  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {latestAnswerStatus(chat)}
      </p>
      <ol className="message-list" aria-label="Messages">
        {chat.entries.map((entry) => (
          <li key={entry.key}>
            {entry.kind === 'user' ? (
              <p className="message message--user">{entry.text}</p>
            ) : (
              <AssistantMessage
                entry={entry}
                onOpenSource={onOpenSource}
                onRetry={() => onRetry(entry.key)}
                onFeedbackChange={(value) => chat.setFeedback(entry.key, value)}
              />
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

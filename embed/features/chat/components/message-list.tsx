import type { ChatSource } from '../../../../shared/schemas/chat';
import type { ChatStream } from '../use-chat-stream';
import { AssistantMessage } from './assistant-message';

/** The conversation: the student's questions and the answers, oldest first. */
export function MessageList({ chat, onOpenSource }: { chat: ChatStream; onOpenSource: (source: ChatSource) => void }) {
  return (
    <ol className="message-list" aria-label="Messages">
      {chat.entries.map((entry) => (
        <li key={entry.key}>
          {entry.kind === 'user' ? (
            <p className="message message--user">{entry.text}</p>
          ) : (
            <AssistantMessage
              entry={entry}
              onOpenSource={onOpenSource}
              onStop={chat.stop}
              onRetry={() => chat.retry(entry.key)}
              onFeedbackChange={(value) => chat.setFeedback(entry.key, value)}
            />
          )}
        </li>
      ))}
    </ol>
  );
}

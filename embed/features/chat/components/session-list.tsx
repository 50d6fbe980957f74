import type { ChatSessionSummary } from '../../../../shared/schemas/chat-history';
import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';
import { useChatSessions } from '../api/get-chat-sessions';

interface SessionListProps {
  /** Bumped after each answer so a new conversation shows up. */
  version: number;
  activeSessionId: string | undefined;
  onOpen: (sessionId: string) => void;
  onNewChat: () => void;
  disabled: boolean;
}

/** Past conversations to reopen, and "New chat". */
export function SessionList({ version, activeSessionId, onOpen, onNewChat, disabled }: SessionListProps) {
  const sessions = useChatSessions(version);
  const list: ChatSessionSummary[] = sessions.data?.sessions ?? [];
  return (
    <nav className="session-list" aria-label="Conversations">
      <Button size="sm" onClick={onNewChat} disabled={disabled}>
        New chat
      </Button>
      {sessions.status === 'error' ? <ErrorNotice compact error={sessions.error} onRetry={sessions.retry} /> : null}
      {list.length > 0 ? (
        <ul className="session-list__items">
          {list.map((session) => (
            <li key={session.id}>
              <button
                type="button"
                className="session-list__item"
                aria-current={session.id === activeSessionId ? 'true' : undefined}
                disabled={disabled}
                onClick={() => onOpen(session.id)}
              >
                {session.title}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </nav>
  );
}

import { useRef, useState } from 'react';
import type { ChatSessionSummary } from '../../../../shared/schemas/chat-history';
import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';
import { useDeleteChatSession } from '../api/delete-chat-session';
import { useChatSessions } from '../api/get-chat-sessions';

interface SessionListProps {
  /** Bumped after each answer so a new conversation shows up. */
  version: number;
  activeSessionId: string | undefined;
  onOpen: (sessionId: string) => void;
  onNewChat: () => void;
  /** A conversation was deleted (the view clears it if it was open). */
  onDeleted: (sessionId: string) => void;
  disabled: boolean;
}

/** Past conversations to reopen or delete (after a confirmation in place), and "New chat". */
export function SessionList({ version, activeSessionId, onOpen, onNewChat, onDeleted, disabled }: SessionListProps) {
  const sessions = useChatSessions(version);
  const remove = useDeleteChatSession();
  const [confirming, setConfirming] = useState<string | null>(null);
  const newChat = useRef<HTMLButtonElement>(null);
  const list: ChatSessionSummary[] = sessions.data?.sessions ?? [];

  async function confirmDelete(sessionId: string) {
    const deleted = await remove.run(sessionId);
    if (deleted === undefined) return;
    setConfirming(null);
    onDeleted(deleted);
    sessions.retry();
    newChat.current?.focus();
  }

  const pending = confirming === null ? undefined : list.find((session) => session.id === confirming);

  return (
    <>
      <nav className="session-list" aria-label="Conversations">
        <Button ref={newChat} size="sm" onClick={onNewChat} disabled={disabled}>
          New chat
        </Button>
        {sessions.status === 'error' ? <ErrorNotice compact error={sessions.error} onRetry={sessions.retry} /> : null}
        {list.length > 0 ? (
          <ul className="session-list__items">
            {list.map((session) => (
              <li key={session.id} className="session-list__entry">
                <button
                  type="button"
                  className="session-list__item"
                  aria-current={session.id === activeSessionId ? 'true' : undefined}
                  disabled={disabled}
                  onClick={() => onOpen(session.id)}
                >
                  {session.title}
                </button>
                <button
                  type="button"
                  className="session-list__delete"
                  aria-label={`Delete conversation: ${session.title}`}
                  aria-expanded={session.id === confirming}
                  title="Delete conversation"
                  disabled={disabled}
                  onClick={() => (remove.reset(), setConfirming(session.id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </nav>
      {pending ? (
        // Below the list, full width: the list scrolls sideways on a phone, a question in it would not fit.
        <div
          className="session-confirm"
          role="group"
          aria-label="Delete conversation"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setConfirming(null);
          }}
        >
          <span className="session-confirm__question">Delete “{pending.title}”? Its messages are gone for good.</span>
          <Button size="sm" variant="primary" autoFocus disabled={remove.status === 'pending'} onClick={() => void confirmDelete(pending.id)}>
            {remove.status === 'pending' ? 'Deleting…' : 'Delete'}
          </Button>
          <Button size="sm" variant="ghost" disabled={remove.status === 'pending'} onClick={() => (setConfirming(null), remove.reset())}>
            Keep
          </Button>
          {remove.status === 'error' ? <ErrorNotice compact error={remove.error} title="Could not delete the conversation" /> : null}
        </div>
      ) : null}
    </>
  );
}

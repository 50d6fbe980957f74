import { type Ref, useRef, useState } from 'react';
import type { ChatSessionSummary } from '../../../../shared/schemas/chat-history';
import { Button } from '../../../ui/button';
import { ErrorNotice } from '../../../ui/error-notice';
import { Skeleton } from '../../../ui/skeleton';
import { useDeleteChatSession } from '../api/delete-chat-session';
import { useChatSessions } from '../api/get-chat-sessions';
import { formatSessionDate } from '../session-dates';
import '../chat.css';

interface SessionListProps {
  activeSessionId: string | undefined;
  onOpen: (sessionId: string) => void;
  onNewChat: () => void;
  /** A conversation was deleted (the view clears it if it was open). */
  onDeleted: (sessionId: string) => void;
  disabled: boolean;
  /** The view moves focus here when the list opens as a drawer. */
  newChatRef?: Ref<HTMLButtonElement>;
}

/**
 * Past conversations as a list, newest first, each with its title and when it was last used:
 * reopen one, delete one (after a confirmation under it), or start a new chat. The view places
 * it (a sidebar on desktop, a drawer on phones); errors stay inside it, full width.
 */
export function SessionList({ activeSessionId, onOpen, onNewChat, onDeleted, disabled, newChatRef }: SessionListProps) {
  const sessions = useChatSessions();
  const remove = useDeleteChatSession();
  const [confirming, setConfirming] = useState<string | null>(null);
  const ownNewChat = useRef<HTMLButtonElement>(null);
  const list: ChatSessionSummary[] = sessions.data?.sessions ?? [];

  function confirmDelete(sessionId: string) {
    remove.mutate(sessionId, {
      onSuccess: (deleted) => {
        setConfirming(null);
        onDeleted(deleted);
        ownNewChat.current?.focus();
      },
    });
  }

  return (
    <nav className="history" aria-label="Conversations">
      <Button
        ref={(node) => {
          ownNewChat.current = node;
          if (typeof newChatRef === 'function') newChatRef(node);
          else if (newChatRef) newChatRef.current = node;
        }}
        size="sm"
        className="history__new"
        onClick={onNewChat}
        disabled={disabled}
      >
        New chat
      </Button>
      <h2 className="history__title">Conversations</h2>
      {sessions.status === 'error' ? (
        <ErrorNotice
          error={sessions.error}
          title="Could not load your conversations"
          onRetry={() => void sessions.refetch()}
        />
      ) : null}
      {sessions.isPending ? <Skeleton lines={3} label="Loading your conversations" /> : null}
      {sessions.data && list.length === 0 ? (
        <p className="history__empty">Your conversations will be listed here.</p>
      ) : null}
      {list.length > 0 ? (
        <ul className="history__items">
          {list.map((session) => {
            const dateId = `session-date-${session.id}`;
            return (
              <li key={session.id} className="history__entry">
                <div className="history__row">
                  <button
                    type="button"
                    className="history__item"
                    aria-current={session.id === activeSessionId ? 'true' : undefined}
                    aria-describedby={dateId}
                    disabled={disabled}
                    onClick={() => onOpen(session.id)}
                  >
                    <span className="history__item-title">{session.title}</span>
                  </button>
                  <time id={dateId} className="history__date" dateTime={session.updatedAt}>
                    {formatSessionDate(session.updatedAt)}
                  </time>
                  <button
                    type="button"
                    className="history__delete"
                    aria-label={`Delete conversation: ${session.title}`}
                    aria-expanded={session.id === confirming}
                    title="Delete conversation"
                    disabled={disabled}
                    onClick={() => (remove.reset(), setConfirming(session.id))}
                  >
                    ×
                  </button>
                </div>
                {session.id === confirming ? (
                  <div
                    className="history__confirm"
                    role="group"
                    aria-label="Delete conversation"
                    onKeyDown={(event) => {
                      if (event.key !== 'Escape') return;
                      // Handled: Esc closes this question only, not the drawer or the player around it.
                      event.preventDefault();
                      setConfirming(null);
                    }}
                  >
                    <span className="history__confirm-question">
                      Delete “{session.title}”? Its messages are gone for good.
                    </span>
                    <Button
                      size="sm"
                      variant="primary"
                      autoFocus
                      disabled={remove.status === 'pending'}
                      onClick={() => confirmDelete(session.id)}
                    >
                      {remove.status === 'pending' ? 'Deleting…' : 'Delete'}
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={remove.status === 'pending'}
                      onClick={() => (setConfirming(null), remove.reset())}
                    >
                      Keep
                    </Button>
                    {remove.status === 'error' ? (
                      <ErrorNotice compact error={remove.error} title="Could not delete the conversation" />
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </nav>
  );
}

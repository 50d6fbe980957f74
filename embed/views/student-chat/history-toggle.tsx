import type { Ref } from 'react';

/** Opens the conversations drawer; only shown on phones (student-chat.css), where the list is not beside the chat. */
export function HistoryToggle({
  open,
  onToggle,
  buttonRef,
}: {
  open: boolean;
  onToggle: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  return (
    <button
      ref={buttonRef}
      type="button"
      className="history-toggle"
      aria-expanded={open}
      aria-controls="chat-history"
      onClick={onToggle}
    >
      <svg
        width="18"
        height="18"
        viewBox="0 0 24 24"
        aria-hidden="true"
        focusable="false"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      >
        <path d="M4 6h16M4 12h16M4 18h10" />
      </svg>
      <span className="history-toggle__label">Conversations</span>
    </button>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api-error';
import type { ChatUsage } from '../../../shared/schemas/usage';
import { useChatUsage } from './api/get-chat-usage';
import { limitReachedReason, usageFromLimitError } from './usage-labels';

/**
 * The student's question allowance for the chat screen: the usage, why the composer is
 * closed (if it is), and the limit modal. The modal opens by itself once when no question
 * is left; the chat feature opens it through the view with `handleChatError`, which takes
 * the chat API's error and says whether it was the limit.
 */
export function useChatAllowance() {
  const usage = useChatUsage();
  const { replace } = usage;
  const [limitOpen, setLimitOpen] = useState(false);
  const shownForZero = useRef(false);
  const remaining = usage.data?.remaining;

  useEffect(() => {
    if (remaining !== 0) {
      shownForZero.current = false;
      return;
    }
    if (shownForZero.current) return;
    shownForZero.current = true;
    setLimitOpen(true);
  }, [remaining]);

  /** Opens the modal, showing `latest` (e.g. from a limit error) when given. */
  const showLimit = useCallback(
    (latest?: ChatUsage) => {
      if (latest) {
        // Counts as shown: the modal is opening now, the effect must not open it again.
        shownForZero.current = latest.remaining === 0;
        replace(latest);
      }
      setLimitOpen(true);
    },
    [replace],
  );

  const handleChatError = useCallback(
    (error: ApiError): boolean => {
      if (error.code !== 'CHAT_LIMIT_EXCEEDED') return false;
      showLimit(usageFromLimitError(error) ?? undefined);
      return true;
    },
    [showLimit],
  );

  const closeLimit = useCallback(() => setLimitOpen(false), []);

  return {
    usage,
    /** Set when no question is left: the composer is disabled and says this. */
    blockedReason: usage.data ? limitReachedReason(usage.data) : undefined,
    limitOpen: limitOpen && usage.data !== undefined,
    showLimit,
    closeLimit,
    handleChatError,
  };
}

export type ChatAllowance = ReturnType<typeof useChatAllowance>;

import { useCallback, useState } from 'react';
import type { ApiError } from '../../../shared/api-error';
import type { ChatUsage } from '../../../shared/schemas/usage';
import { useChatUsage } from './api/get-chat-usage';
import { limitReachedReason, usageFromLimitError } from './usage-labels';

/**
 * The student's question allowance for the chat screen: the usage, why the composer is
 * closed (if it is), and the limit modal. With no question left the view shows the limit
 * inline, in the composer's place; the modal opens only when the student tries to ask anyway
 * (`tryToAsk`), or the server refuses a question (`handleChatError` with the chat API's error).
 * It never opens by itself: a student coming back to a used-up chat can still read it.
 */
export function useChatAllowance() {
  const usage = useChatUsage();
  const { replace } = usage;
  const [limitOpen, setLimitOpen] = useState(false);

  /** Opens the modal, showing `latest` (e.g. from a limit error) when given. */
  const showLimit = useCallback(
    (latest?: ChatUsage) => {
      if (latest) replace(latest);
      setLimitOpen(true);
    },
    [replace],
  );

  const handleChatError = useCallback(
    (error: ApiError): boolean => {
      if (error.code !== 'CHAT_LIMIT_EXCEEDED') return false;
      // The usage is checked with the shared schema, which may still be on its way (lazy-schema.ts).
      void usageFromLimitError(error).then((latest) => showLimit(latest ?? undefined));
      return true;
    },
    [showLimit],
  );

  const closeLimit = useCallback(() => setLimitOpen(false), []);
  const blockedReason = usage.data ? limitReachedReason(usage.data) : undefined;

  /** The student asked (a starter, Retry): true when they may, else the modal explains why not. */
  const tryToAsk = useCallback((): boolean => {
    if (blockedReason === undefined) return true;
    setLimitOpen(true);
    return false;
  }, [blockedReason]);

  return {
    usage,
    /** Set when no question is left: the composer gives way to the limit, which says this. */
    blockedReason,
    limitOpen: limitOpen && usage.data !== undefined,
    showLimit,
    closeLimit,
    handleChatError,
    tryToAsk,
  };
}

export type ChatAllowance = ReturnType<typeof useChatAllowance>;

import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../shared/api-error';
import { isErrorCode } from '../../../shared/errors';
import type { ChatMoment, ChatStreamEvent } from '../../../shared/schemas/chat';
import type { ChatUsage } from '../../../shared/schemas/usage';
import { toApiError } from '../../lib/to-api-error';
import { getChatSession } from './api/get-chat-session';
import { postChat, STREAM_DROPPED_MESSAGE } from './api/post-chat';
import {
  type AssistantEntry,
  atMoment,
  type ChatEntry,
  entriesFromHistory,
  entryKey,
  pendingAnswer,
} from './chat-entry';

export interface ChatStreamCallbacks {
  /** The usage after this question was counted (from `meta`), then as settled (from `done`: "not covered" is given back). */
  onUsage?: (usage: ChatUsage) => void;
  /** An error before the stream; returns true when the caller showed it (e.g. the limit modal). */
  onError?: (error: ApiError) => boolean;
  /** An answer finished (done, error or stopped): e.g. refresh the session list. */
  onSettled?: () => void;
  /**
   * The answer did not arrive in full (dropped, cut off, failed or stopped): the server gave the
   * question back, so the usage `meta` announced is stale.
   */
  onGivenBack?: () => void;
}

export type ChatStreamStatus = 'idle' | 'loading' | 'streaming' | 'error';

/**
 * The conversation on screen: asks questions over `POST /api/chat`, grows the answer token by
 * token, keeps the session id so follow-ups continue it, stops on demand, and reopens past
 * conversations. Callbacks are read at call time, so the caller may pass new closures.
 */
export function useChatStream(callbacks: ChatStreamCallbacks = {}) {
  const [entries, setEntries] = useState<ChatEntry[]>([]);
  const [status, setStatus] = useState<ChatStreamStatus>('idle');
  const [loadError, setLoadError] = useState<ApiError | undefined>(undefined);
  const sessionId = useRef<string | undefined>(undefined);
  const [activeSessionId, setActiveSessionId] = useState<string | undefined>(undefined);
  const controller = useRef<AbortController | undefined>(undefined);
  const latest = useRef(callbacks);
  latest.current = callbacks;

  useEffect(() => () => controller.current?.abort(), []);

  const updateAnswer = useCallback((key: string, change: (entry: AssistantEntry) => AssistantEntry) => {
    setEntries((list) =>
      list.map((entry) => (entry.kind === 'assistant' && entry.key === key ? change(entry) : entry)),
    );
  }, []);

  const ask = useCallback(
    // `moment`: asked from a lesson page about what was just said (retrieval favours that lesson and second).
    async (question: string, options: { moment?: ChatMoment } = {}) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const answer = pendingAnswer(question);
      setEntries((list) => [...list, { kind: 'user', key: entryKey(), text: question }, answer]);
      setStatus('streaming');

      const apply = (event: ChatStreamEvent) => {
        if (abort.signal.aborted) return;
        if (event.type === 'meta') {
          sessionId.current = event.sessionId;
          setActiveSessionId(event.sessionId);
          latest.current.onUsage?.(event.usage);
          updateAnswer(answer.key, (entry) => ({
            ...entry,
            messageId: event.messageId,
            sources: event.sources,
            offline: event.answerer.mode === 'offline',
          }));
        } else if (event.type === 'token') {
          updateAnswer(answer.key, (entry) => ({ ...entry, text: entry.text + event.text }));
        } else if (event.type === 'citation') {
          // The citation names the moment that says it (not the passage's start): each marker's chip seeks to its
          // own moment; the source list plays the source's first cited moment.
          updateAnswer(answer.key, (entry) => {
            const first = !entry.cited.includes(event.n);
            const occurrence = event.occurrence ?? entry.moments.filter((m) => m.n === event.n).length;
            return {
              ...entry,
              cited: first ? [...entry.cited, event.n] : entry.cited,
              moments: [...entry.moments, { n: event.n, occurrence, startSeconds: event.startSeconds }],
              sources: first
                ? entry.sources.map((s) =>
                    s.n === event.n && s.videoId === event.videoId ? atMoment(s, event.startSeconds) : s,
                  )
                : entry.sources,
            };
          });
        } else if (event.type === 'done') {
          // The server settles the charge at the end (an answer saying "not covered" is free): its usage is the final word.
          latest.current.onUsage?.(event.usage);
          updateAnswer(answer.key, (entry) => ({ ...entry, status: 'complete', noAnswer: event.noAnswer }));
        } else {
          const error = new ApiError(isErrorCode(event.code) ? event.code : 'INTERNAL', event.message, {
            requestId: event.requestId,
          });
          updateAnswer(answer.key, (entry) => ({ ...entry, status: 'failed', error }));
        }
      };

      let failed = false;
      let delivered = false;
      const track = (event: ChatStreamEvent) => {
        if (event.type === 'done') delivered = true;
        apply(event);
      };
      try {
        await postChat(
          {
            question,
            ...(sessionId.current ? { sessionId: sessionId.current } : {}),
            ...(options.moment ? { moment: options.moment } : {}),
          },
          { onEvent: track, signal: abort.signal },
        );
        // A stream that ends without done/error was cut off.
        updateAnswer(answer.key, (entry) =>
          entry.status === 'streaming'
            ? { ...entry, status: 'failed', error: new ApiError('SERVICE_UNAVAILABLE', STREAM_DROPPED_MESSAGE) }
            : entry,
        );
      } catch (cause) {
        if (abort.signal.aborted) {
          updateAnswer(answer.key, (entry) => ({
            ...entry,
            status: entry.status === 'streaming' ? 'stopped' : entry.status,
          }));
        } else {
          failed = true;
          const error = toApiError(cause);
          latest.current.onError?.(error);
          updateAnswer(answer.key, (entry) => ({ ...entry, status: 'failed', error }));
        }
      }
      if (controller.current === abort) {
        controller.current = undefined;
        setStatus(failed ? 'error' : 'idle');
      }
      if (!delivered) latest.current.onGivenBack?.();
      latest.current.onSettled?.();
    },
    [updateAnswer],
  );

  const stop = useCallback(() => controller.current?.abort(), []);

  /** Asks a failed answer's question again, in place of the failed turn. */
  const retry = useCallback(
    (key: string) => {
      const index = entries.findIndex((entry) => entry.key === key);
      const failed = entries[index];
      if (failed?.kind !== 'assistant') return;
      setEntries((list) => list.filter((_, i) => i !== index && i !== index - 1));
      void ask(failed.question);
    },
    [entries, ask],
  );

  const newChat = useCallback(() => {
    controller.current?.abort();
    sessionId.current = undefined;
    setActiveSessionId(undefined);
    setEntries([]);
    setLoadError(undefined);
    setStatus('idle');
  }, []);

  const openSession = useCallback(async (id: string) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setStatus('loading');
    setLoadError(undefined);
    try {
      const session = await getChatSession(id, abort.signal);
      if (abort.signal.aborted) return;
      sessionId.current = session.sessionId;
      setActiveSessionId(session.sessionId);
      setEntries(entriesFromHistory(session.messages));
      setStatus('idle');
    } catch (cause) {
      if (abort.signal.aborted) return;
      setLoadError(toApiError(cause));
      setStatus('error');
    }
  }, []);

  const setFeedback = useCallback(
    (key: string, feedback: 1 | -1 | null) => updateAnswer(key, (entry) => ({ ...entry, feedback })),
    [updateAnswer],
  );

  return {
    entries,
    status,
    streaming: status === 'streaming',
    loadError,
    sessionId: activeSessionId,
    ask,
    stop,
    retry,
    newChat,
    openSession,
    setFeedback,
  };
}

export type ChatStream = ReturnType<typeof useChatStream>;

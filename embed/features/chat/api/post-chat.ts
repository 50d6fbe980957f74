import { ApiError } from '../../../../shared/api-error';
import type { ChatRequest, ChatStreamEvent } from '../../../../shared/schemas/chat';
import { createSseParser } from '../../../../shared/sse-parser';
import { errorFromResponse, UNREACHABLE_MESSAGE, withDefaultHeaders } from '../../../lib/api-client';
import { lazySchema } from '../../../lib/lazy-schema';

/**
 * The connection went away mid-answer (Wi-Fi dropped, the laptop slept, a proxy cut it). The
 * server settles an answer it could not deliver as failed and gives the question back.
 */
/** Imported beside the request (`lib/lazy-schema.ts`); every event is still checked with it. */
const EventSchema = lazySchema((schemas) => schemas.ChatStreamEvent);

export const STREAM_DROPPED_MESSAGE =
  'The connection dropped before the answer finished. This question was not counted; try again.';

export interface PostChatOptions {
  /** Each validated event, in order, as soon as it arrives. */
  onEvent: (event: ChatStreamEvent) => void;
  /** Aborting stops reading (the Stop button); the promise then rejects with the abort. */
  signal?: AbortSignal;
}

/**
 * `POST /api/chat`: asks a question and streams the answer as server-sent events.
 * Not `apiRequest`, because the body is a stream, but the same rules: same-origin path,
 * the default headers, and errors before the stream rebuilt as the shared `ApiError`
 * (403 `CHAT_LIMIT_EXCEEDED` carries `details.usage`). Resolves when the stream ends.
 */
export async function postChat(request: ChatRequest, { onEvent, signal }: PostChatOptions): Promise<void> {
  const headers = withDefaultHeaders(new Headers({ accept: 'text/event-stream', 'content-type': 'application/json' }));
  const eventSchema = EventSchema.load();
  // Settled by the stream below or ignored (an error answer, a dropped connection): never unhandled.
  eventSchema.catch(() => undefined);
  let response: Response;
  try {
    response = await fetch('/api/chat', {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify(request),
      ...(signal ? { signal } : {}),
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError('SERVICE_UNAVAILABLE', UNREACHABLE_MESSAGE, { cause });
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (!response.body) throw new ApiError('INTERNAL', 'Chronos sent an empty answer.');
  let schema: typeof ChatStreamEvent;
  try {
    schema = await eventSchema;
  } catch (cause) {
    void response.body.cancel().catch(() => undefined);
    if (signal?.aborted) throw cause;
    throw new ApiError('SERVICE_UNAVAILABLE', UNREACHABLE_MESSAGE, { cause });
  }

  const reader = response.body.getReader();
  const abort = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', abort, { once: true });
  const decoder = new TextDecoder();
  const parser = createSseParser();
  const emit = (messages: ReturnType<typeof parser.push>) => {
    for (const message of messages) onEvent(parseEvent(schema, message.data));
  };
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (cause) {
        // The browser's own words here are "network error" or "Failed to fetch": say what happened instead.
        if (signal?.aborted) throw cause;
        throw new ApiError('SERVICE_UNAVAILABLE', STREAM_DROPPED_MESSAGE, { cause });
      }
      if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
      if (chunk.done) break;
      emit(parser.push(decoder.decode(chunk.value, { stream: true })));
    }
    emit(parser.push(decoder.decode()));
    emit(parser.flush());
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

function parseEvent(schema: typeof ChatStreamEvent, data: string): ChatStreamEvent {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(
      'INTERNAL',
      'Chronos sent an answer this page does not understand. Reload to get the latest version.',
    );
  }
  return parsed.data;
}

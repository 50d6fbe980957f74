import { vi } from 'vitest';
import type { ChatSource, ChatStreamEvent } from '../../../shared/schemas/chat';
import type { ChatUsage } from '../../../shared/schemas/usage';
import { type StubReply, stubApi } from './fetch-stub';
import { freeUsage } from './plan-fixture';

export const SESSION_ID = '11111111-1111-4111-8111-111111111111';
export const MESSAGE_ID = '22222222-2222-4222-8222-222222222222';
const VIDEO_ID = '33333333-3333-4333-8333-333333333333';

export function source(n: number, overrides: Partial<ChatSource> = {}): ChatSource {
  return {
    n,
    videoId: VIDEO_ID,
    videoTitle: `Lesson ${n + 2}`,
    startSeconds: 754,
    endSeconds: 790,
    score: 0.8,
    text: `Passage ${n} about the starter.`,
    ...overrides,
  };
}

export function meta(
  usage: ChatUsage,
  overrides: Partial<Extract<ChatStreamEvent, { type: 'meta' }>> = {},
): ChatStreamEvent {
  return {
    type: 'meta',
    sessionId: SESSION_ID,
    messageId: MESSAGE_ID,
    usage,
    answerer: { name: 'offline', mode: 'offline' },
    sources: [source(1)],
    ...overrides,
  };
}

/** `done` as the server sends it; by default a charged answer leaving `usage` (the first of three free questions used). */
export const done = (noAnswer = false, usage: ChatUsage = freeUsage(1)): ChatStreamEvent => ({
  type: 'done',
  latencyMs: 12,
  inputTokens: 10,
  outputTokens: 20,
  noAnswer,
  charged: !noAnswer,
  usage,
});

/** The wire text of events, as the server writes them. */
export function sseText(events: ChatStreamEvent[]): string {
  return events.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join('');
}

/** Cuts text into pieces of the given sizes (the rest as one last piece), to split events awkwardly. */
export function splitAt(text: string, sizes: number[]): string[] {
  const pieces: string[] = [];
  let at = 0;
  for (const size of sizes) {
    pieces.push(text.slice(at, at + size));
    at += size;
  }
  if (at < text.length) pieces.push(text.slice(at));
  return pieces.filter((piece) => piece !== '');
}

/**
 * A streamed response that yields `chunks`; with `hold`, it then stays open until the request
 * is aborted (for Stop); with `drop`, the connection fails after them as a dropped network does.
 */
export function sseResponse(
  chunks: string[],
  { hold = false, drop = false, signal }: { hold?: boolean; drop?: boolean; signal?: AbortSignal | null } = {},
): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      for (const chunk of chunks) {
        controller.enqueue(encoder.encode(chunk));
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      if (drop) controller.error(new TypeError('network error'));
      else if (!hold) controller.close();
      else signal?.addEventListener('abort', () => controller.error(new DOMException('Aborted', 'AbortError')));
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

export type ChatReply = { chunks: string[]; hold?: boolean; drop?: boolean } | StubReply;

/** `stubApi` for the JSON endpoints, plus `POST /api/chat` answered by `chat` (in order, last repeats). */
export function stubChatApi(routes: Record<string, StubReply | StubReply[]>, chat: ChatReply[]) {
  // The empty state asks for starter questions drawn from the course; one is the demo's.
  const api = stubApi({
    '/api/chat/starters': {
      body: {
        starters: [
          {
            question: 'How do I know my starter is ready?',
            videoId: '00000000-0000-4000-8000-00000000000a',
            videoTitle: 'Meet your starter',
          },
        ],
      },
    },
    ...routes,
  });
  const jsonFetch = api.fetchMock;
  let served = 0;
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input) !== '/api/chat') return jsonFetch(input, init);
    api.calls.push({ url: '/api/chat', method: init?.method ?? 'GET', headers: new Headers(init?.headers), init });
    const reply = chat[Math.min(served, chat.length - 1)];
    served += 1;
    if (reply !== undefined && typeof reply === 'object' && 'chunks' in reply)
      return sseResponse(reply.chunks, {
        hold: reply.hold ?? false,
        drop: reply.drop ?? false,
        signal: init?.signal ?? null,
      });
    return toJson(reply);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { ...api, fetchMock };
}

function toJson(reply: ChatReply | undefined): Response {
  if (reply === undefined || reply === 'network-error' || 'chunks' in reply) throw new TypeError('Failed to fetch');
  return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
    status: reply.status ?? 200,
    headers: { 'content-type': 'application/json' },
  });
}

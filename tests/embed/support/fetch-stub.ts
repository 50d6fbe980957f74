import { vi } from 'vitest';

export type StubReply = { status?: number; body?: unknown; headers?: Record<string, string> } | 'network-error';

export interface StubCall {
  url: string;
  method: string;
  headers: Headers;
  init: RequestInit | undefined;
}

/**
 * Replaces `fetch` for one test. Each call takes the next reply (the last one repeats),
 * so a test can script "fail, then succeed". Calls are recorded for assertions.
 */
export function stubFetch(...replies: StubReply[]) {
  const calls: StubCall[] = [];
  let index = 0;
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(recordCall(input, init));
    const reply = replies[Math.min(index, replies.length - 1)];
    index += 1;
    if (reply === undefined) throw new Error('stubFetch needs at least one reply');
    return toResponse(reply);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

/**
 * Replaces `fetch` with one script per endpoint, for screens that call several at once.
 * Keys are `"METHOD /path"` or just `"/path"` (any method). A list of replies is played
 * in order per endpoint, the last one repeating. Anything else answers 404 NOT_FOUND,
 * which is what the server says for a route that does not exist.
 */
export function stubApi(routes: Record<string, StubReply | StubReply[]>) {
  const calls: StubCall[] = [];
  const served = new Map<string, number>();
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = recordCall(input, init);
    calls.push(call);
    const key = [`${call.method} ${call.url}`, call.url].find((candidate) => routes[candidate] !== undefined);
    const script = key === undefined ? undefined : routes[key];
    if (key === undefined || script === undefined) {
      return toResponse({
        status: 404,
        body: errorBody('NOT_FOUND', `No route ${call.method} ${call.url}`, 'req_stub_404'),
      });
    }
    const replies = Array.isArray(script) ? script : [script];
    const count = served.get(key) ?? 0;
    served.set(key, count + 1);
    const reply = replies[Math.min(count, replies.length - 1)];
    if (reply === undefined) throw new Error(`stubApi: no reply scripted for ${key}`);
    return toResponse(reply);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock, callsTo: (url: string) => calls.filter((call) => call.url === url) };
}

export function errorBody(code: string, message: string, requestId: string) {
  return { error: { code, message, requestId } };
}

function recordCall(input: RequestInfo | URL, init: RequestInit | undefined): StubCall {
  return { url: String(input), method: init?.method ?? 'GET', headers: new Headers(init?.headers), init };
}

function toResponse(reply: StubReply): Response {
  if (reply === 'network-error') throw new TypeError('Failed to fetch');
  const text = typeof reply.body === 'string' ? reply.body : reply.body === undefined ? '' : JSON.stringify(reply.body);
  return new Response(text === '' ? null : text, {
    status: reply.status ?? 200,
    headers: { 'content-type': 'application/json', ...reply.headers },
  });
}

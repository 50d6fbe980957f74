import { type Agent, request } from 'node:http';
import { createSseParser } from '../../shared/sse-parser';

/**
 * Reads a chat response the way the embed does (server-sent events over fetch),
 * timing the first byte and the `meta` event, and collecting the event types.
 */
export interface ReadChatStream {
  status: number;
  firstByteMs: number;
  metaMs: number;
  totalMs: number;
  events: string[];
  /** The `meta` event's data (session, usage, sources), parsed. */
  meta: { sources?: { videoTitle: string }[] } | null;
  /** The last event's data when it was an `error` (or the JSON error body of a non-200). */
  error: string | null;
}

/**
 * What a chat stream's bytes say, as they arrive: the first byte's and the `meta` event's
 * times (from `startedAt`), the event types, the meta and the last error. Fed by either
 * reader below (fetch as the embed reads it, or node:http as the load client does).
 */
function chatStreamCollector(startedAt: number) {
  const events: string[] = [];
  let firstByteMs = Number.NaN;
  let metaMs = Number.NaN;
  const parser = createSseParser();
  let error: string | null = null;
  let meta: ReadChatStream['meta'] = null;
  return {
    push(text: string) {
      // The first byte may be only the server's ": accepted" comment: the stream is open.
      if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - startedAt;
      for (const message of parser.push(text)) {
        events.push(message.event);
        if (message.event === 'meta' && Number.isNaN(metaMs)) {
          metaMs = performance.now() - startedAt;
          meta = JSON.parse(message.data) as ReadChatStream['meta'];
        }
        if (message.event === 'error') error = message.data;
      }
    },
    end(status: number): ReadChatStream {
      return { status, firstByteMs, metaMs, totalMs: performance.now() - startedAt, events, meta, error };
    },
  };
}

/** A response that is not a stream: its status and body, timed at the headers. */
function refused(status: number, headersMs: number, body: string, startedAt: number): ReadChatStream {
  const at = performance.now() - startedAt;
  return { status, firstByteMs: headersMs, metaMs: at, totalMs: at, events: [], meta: null, error: body };
}

export async function readChatStream(response: Response, startedAt: number): Promise<ReadChatStream> {
  const headersMs = performance.now() - startedAt;
  if (response.status !== 200 || !response.body) {
    return refused(response.status, headersMs, await response.text(), startedAt);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const stream = chatStreamCollector(startedAt);
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    stream.push(value);
  }
  return stream.end(response.status);
}

/**
 * The same over node:http: a request sent and its stream read with the least work a
 * client can do (no WHATWG Request, Response or streams), as load generators are written.
 */
export function readChatStreamOverHttp(
  url: URL,
  init: { method?: string; headers?: Record<string, string>; body?: string },
  agent: Agent,
): Promise<ReadChatStream> {
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (res) => {
      const status = res.statusCode ?? 0;
      const headersMs = performance.now() - startedAt;
      res.setEncoding('utf8');
      if (status !== 200) {
        let body = '';
        res.on('data', (text: string) => {
          body += text;
        });
        res.on('end', () => resolve(refused(status, headersMs, body, startedAt)));
      } else {
        const stream = chatStreamCollector(startedAt);
        res.on('data', (text: string) => stream.push(text));
        res.on('end', () => resolve(stream.end(status)));
      }
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** A question answered end to end: 200, a meta event, and `done` (not `error`) last. */
export const completed = (r: ReadChatStream) =>
  r.status === 200 && r.events[0] === 'meta' && r.events.at(-1) === 'done';

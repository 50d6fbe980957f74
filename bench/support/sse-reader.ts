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

import { createSseParser } from '../../shared/sse-parser';

export async function readChatStream(response: Response, startedAt: number): Promise<ReadChatStream> {
  const headersMs = performance.now() - startedAt;
  if (response.status !== 200 || !response.body) {
    const body = await response.text();
    const at = performance.now() - startedAt;
    return {
      status: response.status,
      firstByteMs: headersMs,
      metaMs: at,
      totalMs: at,
      events: [],
      meta: null,
      error: body,
    };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const events: string[] = [];
  let firstByteMs = Number.NaN;
  let metaMs = Number.NaN;
  const parser = createSseParser();
  let error: string | null = null;
  let meta: ReadChatStream['meta'] = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    // The first byte may be only the server's ": accepted" comment: the stream is open.
    if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - startedAt;
    for (const message of parser.push(value)) {
      events.push(message.event);
      if (message.event === 'meta' && Number.isNaN(metaMs)) {
        metaMs = performance.now() - startedAt;
        meta = JSON.parse(message.data) as ReadChatStream['meta'];
      }
      if (message.event === 'error') error = message.data;
    }
  }
  return { status: response.status, firstByteMs, metaMs, totalMs: performance.now() - startedAt, events, meta, error };
}

/** A question answered end to end: 200, a meta event, and `done` (not `error`) last. */
export const completed = (r: ReadChatStream) =>
  r.status === 200 && r.events[0] === 'meta' && r.events.at(-1) === 'done';

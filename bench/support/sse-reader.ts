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
  let buffer = '';
  let error: string | null = null;
  let meta: ReadChatStream['meta'] = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - startedAt;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      // A comment-only frame (the server's ": accepted" when the stream opens) is no event.
      if (frame.split('\n').every((line) => line.startsWith(':'))) continue;
      const type = /^event: (.+)$/m.exec(frame)?.[1] ?? 'message';
      events.push(type);
      if (type === 'meta' && Number.isNaN(metaMs)) {
        metaMs = performance.now() - startedAt;
        meta = JSON.parse(/^data: (.*)$/m.exec(frame)?.[1] ?? 'null') as ReadChatStream['meta'];
      }
      if (type === 'error') error = /^data: (.*)$/m.exec(frame)?.[1] ?? 'error';
    }
  }
  return { status: response.status, firstByteMs, metaMs, totalMs: performance.now() - startedAt, events, meta, error };
}

/** A question answered end to end: 200, a meta event, and `done` (not `error`) last. */
export const completed = (r: ReadChatStream) =>
  r.status === 200 && r.events[0] === 'meta' && r.events.at(-1) === 'done';

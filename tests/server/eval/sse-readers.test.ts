import { describe, expect, it } from 'vitest';
import { readChatAnswer } from '../../../bench/eval/read-chat-answer';
import { completed, readChatStream } from '../../../bench/support/sse-reader';

/** A chat stream as the server writes it, cut into chunks at awkward places (inside a line, inside `\n\n`). */
function chunkedStream(): Response {
  const text = [
    ': accepted\n\n',
    `event: meta\ndata: ${JSON.stringify({ type: 'meta', sessionId: 's', sources: [{ videoTitle: 'Lesson 1' }] })}\n\n`,
    `event: token\ndata: ${JSON.stringify({ type: 'token', text: 'Hello ' })}\n\n`,
    `event: citation\ndata: ${JSON.stringify({ type: 'citation', n: 1, videoTitle: 'Lesson 1', startSeconds: 12 })}\n\n`,
    `event: token\ndata: ${JSON.stringify({ type: 'token', text: 'world' })}\n\n`,
    `event: done\ndata: ${JSON.stringify({ type: 'done', charged: true })}\n\n`,
  ].join('');
  const cuts = [3, 15, 16, 40, 90, 91, 92, 150, text.length];
  const encoder = new TextEncoder();
  let from = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const to = cuts.shift();
      if (to === undefined) return controller.close();
      controller.enqueue(encoder.encode(text.slice(from, to)));
      from = to;
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

describe("the benchmark's and the eval's stream readers (the shared SSE parser)", () => {
  it('readChatStream: a comment opens the stream, then the events in order, meta parsed', async () => {
    const read = await readChatStream(chunkedStream(), performance.now());
    expect(read.events).toEqual(['meta', 'token', 'citation', 'token', 'done']);
    expect(read.meta?.sources).toEqual([{ videoTitle: 'Lesson 1' }]);
    expect(read.error).toBeNull();
    expect(Number.isFinite(read.firstByteMs) && read.firstByteMs <= read.metaMs).toBe(true);
    expect(completed(read)).toBe(true);
  });

  it('readChatAnswer: text, citations and done, whatever the chunking', async () => {
    const answer = await readChatAnswer(chunkedStream(), performance.now());
    expect(answer.text).toBe('Hello world');
    expect(answer.citations).toEqual([{ n: 1, videoTitle: 'Lesson 1', startSeconds: 12 }]);
    expect(answer.done).toEqual({ charged: true });
    expect(answer.sources).toEqual([{ videoTitle: 'Lesson 1' }]);
  });
});

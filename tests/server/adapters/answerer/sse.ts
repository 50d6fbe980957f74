import { HttpResponse } from 'msw';
import type { AnswerEvent } from '../../../../server/ports/answerer';

const encoder = new TextEncoder();

/**
 * A text/event-stream response sent in pieces, as a network delivers it. With
 * `cut`, the connection breaks after the pieces (the body errors mid-read), as
 * when a provider or proxy drops it.
 */
export function sseResponse(pieces: string[], options: { cut?: boolean; status?: number } = {}) {
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      for (const piece of pieces) {
        controller.enqueue(encoder.encode(piece));
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      if (options.cut) controller.error(new Error('socket hang up'));
      else controller.close();
    },
  });
  return new HttpResponse(body, {
    status: options.status ?? 200,
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
  });
}

export interface Collected {
  text: string;
  texts: string[];
  usage?: { inputTokens: number; outputTokens: number };
  error?: unknown;
}

/** Drains an answer stream, keeping what arrived before any error. */
export async function collect(stream: AsyncIterable<AnswerEvent>): Promise<Collected> {
  const result: Collected = { text: '', texts: [] };
  try {
    for await (const event of stream) {
      if (event.type === 'text') result.texts.push(event.text);
      else result.usage = { inputTokens: event.inputTokens, outputTokens: event.outputTokens };
    }
  } catch (err) {
    result.error = err;
  }
  result.text = result.texts.join('');
  return result;
}

export const SOURCES = [
  {
    n: 1,
    videoTitle: 'Lesson 1: Index funds and fees',
    startSeconds: 35,
    endSeconds: 79,
    text: 'That cost is called the expense ratio.',
  },
  {
    n: 2,
    videoTitle: 'Lesson 2: Compound interest',
    startSeconds: 0,
    endSeconds: 46,
    text: 'Compound interest is the reason starting early matters.',
  },
];

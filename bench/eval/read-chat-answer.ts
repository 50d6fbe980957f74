import type { ChatSource, ChatStreamEvent } from '../../shared/schemas/chat';
import { createSseParser } from '../../shared/sse-parser';

type Event<T extends ChatStreamEvent['type']> = Extract<ChatStreamEvent, { type: T }>;

/** One chat answer as the embed sees it: every event of the stream, kept (bench/support/sse-reader.ts keeps only meta and the types). */
export interface ChatAnswer {
  status: number;
  totalMs: number;
  sources: ChatSource[];
  citations: Omit<Event<'citation'>, 'type'>[];
  text: string;
  done: Omit<Event<'done'>, 'type'> | null;
  /** The error event, or a non-200 body. */
  error: string | null;
}

export async function readChatAnswer(response: Response, startedAt: number): Promise<ChatAnswer> {
  const answer: ChatAnswer = {
    status: response.status,
    totalMs: 0,
    sources: [],
    citations: [],
    text: '',
    done: null,
    error: null,
  };
  if (response.status !== 200 || !response.body) {
    answer.error = await response.text();
    answer.totalMs = performance.now() - startedAt;
    return answer;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = createSseParser();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    for (const message of parser.push(value)) {
      // Fields other helpers add (e.g. `charged` on done, sentence ranges on citations) ride along untouched.
      const event = JSON.parse(message.data) as ChatStreamEvent;
      if (event.type === 'meta') answer.sources = event.sources;
      else if (event.type === 'token') answer.text += event.text;
      else if (event.type === 'citation') {
        const { type: _type, ...citation } = event;
        answer.citations.push(citation);
      } else if (event.type === 'done') {
        const { type: _type, ...done } = event;
        answer.done = done;
      } else if (event.type === 'error') answer.error = `${event.code}: ${event.message}`;
    }
  }
  answer.totalMs = performance.now() - startedAt;
  return answer;
}

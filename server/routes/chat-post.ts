import type { Handler } from 'hono';
import { streamSSE } from 'hono/streaming';
import { ChatRequest, type ChatStreamEvent } from '../../shared/schemas/chat';
import type { AppDeps } from '../app';
import { openQuestion, type PreparedQuestion, prepareAnswer } from '../domain/chat/start-question';
import { streamAnswer } from '../domain/chat/stream-answer';
import type { AdmissionGate } from '../http/admission-first';
import type { AppEnv } from '../http/context';
import { toApiError } from '../http/on-error';
import { readJson } from '../http/read-json';
import { checkContentGaps } from './content-gap-check';

/**
 * POST /api/chat — server-sent events (see ChatStreamEvent in shared/schemas/chat.ts).
 * Validation, the session and the quota are decided before the stream opens, so their
 * errors are ordinary JSON errors (e.g. 403 CHAT_LIMIT_EXCEEDED with usage). The stream
 * then opens at once (an SSE comment: headers and a first byte through any proxy) and
 * the search runs behind it; a failure there is the stream's `error` event, and the
 * question is given back (prepareAnswer abandons it). The search starts once no other
 * question is being admitted (admission-first.ts), so a burst opens every stream first.
 */
export function chatPost(deps: AppDeps, admissions?: Pick<AdmissionGate, 'idle'>): Handler<AppEnv> {
  return async (c) => {
    const input = ChatRequest.parse(await readJson(c));
    const ports = { db: deps.db, clock: deps.clock, embedder: deps.ai.embedder, answerer: deps.ai.answerer };
    const opened = await openQuestion(ports, c.get('viewer'), input);
    const requestId = c.get('requestId');
    const log = c.get('logger');
    c.header('cache-control', 'no-store');
    c.header('x-accel-buffering', 'no');
    return streamSSE(c, async (stream) => {
      const stop = new AbortController();
      stream.onAbort(() => stop.abort());
      await stream.write(': accepted\n\n');
      // Other students' questions being admitted go first (admission-first.ts); bounded wait.
      await admissions?.idle();
      let prepared: PreparedQuestion;
      try {
        prepared = await prepareAnswer(ports, opened);
      } catch (err) {
        const apiError = toApiError(err);
        if (apiError.status >= 500) log.error('chat search failed', { code: apiError.code, err });
        const event: ChatStreamEvent = { type: 'error', code: apiError.code, message: apiError.message, requestId };
        await stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
        return;
      }
      for await (const event of streamAnswer(ports, prepared, { requestId, signal: stop.signal })) {
        if (stream.aborted && event.type === 'token') continue;
        await stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
        if (event.type === 'done' || event.type === 'error')
          log.info('chat answered', { outcome: event.type, sources: prepared.sources.length });
        // After `done` is written, so the student never waits on it; a failure only logs.
        if (event.type === 'done' && event.noAnswer && c.get('viewer').role === 'student') {
          await checkContentGaps(deps, c.get('viewer').creator.id, log);
        }
      }
    });
  };
}

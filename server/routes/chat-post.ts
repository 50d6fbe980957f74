import type { Context, Handler } from 'hono';
import { streamSSE } from 'hono/streaming';
import { ChatRequest, type ChatStreamEvent } from '../../shared/schemas/chat';
import type { AppDeps } from '../app';
import {
  type ChatPorts,
  type OpenedQuestion,
  openQuestion,
  openQuestionAsViewer,
  type PreparedQuestion,
  prepareAnswer,
} from '../domain/chat/start-question';
import { streamAnswer } from '../domain/chat/stream-answer';
import type { AdmissionGate } from '../http/admission-first';
import type { AppEnv } from '../http/context';
import { toApiError } from '../http/on-error';
import { readJson } from '../http/read-json';
import { experienceIdOf, experienceViewerOf } from '../http/whop-auth';
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
/**
 * The question admitted: a returning student's viewer, history and held question in one
 * statement (openQuestionAsViewer); otherwise the viewer resolved first (Whop facts, as
 * every student route: 403 without access) and the question held after it. A body that
 * is not a question is refused after the viewer, so the answer to a user without access
 * stays 403 whatever they send.
 */
async function admit(c: Context<AppEnv>, deps: AppDeps, ports: ChatPorts): Promise<OpenedQuestion> {
  const userId = c.get('userId');
  const experienceId = experienceIdOf(c);
  const body = await readJson(c).then(
    (json) => ({ json, parsed: ChatRequest.safeParse(json) }),
    (err: unknown) => ({ err }),
  );
  if ('parsed' in body && body.parsed.success) {
    const opened = await openQuestionAsViewer(ports, { userId, experienceId }, body.parsed.data);
    if (opened) {
      c.set('viewer', opened.viewer);
      return opened;
    }
  }
  const viewer = await experienceViewerOf(c, deps, userId);
  if ('err' in body) throw body.err;
  return openQuestion(ports, viewer, ChatRequest.parse(body.json));
}

export function chatPost(deps: AppDeps, admissions?: Pick<AdmissionGate, 'idle'>): Handler<AppEnv> {
  return async (c) => {
    const ports = { db: deps.db, clock: deps.clock, embedder: deps.ai.embedder, answerer: deps.ai.answerer };
    const opened = await admit(c, deps, ports);
    const viewer = opened.viewer;
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
        if (event.type === 'done' && event.noAnswer && viewer.role === 'student') {
          await checkContentGaps(deps, viewer.creator.id, log);
        }
      }
    });
  };
}

import type { Handler } from 'hono';
import { FeedbackRequest } from '../../shared/schemas/chat-history';
import type { AppDeps } from '../app';
import { deleteSession, listSessionMessages, listSessions, setFeedback } from '../domain/chat/list-sessions';
import type { AppEnv } from '../http/context';
import { readJson } from '../http/read-json';
import { checkContentGaps } from './content-gap-check';

const owner = (c: Parameters<Handler<AppEnv>>[0]) => ({
  creatorId: c.get('viewer').creator.id,
  userId: c.get('viewer').user.id,
});

/** GET /api/chat/sessions — the student's own conversations. */
export function chatSessionsGet(deps: AppDeps): Handler<AppEnv> {
  return async (c) => c.json({ sessions: await listSessions(deps.db, owner(c)) });
}

/** GET /api/chat/sessions/:id — messages of one of the student's own conversations (others: 404). */
export function chatSessionMessagesGet(deps: AppDeps): Handler<AppEnv, '/api/chat/sessions/:id'> {
  return async (c) => {
    const sessionId = c.req.param('id');
    return c.json({ sessionId, messages: await listSessionMessages(deps.db, owner(c), sessionId) });
  };
}

/** DELETE /api/chat/sessions/:id — deletes one of the student's own conversations (others: 404). */
export function chatSessionDelete(deps: AppDeps): Handler<AppEnv, '/api/chat/sessions/:id'> {
  return async (c) => {
    await deleteSession(deps.db, owner(c), c.req.param('id'));
    return c.body(null, 204);
  };
}

/**
 * POST /api/chat/messages/:id/feedback — thumbs up (1), down (-1) or cleared (null).
 * A student's 👎 makes the question a gap question: new content gaps may be announced.
 */
export function chatFeedbackPost(deps: AppDeps): Handler<AppEnv, '/api/chat/messages/:id/feedback'> {
  return async (c) => {
    const { value } = FeedbackRequest.parse(await readJson(c));
    await setFeedback(deps.db, owner(c), c.req.param('id'), value);
    if (value === -1 && c.get('viewer').role === 'student')
      await checkContentGaps(deps, c.get('viewer').creator.id, c.get('logger'));
    return c.json({ ok: true });
  };
}

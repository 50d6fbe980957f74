import { EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../shared/whop-context';
import { experienceIdOf } from '../support/course-corpus';
import type { EvalHttp } from './eval-app';
import { type ChatAnswer, readChatAnswer } from './read-chat-answer';

/**
 * Asks one question as a student of the course, in a new conversation (no
 * sessionId, so nothing carries over from an earlier question), as the embed does.
 */
export async function askCourse(
  app: EvalHttp,
  course: { index: number },
  token: string,
  question: string,
): Promise<ChatAnswer> {
  const started = performance.now();
  const response = await app.request('/api/chat', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [USER_TOKEN_HEADER]: token,
      [EXPERIENCE_HEADER]: experienceIdOf(course.index),
    },
    body: JSON.stringify({ question }),
  });
  return readChatAnswer(response, started);
}

/**
 * Refused: the answer cites nothing. That covers the route's own "not covered"
 * (no source cleared the floor: done.noAnswer) and an answerer that declines with
 * sources in hand; an answer that cites nothing cannot be scored right anyway.
 */
export const isRefusal = (a: ChatAnswer) => a.error === null && a.citations.length === 0;

import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { lazySchema } from '../../../lib/lazy-schema';
import { apiMutationFn } from '../../../lib/query-client';

/** Any answer will do (the server answers 204 or the saved value); zod comes with the first one. */
const AnyAnswer = lazySchema((schemas) => schemas.AnyAnswer);

export type FeedbackValue = 1 | -1 | null;

export interface MessageFeedbackInput {
  messageId: string;
  value: FeedbackValue;
}

/** `POST /api/chat/messages/:id/feedback`: thumbs up (1), down (-1) or neither (null). */
export function postMessageFeedback({ messageId, value }: MessageFeedbackInput): Promise<unknown> {
  return apiRequest(`/api/chat/messages/${encodeURIComponent(messageId)}/feedback`, {
    method: 'POST',
    body: { value },
    schema: AnyAnswer,
  });
}

export function useMessageFeedback() {
  return useMutation({ mutationFn: apiMutationFn(postMessageFeedback) });
}

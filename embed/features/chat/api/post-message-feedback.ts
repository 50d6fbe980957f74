import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/use-api-mutation';

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
    schema: z.unknown(),
  });
}

export function useMessageFeedback() {
  return useApiMutation<MessageFeedbackInput, unknown>(postMessageFeedback);
}

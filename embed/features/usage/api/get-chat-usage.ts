import type { ChatUsage } from '../../../../shared/schemas/usage';
import { apiRequest } from '../../../lib/api-client';
import { lazySchema } from '../../../lib/lazy-schema';
import { useApiQuery } from '../../../lib/use-api-query';

/** Imported with the first response it checks (`lib/lazy-schema.ts`): the student view paints without zod. */
const ChatUsageSchema = lazySchema((schemas) => schemas.ChatUsage);

/**
 * `GET /api/usage` (student view): the viewer's questions used and left with this creator,
 * and when the count starts again on a daily plan. The server enforces the limit; this is
 * only what to tell the student.
 */
export function getChatUsage(signal?: AbortSignal): Promise<ChatUsage> {
  return apiRequest('/api/usage', { schema: ChatUsageSchema, ...(signal ? { signal } : {}) });
}

/** `replace` takes the usage a `CHAT_LIMIT_EXCEEDED` error carries, so no second request is needed. */
export function useChatUsage() {
  return useApiQuery(getChatUsage, 'chat-usage');
}

import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/use-api-mutation';

const NoContent = z.undefined();

/**
 * `DELETE /api/videos/:id`: 204; the transcript and chunks go with it and the quota is freed.
 * Resolves to the id it deleted, so a caller can tell success from failure by the answer.
 */
export async function deleteVideo(id: string): Promise<string> {
  await apiRequest(`/api/videos/${encodeURIComponent(id)}`, { method: 'DELETE', schema: NoContent });
  return id;
}

export function useDeleteVideo() {
  return useApiMutation(deleteVideo);
}

import { CitationHeat } from '../../../../shared/schemas/assistant-settings';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

/** `GET /api/videos/:id/citation-heat`: how many student citations land in each slice of the lesson (admins only). */
export function getCitationHeat(id: string, signal?: AbortSignal): Promise<CitationHeat> {
  return apiRequest(`/api/videos/${encodeURIComponent(id)}/citation-heat`, {
    schema: CitationHeat,
    ...(signal ? { signal } : {}),
  });
}

export function useCitationHeat(id: string) {
  return useApiQuery((signal) => getCitationHeat(id, signal), `citation-heat:${id}`);
}

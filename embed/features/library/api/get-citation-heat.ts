import { useQuery } from '@tanstack/react-query';
import { CitationHeat } from '../../../../shared/schemas/assistant-settings';
import { apiRequest } from '../../../lib/api-client';
import { apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

/** `GET /api/videos/:id/citation-heat`: how many student citations land in each slice of the lesson (admins only). */
export function getCitationHeat(id: string, signal?: AbortSignal): Promise<CitationHeat> {
  return apiRequest(`/api/videos/${encodeURIComponent(id)}/citation-heat`, {
    schema: CitationHeat,
    ...(signal ? { signal } : {}),
  });
}

export function useCitationHeat(id: string) {
  return useQuery({
    queryKey: useViewQueryKey('citation-heat', id),
    queryFn: apiQueryFn((signal) => getCitationHeat(id, signal)),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type CreateNoteRequest,
  CreatorNote,
  CreatorNotesResponse,
  type UpdateNoteRequest,
} from '../../../../shared/schemas/notes';
import { VideoList } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { apiMutationFn, apiQueryFn } from '../../../lib/query-client';
import { useViewQueryKey } from '../../../lib/view-context';

const NoContent = z.undefined();

/** `GET /api/dashboard/notes`: the creator's notes, last edited first. */
export function useNotes() {
  return useQuery({
    queryKey: useViewQueryKey('creator-notes'),
    queryFn: apiQueryFn((signal) => apiRequest('/api/dashboard/notes', { schema: CreatorNotesResponse, signal })),
  });
}

/** A write to the notes, after which the list is read again (wherever it is shown). */
function useNoteWrite<I, T>(write: (input: I) => Promise<T>) {
  const queryClient = useQueryClient();
  const notesKey = useViewQueryKey('creator-notes');
  return useMutation({
    mutationFn: apiMutationFn(write),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notesKey }),
  });
}

export const useCreateNote = () => useNoteWrite(createNote);
export const useUpdateNote = () => useNoteWrite(updateNote);
export const useDeleteNote = () => useNoteWrite(deleteNote);

/** `POST /api/dashboard/notes`: "Mark wrong and correct", or a note from scratch. */
export function createNote(input: CreateNoteRequest) {
  return apiRequest('/api/dashboard/notes', { method: 'POST', body: input, schema: CreatorNote });
}

/** `PATCH /api/dashboard/notes/:id` */
export function updateNote({ id, ...change }: UpdateNoteRequest & { id: string }) {
  return apiRequest(`/api/dashboard/notes/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: change,
    schema: CreatorNote,
  });
}

/** `DELETE /api/dashboard/notes/:id` */
export async function deleteNote(id: string): Promise<void> {
  await apiRequest(`/api/dashboard/notes/${encodeURIComponent(id)}`, { method: 'DELETE', schema: NoContent });
}

/** `GET /api/videos`, for the pin's lesson picker: the creator's lessons by title. */
export function useNoteLessonOptions() {
  return useQuery({
    queryKey: useViewQueryKey('note-lesson-options'),
    queryFn: apiQueryFn((signal) =>
      apiRequest('/api/videos', { schema: VideoList, signal }).then((list) =>
        list.videos.map((v) => ({ id: v.id, title: v.title })),
      ),
    ),
  });
}

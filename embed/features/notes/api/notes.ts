import { z } from 'zod';
import {
  type CreateNoteRequest,
  CreatorNote,
  CreatorNotesResponse,
  type UpdateNoteRequest,
} from '../../../../shared/schemas/notes';
import { VideoList } from '../../../../shared/schemas/videos';
import { apiRequest } from '../../../lib/api-client';
import { useApiQuery } from '../../../lib/use-api-query';

const NoContent = z.undefined();

/** `GET /api/dashboard/notes`: the creator's notes, last edited first; `refresh` changes to load again. */
export function useNotes(refresh: number) {
  return useApiQuery(
    (signal) => apiRequest('/api/dashboard/notes', { schema: CreatorNotesResponse, signal }),
    `creator-notes-${refresh}`,
  );
}

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
  return useApiQuery(
    (signal) =>
      apiRequest('/api/videos', { schema: VideoList, signal }).then((list) =>
        list.videos.map((v) => ({ id: v.id, title: v.title })),
      ),
    'note-lesson-options',
  );
}

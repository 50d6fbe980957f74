import { z } from 'zod';
import { CourseModule } from '../../../../shared/schemas/lessons';
import { apiRequest } from '../../../lib/api-client';

const NoContent = z.undefined();

/** `POST /api/course/modules`: a new module at the end. */
export function createModule(title: string) {
  return apiRequest('/api/course/modules', { method: 'POST', body: { title }, schema: CourseModule });
}

/** `PATCH /api/course/modules/:id`: a new title. */
export function renameModule(id: string, title: string) {
  return apiRequest(`/api/course/modules/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: { title },
    schema: CourseModule,
  });
}

/** `DELETE /api/course/modules/:id`: its lessons stay, outside any module. */
export async function deleteModule(id: string): Promise<void> {
  await apiRequest(`/api/course/modules/${encodeURIComponent(id)}`, { method: 'DELETE', schema: NoContent });
}

import { ApiError } from '../../../shared/api-error';

/**
 * The creator's order, for `videos v left join course_modules m on (m.id, m.creator_id) = (v.module_id, v.creator_id)`:
 * lessons outside a module first (a course's introduction rarely sits in one), then each
 * module in its position; inside, lessons by position, and lessons never placed after
 * the placed ones in upload order (a new upload lands at the end until the creator moves it).
 */
export const LESSON_ORDER = `m.position nulls first, m.created_at nulls first, m.id nulls first, v.position nulls last, v.created_at, v.id`;

export const LESSON_JOIN = `left join course_modules m on m.id = v.module_id and m.creator_id = v.creator_id`;

export const lessonNotFound = () => new ApiError('NOT_FOUND', 'This lesson does not exist.');
export const moduleNotFound = () => new ApiError('NOT_FOUND', 'This module does not exist.');

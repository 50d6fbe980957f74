import { ApiError } from '../../../shared/api-error';

// The creator's order of lessons is kept by the videos table's lesson reads (adapters/db/tables/videos-table.ts).

export const lessonNotFound = () => new ApiError('NOT_FOUND', 'This lesson does not exist.');
export const moduleNotFound = () => new ApiError('NOT_FOUND', 'This module does not exist.');

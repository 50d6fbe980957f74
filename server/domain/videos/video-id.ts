import { ApiError } from '../../../shared/api-error';
import { isUuid } from '../../../shared/uuid';

/** A malformed id is as unknown as another creator's: both are 404, never a hint. */
export const isVideoId = isUuid;
export const videoNotFound = () => new ApiError('NOT_FOUND', 'This video does not exist.');

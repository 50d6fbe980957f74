import { ApiError } from '../../../shared/api-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id is as unknown as another creator's: both are 404, never a hint. */
export const isVideoId = (id: string) => UUID.test(id);
export const videoNotFound = () => new ApiError('NOT_FOUND', 'This video does not exist.');

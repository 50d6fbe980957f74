const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether an id from a route or a body has the shape of our row ids. A malformed id is as
 * unknown as another creator's: callers answer 404 for both, never a hint.
 */
export const isUuid = (id: string): boolean => UUID.test(id);

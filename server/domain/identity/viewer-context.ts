import type { Viewer } from '../../../shared/schemas/viewer';

/**
 * The verified context of a request. `creator.id` is THE tenant: every query on
 * creator data is scoped by it, and it only ever comes from here.
 */
export type ViewerContext = Omit<Viewer, 'appId' | 'sandbox'>;

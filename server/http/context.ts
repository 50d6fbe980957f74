import type { ViewerContext } from '../domain/identity/viewer-context';
import type { Logger } from '../ports/logger';

/** Per-request values set by middleware, read by routes. */
export type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    /** Set by the auth middleware from a verified Whop token. */
    userId: string;
    /** Set by the context middleware from Whop's answer; `viewer.creator.id` is the tenant. */
    viewer: ViewerContext;
    /** Set when the request was authenticated by a Sign in with Whop session (not the iframe token). */
    session: { id: string; userId: string; csrfToken: string };
  };
};

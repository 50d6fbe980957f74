import type { Logger } from '../ports/logger';

/** Per-request values set by middleware, read by routes. */
export type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
  };
};

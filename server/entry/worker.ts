import { createWorker } from './worker-handler';

/**
 * Production runtime (`wrangler deploy`, see wrangler.toml): the same app as
 * `npm start`, with Postgres through Hyperdrive (or DATABASE_URL), the embed
 * from static assets, and jobs on the `chronos-jobs` queue. Only the default
 * export lives here: workerd treats other exports as entrypoints.
 */
export default createWorker();

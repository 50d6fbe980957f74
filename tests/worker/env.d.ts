import type { WorkerBindings } from '../../server/entry/worker-deps';

/** `env` inside the tests: wrangler.toml's bindings plus the values vitest.config.ts adds. */
declare global {
  namespace Cloudflare {
    interface Env extends WorkerBindings {
      HYPERDRIVE: Hyperdrive;
      ASSETS: Fetcher;
      JOBS: Queue<unknown>;
      APP_ENV: string;
      DATABASE_URL: string;
      NEWEST_MIGRATION: string;
      WHOP_WEBHOOK_SECRET: string;
      WHOP_APP_ID: string;
    }
    interface GlobalProps {
      mainModule: typeof import('../../server/entry/worker');
    }
  }
}

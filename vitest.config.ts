import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * The database-facing suites that also run on a real PostgreSQL server (project
 * server-pg): PGlite has one connection and runs every transaction alone, so only a
 * server with a pool shows how this SQL behaves under true concurrency and a full
 * planner. Chosen for the SQL they exercise (migrations, partitions, quotas,
 * webhooks and plans, pipeline leases and crash-resume, retrieval, chat, tenancy).
 */
const onBothDatabases = [
  'tests/server/adapters/db/migrate.test.ts',
  'tests/server/adapters/db/schema.test.ts',
  'tests/server/adapters/db/declared-schema.test.ts',
  'tests/server/adapters/db/chunk-partitions.test.ts',
  'tests/server/quotas/quotas.test.ts',
  'tests/server/plans/webhooks-whop-post.test.ts',
  'tests/server/plans/plan-routes.test.ts',
  'tests/server/ingestion/pipeline.test.ts',
  'tests/server/ingestion/crash-resume.test.ts',
  'tests/server/chat/retrieve-sources.test.ts',
  'tests/server/chat/chat-post.test.ts',
  'tests/server/videos/uploads.test.ts',
  'tests/server/videos/videos-routes.test.ts',
  'tests/server/routes/dashboard-questions-get.test.ts',
  'tests/server/routes/viewer-get.test.ts',
  'tests/server/questions/list-student-questions.test.ts',
  'tests/server/lessons/lessons-routes.test.ts',
  'tests/server/lessons/ask-about-moment.test.ts',
  'tests/server/assistant/assistant-settings-routes.test.ts',
  // Session rotation and the one-refresh lease: racing requests need a real pool.
  'tests/server/identity/sign-in-with-whop.test.ts',
];

/**
 * Node-side suites. The Workers suite (tests/worker) and the browser suite
 * (tests/e2e) have configs of their own; `npm test` runs all three.
 */
export default defineConfig({
  test: {
    // Every file's tests run shuffled, always in the same order (#16): a test that relies on what an
    // earlier test left behind fails here, reproducibly, rather than when tests are added or moved.
    // Another order: `npx vitest run --sequence.seed=N`. Vitest 4.1 reads `sequence` from the root
    // config only (a project's own is ignored), so this holds for server, server-pg and embed alike.
    // Files keep their usual order (failed, then slowest first), which keeps the run short.
    sequence: { shuffle: { files: false, tests: true }, seed: 99 },
    projects: [
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts', 'tests/architecture/**/*.test.ts'],
          // True-concurrency tests need a server's pool: they run in server-pg only.
          exclude: ['**/node_modules/**', 'tests/**/*.pg.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server-pg',
          environment: 'node',
          // The server `npm test` started (TEST_POSTGRES_URL), else global setup starts one.
          include: [...onBothDatabases, 'tests/server/**/*.pg.test.ts'],
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'embed',
          environment: 'happy-dom',
          include: ['tests/embed/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/embed/setup.ts'],
        },
      },
    ],
  },
});

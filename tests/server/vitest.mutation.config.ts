import { defineConfig } from 'vitest/config';

/**
 * The suites `npm run mutation` (StrykerJS) runs against each mutant of the
 * identity, quota, plan/webhook and auth code: only the files that exercise
 * that code, so a mutant costs seconds, not the whole server suite.
 */
export default defineConfig({
  test: {
    name: 'mutation',
    root: new URL('../..', import.meta.url).pathname,
    environment: 'node',
    include: [
      'tests/server/identity/whop-access-levels.test.ts',
      'tests/server/identity/prune-access-cache.test.ts',
      // Sign in with Whop (OAuth): the server-side sessions, their rotation and sign-out.
      'tests/server/identity/sign-in-with-whop.test.ts',
      'tests/server/identity/*.mutation.test.ts',
      'tests/server/routes/viewer-get.test.ts',
      'tests/server/quotas/**/*.test.ts',
      'tests/server/plans/plan-routes.test.ts',
      'tests/server/plans/public-plans.test.ts',
      'tests/server/plans/webhooks-whop-post.test.ts',
      'tests/server/plans/*.mutation.test.ts',
      'tests/server/http/whop-auth*.test.ts',
      'tests/server/http/standard-webhook*.test.ts',
    ],
    globalSetup: ['tests/support/global-setup.ts'],
    // One module graph for the run: each mutant re-runs test files, and re-loading
    // PGlite, zod and jose for every file of every mutant cost more than the tests.
    isolate: false,
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

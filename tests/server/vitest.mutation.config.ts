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
      'tests/server/identity/**/*.test.ts',
      'tests/server/routes/viewer-get.test.ts',
      'tests/server/quotas/**/*.test.ts',
      'tests/server/plans/**/*.test.ts',
      'tests/server/http/whop-auth*.test.ts',
      'tests/server/http/standard-webhook*.test.ts',
    ],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Node-side suites. The Workers suite (tests/worker) and the browser suite
 * (tests/e2e) have configs of their own; `npm test` runs all three.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts', 'tests/architecture/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
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

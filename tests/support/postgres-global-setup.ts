import type { TestProject } from 'vitest/node';
import { startPostgresTestServer } from '../../scripts/postgres-test-server.mjs';
import { dropDatabase, type PostgresTemplate, writePostgresTemplate } from './postgres-template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set only in the server-pg project: createTestDb() then copies this template on the real server. */
    postgresTemplate: PostgresTemplate | undefined;
  }
}

/**
 * The server-pg project's database: the server `npm test` started (TEST_POSTGRES_URL),
 * or one started here for this run; one migrated template database on it.
 */
export default async function setup(project: TestProject) {
  const server = await startPostgresTestServer();
  try {
    const template = await writePostgresTemplate(server.url);
    project.provide('postgresTemplate', template);
    return async () => {
      await dropDatabase(server.url, template.template).catch(() => {});
      await server.stop();
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

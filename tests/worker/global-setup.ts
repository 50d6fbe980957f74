import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../../server/adapters/db/migrate';
import { readMigrationFiles } from '../../server/adapters/db/migration-files';
import { openPgliteDb } from '../../server/adapters/db/pglite-db';
import { ensureEmbedBuild } from '../../server/entry/embed-build';

/**
 * Runs in Node before workerd starts: a real Postgres (PGlite + pgvector, the
 * real migrations) on a loopback port for the Worker to reach over TCP, and the
 * embed build that wrangler.toml serves as static assets.
 */
export default async function setup(project: TestProject) {
  await ensureEmbedBuild((msg) => console.log(`[worker tests] ${msg}`));

  const db = await openPgliteDb();
  const report = await applyMigrations(db, await readMigrationFiles());
  // Several connections are multiplexed onto PGlite's one; postgres.js opens a few per request.
  const server = new PGLiteSocketServer({ db: db.pglite, host: '127.0.0.1', port: 0, maxConnections: 16 });
  await server.start();
  const address = server.getServerConn(); // "127.0.0.1:PORT"
  project.provide('databaseUrl', `postgres://postgres:postgres@${address}/postgres`);
  project.provide('newestMigration', report.applied.at(-1) ?? '');
  console.log(`[worker tests] PGlite on ${address}, migrations: ${report.applied.join(', ')}`);

  return async () => {
    await server.stop();
    await db.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    newestMigration: string;
  }
}

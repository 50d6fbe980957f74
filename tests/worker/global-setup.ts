import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../../server/adapters/db/migrate';
import { readMigrationFiles } from '../../server/adapters/db/migration-files';
import { openPgliteDb } from '../../server/adapters/db/pglite-db';
import { openPostgresDb } from '../../server/adapters/db/postgres-db';
import { ensureEmbedBuild } from '../../server/entry/embed-build';
import { createEmptyDatabase, dropDatabase, uniqueDatabaseName } from '../support/postgres-template';

/**
 * Runs in Node before workerd starts: the database the Worker reaches over TCP, and
 * the embed build that wrangler.toml serves as static assets. The database is a fresh,
 * migrated one on the real PostgreSQL server when TEST_POSTGRES_URL is set (always
 * under `npm test`, which starts one), else PGlite served over a socket.
 */
export default async function setup(project: TestProject) {
  await ensureEmbedBuild((msg) => console.log(`[worker tests] ${msg}`));
  const serverUrl = process.env['TEST_POSTGRES_URL'];
  return serverUrl ? onPostgresServer(project, serverUrl) : onPgliteSocket(project);
}

async function onPostgresServer(project: TestProject, serverUrl: string) {
  const name = uniqueDatabaseName('chronos_worker');
  const url = await createEmptyDatabase(serverUrl, name);
  const db = openPostgresDb({ url, max: 1 });
  try {
    const report = await applyMigrations(db, await readMigrationFiles());
    project.provide('databaseUrl', url);
    project.provide('newestMigration', report.applied.at(-1) ?? '');
    console.log(`[worker tests] PostgreSQL server, database ${name}, migrations: ${report.applied.join(', ')}`);
  } finally {
    await db.close();
  }
  return async () => {
    await dropDatabase(serverUrl, name);
  };
}

/** The fallback without a server: PGlite, one connection shared by all over pglite-socket. */
async function onPgliteSocket(project: TestProject) {
  const db = await openPgliteDb();
  const report = await applyMigrations(db, await readMigrationFiles());
  // Several connections are multiplexed onto PGlite's one; postgres.js opens a few per request.
  const server = new PGLiteSocketServer({
    db: keepExtendedQueriesWhole(db.pglite),
    host: '127.0.0.1',
    port: 0,
    maxConnections: 16,
  });
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

/**
 * pglite-socket queues protocol messages one by one, keeping a connection's
 * messages together only inside a transaction. postgres.js sends each query as
 * Parse/Bind/Describe/Execute/Sync on the unnamed statement, so two connections
 * querying at once (the consumer and a test, or a request's parallel queries)
 * could interleave and bind one's parameters to the other's statement ("bind
 * message supplies 4 parameters, but prepared statement \"\" requires 0"). Between
 * an extended-protocol message and its Sync this reports "in a transaction",
 * which makes the queue serve the same connection until the Sync — as one real
 * Postgres backend per connection would.
 */
function keepExtendedQueriesWhole(pglite: PGlite): PGlite {
  const SYNC = 0x53; // 'S'
  const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]); // P B D E C H
  let open = false;
  return new Proxy(pglite, {
    get(target, prop) {
      if (prop === 'isInTransaction') return () => open || target.isInTransaction();
      if (prop === 'execProtocolRawStream') {
        return (message: Uint8Array, options: Parameters<PGlite['execProtocolRawStream']>[1]) => {
          const type = message[0] ?? 0;
          if (type === SYNC) open = false;
          else if (EXTENDED.has(type)) open = true;
          return target.execProtocolRawStream(message, options);
        };
      }
      // A client that left mid-sequence is rolled back with exec(): nothing is open after that.
      if (prop === 'exec') {
        return (...args: Parameters<PGlite['exec']>) => {
          open = false;
          return target.exec(...args);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    newestMigration: string;
  }
}

import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { type PostgresTestServer, startPostgresTestServer } from '../../scripts/postgres-test-server.mjs';
import { applyMigrations } from '../../server/adapters/db/migrate';
import { readMigrationFiles } from '../../server/adapters/db/migration-files';
import { openPostgresDb } from '../../server/adapters/db/postgres-db';
import { EnvSchema } from '../../server/env';
import type { Db } from '../../server/ports/db';
import {
  BENCH_DATA_VERSION,
  BENCH_SHARED_BUFFERS,
  type BenchDatabase,
  benchCreatorCount,
  forgetChatActivity,
} from './bench-database';
import { CORPUS_SHAPE } from './course-corpus';
import { loadCorpus } from './load-corpus';

/**
 * The same 100k-chunk corpus on a real PostgreSQL 15 server (pgvector built from
 * ../shared/vendor), for the Postgres variants of the chat benchmarks. The cluster is
 * kept under `.data/bench/pg` (git-ignored) with one database per corpus version, so
 * later runs only start the server; the first run loads it with the generator and
 * loader the PGlite data set uses. The server gets PGlite's 1 GB of shared buffers.
 */
const PG_ROOT = fileURLToPath(new URL('../../.data/bench/pg/', import.meta.url));
/**
 * Connections the app's pool may open: the app's own default (DATABASE_POOL_MAX), so the
 * bench measures the pool `npm start` runs. More is not faster on a few cores: an idle
 * connection takes each statement alone, one socket write each (writes to the server were
 * a third of the 200 admissions' event-loop time at 20 connections, by --cpu-prof), while
 * on a busy one the statements of a tick go out in one write. Three interleaved rounds on
 * a quiet machine (2026-12-02 17:43 UTC), first byte p95 over both variants: pool of 5
 * 451–788 ms (mean 605), pool of 20 544–825 ms (mean 690); sources no slower.
 */
export const BENCH_POOL_SIZE: number = EnvSchema.shape.DATABASE_POOL_MAX.parse(undefined);

export interface BenchPostgresDatabase extends BenchDatabase {
  server: PostgresTestServer;
  /**
   * A second pool of BENCH_POOL_SIZE on the same database with named prepared statements,
   * as the Worker runs through Hyperdrive; `db` runs without, as through Supabase's
   * transaction pooler (openPostgresDb says why they differ).
   */
  preparedDb: Db;
}

let shared: Promise<BenchPostgresDatabase> | null = null;

export function openBenchPostgresDatabase(
  log: (line: string) => void = (line) => console.error(line),
): Promise<BenchPostgresDatabase> {
  shared ??= open(log);
  return shared;
}

export async function closeBenchPostgresDatabase(): Promise<void> {
  const current = shared;
  shared = null;
  if (!current) return;
  const { db, preparedDb, server } = await current;
  await db.close();
  await preparedDb.close();
  await server.stop();
}

async function open(log: (line: string) => void): Promise<BenchPostgresDatabase> {
  const creators = benchCreatorCount();
  const database = `${BENCH_DATA_VERSION}${creators === CORPUS_SHAPE.creators ? '' : `-c${creators}`}`.replaceAll(
    '-',
    '_',
  );
  const ready = `${PG_ROOT}${database}.READY`;
  const server = await startPostgresTestServer({
    dataDir: `${PG_ROOT}data`,
    settings: {
      shared_buffers: BENCH_SHARED_BUFFERS,
      maintenance_work_mem: '1GB',
      max_parallel_maintenance_workers: 2,
    },
  });
  try {
    const url = new URL(server.url);
    url.pathname = `/${database}`;
    let buildMs: number | null = null;
    if (!existsSync(ready)) {
      const started = performance.now();
      await build(server.url, url.toString(), database, creators, log);
      await writeFile(ready, `${new Date().toISOString()}\n`);
      buildMs = performance.now() - started;
      log(
        `bench data set (PostgreSQL) built in ${(buildMs / 1000).toFixed(0)} s → ${PG_ROOT}data, database ${database}`,
      );
    }
    const db = openPostgresDb({ url: url.toString(), max: BENCH_POOL_SIZE, prepare: false });
    await applyMigrations(db, await readMigrationFiles());
    await forgetChatActivity(db);
    const preparedDb = openPostgresDb({ url: url.toString(), max: BENCH_POOL_SIZE, prepare: true });
    const chunks = creators * CORPUS_SHAPE.videosPerCreator * CORPUS_SHAPE.chunksPerVideo;
    return { db, preparedDb, creators, chunks, buildMs, server };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function build(adminUrl: string, url: string, database: string, creators: number, log: (line: string) => void) {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    // A half-built database from an interrupted run is dropped and built again.
    await admin.unsafe(`drop database if exists "${database}" with (force)`);
    await admin.unsafe(`create database "${database}" template template0`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  await rm(`${PG_ROOT}${database}.READY`, { force: true });
  // One connection: loadCorpus's `set maintenance_work_mem` must reach the session that builds the indexes.
  const db = openPostgresDb({ url, max: 1 });
  try {
    await applyMigrations(db, await readMigrationFiles());
    await loadCorpus(db, log, creators);
  } finally {
    await db.close();
  }
}

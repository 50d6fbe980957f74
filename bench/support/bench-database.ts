import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { applyMigrations } from '../../server/adapters/db/migrate';
import { readMigrationFiles } from '../../server/adapters/db/migration-files';
import { openPgliteDb } from '../../server/adapters/db/pglite-db';
import type { Db } from '../../server/ports/db';
import { CORPUS_SHAPE } from './course-corpus';
import { loadCorpus } from './load-corpus';

/**
 * The 100k-chunk database the chat benchmarks share, built once into
 * `.data/bench/<version>` (git-ignored) and reopened by later runs. Bump the
 * version whenever the corpus or the way it is loaded changes; pending
 * migrations are applied on open, as the app does at boot.
 */
export const BENCH_DATA_VERSION = 'chat-corpus-v2';

const BENCH_ROOT = fileURLToPath(new URL('../../.data/bench/', import.meta.url));
const READY_MARKER = 'READY';
/**
 * PGlite starts Postgres with 128 MB of shared buffers. A production database
 * serving vector search is sized so its HNSW indexes stay in memory (782 MB for
 * these 100,000 vectors); the benchmarks give Postgres 1 GB likewise, for every
 * plan they compare.
 */
export const BENCH_SHARED_BUFFERS = '1GB';

/**
 * How many creators to load: the full 50 (100,000 chunks) unless BENCH_CREATORS
 * asks for fewer (a quick look while changing the benchmarks; never for quoted figures).
 */
export function benchCreatorCount(): number {
  const asked = Number(process.env.BENCH_CREATORS ?? CORPUS_SHAPE.creators);
  return Number.isInteger(asked) && asked >= 1 && asked <= CORPUS_SHAPE.creators ? asked : CORPUS_SHAPE.creators;
}

export interface BenchDatabase {
  db: Db;
  /** Creators loaded (0…creators-1); each has CORPUS_SHAPE.videosPerCreator × chunksPerVideo chunks. */
  creators: number;
  chunks: number;
  /** Set when this run had to build the data set (the one-off cost). */
  buildMs: number | null;
}

let shared: Promise<BenchDatabase> | null = null;

/** One open database per process: PGlite holds its data dir exclusively. */
export function openBenchDatabase(log: (line: string) => void = (line) => console.error(line)): Promise<BenchDatabase> {
  shared ??= open(log);
  return shared;
}

/** Closes the shared database (the runner's process exits afterwards anyway; tests of the harness call it). */
export async function closeBenchDatabase(): Promise<void> {
  const current = shared;
  shared = null;
  if (current) await (await current).db.close();
}

async function open(log: (line: string) => void): Promise<BenchDatabase> {
  const creators = benchCreatorCount();
  const full = creators === CORPUS_SHAPE.creators;
  const dir = `${BENCH_ROOT}${BENCH_DATA_VERSION}${full ? '' : `-c${creators}`}`;
  let buildMs: number | null = null;
  if (!existsSync(`${dir}/${READY_MARKER}`)) {
    const started = performance.now();
    await build(dir, creators, log);
    buildMs = performance.now() - started;
    log(`bench data set built in ${(buildMs / 1000).toFixed(0)} s → ${dir}`);
  }
  const db = await openPgliteDb(`${dir}/pgdata`, { sharedBuffers: BENCH_SHARED_BUFFERS });
  await applyMigrations(db, await readMigrationFiles());
  await forgetChatActivity(db);
  const chunks = creators * CORPUS_SHAPE.videosPerCreator * CORPUS_SHAPE.chunksPerVideo;
  return { db, creators, chunks, buildMs };
}

async function build(dir: string, creators: number, log: (line: string) => void): Promise<void> {
  const building = `${dir}.building`;
  await rm(building, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
  await mkdir(building, { recursive: true });
  const db = await openPgliteDb(`${building}/pgdata`);
  try {
    await applyMigrations(db, await readMigrationFiles());
    await loadCorpus(db, log, creators);
  } finally {
    await db.close();
  }
  await writeFile(`${building}/${READY_MARKER}`, `${new Date().toISOString()}\n`);
  await rename(building, dir);
}

/**
 * Every run starts from the same state: no sessions, messages, usage or cached
 * Whop answers left by an earlier run (the corpus itself is never touched).
 */
export async function forgetChatActivity(db: Db): Promise<void> {
  await db.exec(
    `truncate chat_messages, chat_sessions, chat_usage, whop_access_cache, upgrade_requests, api_costs, users cascade`,
  );
}

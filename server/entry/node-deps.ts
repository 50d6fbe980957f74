import { mkdir } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { openPgliteDb } from '../adapters/db/pglite-db';
import { openPostgresDb } from '../adapters/db/postgres-db';
import { applyMigrations } from '../adapters/db/migrate';
import { readMigrationFiles } from '../adapters/db/migration-files';
import { createJsonLogger } from '../adapters/logger/json-logger';
import type { AppDeps } from '../app';
import { ConfigError, type Env } from '../env';
import { systemClock } from '../ports/clock';
import type { Db } from '../ports/db';
import { buildIdentity, isSandboxMode } from '../identity-deps';
import { buildAi } from '../ai-deps';
import { sandboxCommunities } from '../adapters/whop/sandbox-community';
import { seedDemoCourse } from './seed-demo-course';
import { describeProviders } from '../provider-status';
import { APP_VERSION } from '../version';
import { ROOT_DIR } from './embed-build';

export function resolveDataDir(env: Env): string {
  return isAbsolute(env.DATA_DIR) ? env.DATA_DIR : join(ROOT_DIR, env.DATA_DIR);
}

/** Opens the database for the Node runtime and applies pending migrations. */
export async function openNodeDb(env: Env, log: AppDeps['logger']): Promise<Db> {
  let db: Db;
  if (env.DATABASE_URL) {
    db = openPostgresDb({ url: env.DATABASE_URL, max: env.DATABASE_POOL_MAX });
  } else {
    const dir = join(resolveDataDir(env), 'pgdata');
    await mkdir(dir, { recursive: true });
    db = await openPgliteDb(dir);
  }
  const report = await applyMigrations(db, await readMigrationFiles());
  log.info('migrations', { driver: db.driver, applied: report.applied, alreadyApplied: report.skipped });
  return db;
}

/** Builds the Node runtime's dependencies (everything but the embed server). */
export async function buildNodeDeps(env: Env): Promise<AppDeps> {
  const logger = createJsonLogger({ level: env.LOG_LEVEL, fields: { runtime: 'node' } });
  if (isSandboxMode(env) && !isLoopback(env.HOST)) {
    throw new ConfigError([
      `HOST: the local Whop sandbox listens on loopback only (got ${env.HOST}); set Whop keys to serve other hosts`,
    ]);
  }
  const identity = await buildIdentity(env, { allowSandbox: true, logger });
  const db = await openNodeDb(env, logger);
  const ai = buildAi(env, logger);
  if (identity.sandbox) {
    const demo = sandboxCommunities[0]!;
    await seedDemoCourse({ db, embedder: ai.embedder, logger }, demo.companyId, demo.companyName);
    for (const plan of identity.sandbox.plans) {
      await db.query(`insert into whop_plan_tiers (plan_id, tier) values ($1, $2) on conflict (plan_id) do nothing`, [
        plan.planId,
        plan.tier,
      ]);
    }
  }
  return {
    db,
    logger,
    clock: systemClock,
    version: APP_VERSION,
    runtime: 'node',
    providers: describeProviders(env, 'node'),
    identity,
    ai,
    webhookSecret: env.WHOP_WEBHOOK_SECRET ?? identity.sandbox?.webhookSecret ?? null,
  };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

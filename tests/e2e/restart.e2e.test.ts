import { afterAll, expect, it } from 'vitest';
import type { HealthResponse } from '../../shared/schemas/health';
import { makeDataDir, removeDataDir, type ServerProcess, startServer } from '../support/server-process';

/**
 * `npm start` twice on the same data directory: the second boot finds its database,
 * applies nothing and reports the same migration.
 */
let dataDir: string | undefined;
let running: ServerProcess | undefined;

afterAll(async () => {
  await running?.stop();
  if (dataDir) await removeDataDir(dataDir);
});

async function boot(dir: string) {
  running = await startServer({ dataDir: dir, logLevel: 'info' });
  const server = running;
  const health = (await (await fetch(`${server.url}/api/health`)).json()) as HealthResponse;
  const migrations = server.logs.json().find((line) => line.msg === 'migrations');
  expect(server.logs.text()).toContain(`Chronos is running at ${server.url}`);
  const exit = await server.stop();
  running = undefined;
  return { health, migrations, exit, logs: server.logs.text() };
}

it('finds its database again after a restart and applies no migration twice', async () => {
  dataDir = await makeDataDir();
  const first = await boot(dataDir);
  expect(first.exit, `first stop\n${first.logs}`).toEqual({ code: 0, signal: null });
  expect(first.migrations?.applied, 'first boot applies the migrations').not.toEqual([]);
  expect(first.health.database.migration).toBeTruthy();

  const second = await boot(dataDir);
  expect(second.exit, `second stop\n${second.logs}`).toEqual({ code: 0, signal: null });
  expect(second.migrations).toMatchObject({
    applied: [],
    alreadyApplied: (first.migrations!.applied as string[]).length,
  });
  expect(second.health.database).toMatchObject({
    reachable: true,
    migration: first.health.database.migration,
    appliedMigrations: first.health.database.appliedMigrations,
  });
});

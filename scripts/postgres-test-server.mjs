#!/usr/bin/env node
/**
 * A throwaway PostgreSQL 15 + pgvector server for the test suites and benchmarks.
 *
 * PGlite has one connection and runs every transaction alone, so SQL that is only
 * safe when serialised passes there; production runs Postgres behind a pool. This
 * starts the real server so the same tests can show behaviour under concurrency.
 *
 * - PostgreSQL 15 server + headers: Debian's packages, installed with apt when missing
 *   (as root or with `sudo -n`); otherwise it says exactly what is missing.
 * - pgvector: built from ../shared/vendor/pgvector-0.8.6.tar.gz into the server's
 *   extension dir, once (skipped when the installed vector is already 0.8.6).
 * - The cluster: initdb in a temp dir as the `postgres` user (initdb refuses root),
 *   loopback only, its unix socket in the same dir, durability off (throwaway data),
 *   stopped and deleted at the end.
 *
 * Standalone:  npm run pg:test-server              prints TEST_POSTGRES_URL, runs until Ctrl-C
 *              npm run pg:test-server -- CMD ARGS  runs CMD with TEST_POSTGRES_URL set, then stops
 * From code:   const server = await startPostgresTestServer(); … await server.stop();
 * When TEST_POSTGRES_URL is already set, that server is used and nothing is started.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PG_VERSION = 15;
const PGVECTOR_VERSION = '0.8.6';
const PG_BIN = `/usr/lib/postgresql/${PG_VERSION}/bin`;
const PG_CONFIG = `${PG_BIN}/pg_config`;
const root = fileURLToPath(new URL('../', import.meta.url));
const PGVECTOR_TARBALL = join(root, '..', 'shared', 'vendor', `pgvector-${PGVECTOR_VERSION}.tar.gz`);
// Enough for the server-pg project's parallel files (pools of 10–20) and the worker suite.
const MAX_CONNECTIONS = 300;

const log = (msg) => console.error(`[postgres] ${msg}`);

function asRoot(command) {
  if (process.getuid?.() === 0) return command;
  const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
  if (sudo.status === 0) return ['sudo', '-n', ...command];
  return null;
}

function run(command, options = {}) {
  execFileSync(command[0], command.slice(1), { stdio: ['ignore', 'inherit', 'inherit'], ...options });
}

/** Installs postgresql-15 and postgresql-server-dev-15 with apt when they are missing. */
export function ensurePostgresPackages() {
  const missing = [];
  if (!existsSync(`${PG_BIN}/postgres`) || !existsSync(`${PG_BIN}/initdb`)) missing.push(`postgresql-${PG_VERSION}`);
  if (!existsSync(PG_CONFIG) || !existsSync(`/usr/include/postgresql/${PG_VERSION}/server/postgres.h`)) {
    missing.push(`postgresql-server-dev-${PG_VERSION}`);
  }
  if (missing.length === 0) return;
  const apt = asRoot(['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get']);
  if (!apt) {
    throw new Error(
      `PostgreSQL ${PG_VERSION} is not installed (missing: ${missing.join(', ')}) and this user cannot install it ` +
        `(not root, no passwordless sudo). Install with: sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`,
    );
  }
  log(`installing ${missing.join(' ')}`);
  run([...apt, 'update', '-qq']);
  run([...apt, 'install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

function installedPgvectorVersion() {
  try {
    const share = execFileSync(PG_CONFIG, ['--sharedir'], { encoding: 'utf8' }).trim();
    const lib = execFileSync(PG_CONFIG, ['--pkglibdir'], { encoding: 'utf8' }).trim();
    if (!existsSync(join(lib, 'vector.so'))) return null;
    const control = readFileSync(join(share, 'extension', 'vector.control'), 'utf8');
    return /default_version\s*=\s*'([^']+)'/.exec(control)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Builds and installs pgvector from the vendored tarball unless that version is installed. */
export async function ensurePgvector() {
  const installed = installedPgvectorVersion();
  if (installed === PGVECTOR_VERSION) return;
  if (!existsSync(PGVECTOR_TARBALL)) throw new Error(`pgvector source not found at ${PGVECTOR_TARBALL}`);
  const install = asRoot(['make']);
  if (!install)
    throw new Error(`pgvector ${PGVECTOR_VERSION} is not installed and installing it needs root or passwordless sudo`);
  log(`building pgvector ${PGVECTOR_VERSION}${installed ? ` (installed: ${installed})` : ''}`);
  const dir = await mkdtemp(join(tmpdir(), 'chronos-pgvector-'));
  try {
    run(['tar', 'xzf', PGVECTOR_TARBALL, '-C', dir]);
    const src = join(dir, `pgvector-${PGVECTOR_VERSION}`);
    // OPTFLAGS="": no -march=native, so the library runs on any x86-64 machine.
    run(['make', '-s', '-C', src, `-j${availableParallelism()}`, 'OPTFLAGS=', `PG_CONFIG=${PG_CONFIG}`]);
    run([...install, '-s', '-C', src, 'install', 'OPTFLAGS=', `PG_CONFIG=${PG_CONFIG}`]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as the `postgres` user when we are root (initdb and postgres refuse root). */
function asPostgresUser(command) {
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...command] : command;
}

/**
 * Starts a fresh cluster (or adopts TEST_POSTGRES_URL) and returns its URL and a stop()
 * that shuts it down and deletes its files. `create extension vector` is done in the
 * `postgres` database, so a database created from template0 still needs its own.
 *
 * `dataDir` (the benchmarks): a persistent cluster there instead, created on first use,
 * kept by stop(), and never replaced by TEST_POSTGRES_URL. `settings`: extra
 * `-c name=value` server settings (e.g. shared_buffers).
 */
export async function startPostgresTestServer({ env = process.env, dataDir, settings = {} } = {}) {
  if (env.TEST_POSTGRES_URL && !dataDir) return { url: env.TEST_POSTGRES_URL, started: false, stop: async () => {} };
  ensurePostgresPackages();
  await ensurePgvector();

  // The socket lives in a short temp dir (unix socket paths are limited to ~107 bytes).
  const dir = await mkdtemp(join(tmpdir(), 'chronos-pg-'));
  await chmod(dir, 0o755);
  const data = dataDir ?? join(dir, 'data');
  const asRootUser = process.getuid?.() === 0;
  if (asRootUser) run(['chown', 'postgres:postgres', dir]);
  const started = Date.now();
  let fresh;
  let port;
  try {
    fresh = !existsSync(join(data, 'PG_VERSION'));
    if (fresh) {
      if (dataDir) {
        // Parents readable by the postgres user; the data dir its own (initdb wants 0700).
        await mkdir(dirname(dataDir), { recursive: true });
        await mkdir(dataDir, { recursive: true, mode: 0o700 });
        if (asRootUser) run(['chown', 'postgres:postgres', dataDir]);
      }
      run(
        asPostgresUser([
          `${PG_BIN}/initdb`,
          '-D',
          data,
          '-A',
          'trust',
          '-U',
          'postgres',
          '-E',
          'UTF8',
          '--locale=C.UTF-8',
          '--no-sync',
        ]),
        {
          stdio: 'ignore',
        },
      );
    }
    const pidFile = join(data, 'postmaster.pid');
    // postmaster.pid's fifth line is the server's socket dir: each run makes its own and removes it on stop.
    let orphanSocketDir;
    try {
      orphanSocketDir = !fresh && existsSync(pidFile) ? readFileSync(pidFile, 'utf8').split('\n')[4] : undefined;
    } catch {
      orphanSocketDir = undefined; // not ours to read: pg_ctl start says what is wrong
    }
    if (orphanSocketDir && !existsSync(orphanSocketDir)) {
      // A kept cluster still running from a run that was killed before it could stop it (its
      // socket dir is gone with that run): stop it rather than fail to start.
      const [bin, ...args] = asPostgresUser([`${PG_BIN}/pg_ctl`, '-D', data, '-m', 'fast', '-w', '-s', 'stop']);
      if (spawnSync(bin, args, { stdio: 'ignore' }).status === 0)
        log(`stopped a server left running in ${data} by an earlier run`);
    }
    port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      `-c max_connections=${MAX_CONNECTIONS}`,
      // Throwaway data: durability costs time and proves nothing here.
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c shared_buffers=256MB',
      '-c max_wal_size=4GB',
      ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
    ].join(' ');
    run(
      asPostgresUser([
        `${PG_BIN}/pg_ctl`,
        '-D',
        data,
        '-l',
        join(dir, 'server.log'),
        '-o',
        options,
        '-w',
        '-s',
        'start',
      ]),
    );
  } catch (error) {
    const serverLog = join(dir, 'server.log');
    if (existsSync(serverLog)) console.error(readFileSync(serverLog, 'utf8').split('\n').slice(-20).join('\n'));
    await rm(dir, { recursive: true, force: true }); // the socket dir; a kept data dir is left as it is
    throw error;
  }

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // A kept cluster shuts down cleanly (no recovery at the next start); a throwaway one at once.
    const [bin, ...args] = asPostgresUser([
      `${PG_BIN}/pg_ctl`,
      '-D',
      data,
      '-m',
      dataDir ? 'fast' : 'immediate',
      '-w',
      '-s',
      'stop',
    ]);
    spawnSync(bin, args, { stdio: 'ignore' });
    await rm(dir, { recursive: true, force: true });
  };
  try {
    if (fresh) {
      run([
        `${PG_BIN}/psql`,
        '-X',
        '-q',
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        'postgres',
        '-c',
        'create extension vector',
      ]);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  // trust auth ignores the password; some clients (wrangler's local Hyperdrive) want one in the URL.
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  log(
    `PostgreSQL ${PG_VERSION} + pgvector ${PGVECTOR_VERSION} on 127.0.0.1:${port} (${((Date.now() - started) / 1000).toFixed(1)} s), data in ${data}`,
  );
  return { url, started: true, dir, stop };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const separator = process.argv.indexOf('--');
  const command = separator >= 0 ? process.argv.slice(separator + 1) : process.argv.slice(2);
  const server = await startPostgresTestServer();
  const finish = async (code) => {
    await server.stop();
    process.exit(code);
  };
  if (command.length === 0) {
    console.log(`TEST_POSTGRES_URL=${server.url}`);
    log('running; Ctrl-C stops it and deletes the cluster');
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void finish(0));
    setInterval(() => {}, 1 << 30);
  } else {
    const child = spawn(command[0], command.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, TEST_POSTGRES_URL: server.url },
    });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => void finish(code ?? (signal ? 1 : 0)));
    child.on('error', (error) => (console.error(error.message), void finish(1)));
  }
}

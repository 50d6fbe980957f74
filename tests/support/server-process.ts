import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs the server the way `npm start` does (`tsx server/entry/node.ts`). It stays in the
 * test runner's process group, so whoever stops the runner (Ctrl-C, `npm test`'s step
 * timeout) stops the server too; stop() itself ends the server and what it spawned.
 */
export const ROOT_DIR = fileURLToPath(new URL('../../', import.meta.url));
const STARTUP_TIMEOUT_MS = 120_000; // the first start builds the embed
const STOP_GRACE_MS = 5_000;

export interface ServerLogs {
  /** stdout and stderr, interleaved as they arrived. */
  text(): string;
  /** stdout lines that are JSON log records (the server's logger writes one per line). */
  json(): Record<string, unknown>[];
}

export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  url: string;
  dataDir: string;
  logs: ServerLogs;
  /** SIGTERM, then SIGKILL to the whole group after 5 s; resolves once the server has exited. */
  stop(): Promise<ServerExit>;
  /** SIGKILL to the whole tree at once, as a crash or an OOM kill would: no shutdown code runs. */
  crash(): Promise<ServerExit>;
}

export interface StartServerOptions {
  /** Reuse a data directory (e.g. to test a restart); default: a fresh temp dir. */
  dataDir?: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  env?: Record<string, string>;
}

export function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'chronos-e2e-'));
}

export function removeDataDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

export async function startServer(options: StartServerOptions = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? (await makeDataDir());
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(join(ROOT_DIR, 'node_modules/.bin/tsx'), ['server/entry/node.ts'], {
    cwd: ROOT_DIR,
    env: {
      ...startEnv(),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: options.logLevel ?? 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => ((output += chunk), (stdout += chunk)));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  let exit: ServerExit | undefined;
  const exited = new Promise<ServerExit>((resolve) =>
    child.once('exit', (code, signal) => resolve((exit = { code, signal }))),
  );

  // tsx runs the server in a child node process, which spawns esbuild: kill the whole tree.
  let tree: number[] = [];
  const killTree = () => {
    for (const pid of [...tree, ...processTree(child.pid!)]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // ESRCH: already gone
      }
    }
  };
  // If the test runner exits first, do not leave a server behind.
  process.once('exit', killTree);

  const stop = async () => {
    process.off('exit', killTree);
    tree = processTree(child.pid!); // known before tsx exits and its children are re-parented
    // SIGTERM goes to tsx only, which relays it to its node child. Signalling tsx and the
    // child together (what Ctrl-C on `npm start` does) races tsx's relay: about half the
    // time tsx misses the child's acknowledgement and SIGKILLs it mid-shutdown (exit 143).
    if (!exit) child.kill('SIGTERM');
    const timer = setTimeout(killTree, STOP_GRACE_MS);
    const result = await exited;
    clearTimeout(timer);
    killTree(); // whatever the server left running
    return result;
  };

  try {
    await waitForHealth(url, () => exit);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- server output ---\n${output || '(none)'}`);
  }
  const logs: ServerLogs = {
    text: () => output,
    json: () => stdout.split('\n').flatMap(parseJsonLine),
  };
  const crash = async () => {
    process.off('exit', killTree);
    killTree();
    return exited;
  };
  return { url, dataDir, logs, stop, crash };
}

async function waitForHealth(url: string, exitOf: () => ServerExit | undefined): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const exit = exitOf();
    if (exit) throw new Error(`The server exited before it was healthy (code ${exit.code}, signal ${exit.signal}).`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`GET ${url}/api/health did not answer 200 within ${STARTUP_TIMEOUT_MS / 1000} s (last: ${last}).`);
}

/**
 * The caller's environment minus what a test runner adds: `npm start` does not run with
 * vitest's NODE_ENV=test (Vite would then build the embed with React's development build).
 */
function startEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_ENV;
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  return env;
}

/** `pid` and its descendants, from /proc (Linux); elsewhere just `pid`. */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    // no /proc, or the process is gone
  }
  return [pid, ...children.flatMap(processTree)];
}

function parseJsonLine(line: string): Record<string, unknown>[] {
  if (!line.startsWith('{')) return [];
  try {
    return [JSON.parse(line) as Record<string, unknown>];
  } catch {
    return [];
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

#!/usr/bin/env node
/**
 * `npm test`: typecheck every tsconfig, then the unit (server + embed), Workers and
 * browser suites, streaming their output. Every step runs even after a failure, so the
 * summary is complete; the exit code is 1 if any step failed.
 *
 * The last line is `N passed, N failed[, N skipped]`: N counts tests, plus, as failed,
 * each step that failed without a failing test (a type error, a suite that did not load).
 *
 * One real PostgreSQL server (scripts/postgres-test-server.mjs) is started for the whole
 * run, after the typechecks, and handed to the test steps as TEST_POSTGRES_URL: the
 * server-pg project and the Workers suite run on it. A TEST_POSTGRES_URL already set is
 * used instead. It is stopped and deleted at the end.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgresTestServer } from './postgres-test-server.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const reportDir = join(root, 'test-results', 'vitest');

const typecheckProjects = [
  'shared',
  'server/domain',
  'server',
  'server/tsconfig.worker.json',
  'embed',
  'tests/server',
  'tests/embed',
  'tests/worker',
  'tests/e2e',
].filter((project) => existsSync(join(root, project.endsWith('.json') ? project : `${project}/tsconfig.json`)));

const allSteps = [
  // Format and lint first: a formatting or lint error fails `npm test` (fix with `npm run format`).
  { name: 'lint + format (biome ci)', command: [bin('biome'), 'ci', '--colors=off', '.'] },
  ...typecheckProjects.map((project) => ({
    name: `typecheck ${project}`,
    command: [bin('tsc'), '-p', project, '--noEmit'],
  })),
  vitestStep('unit (server + embed)', 'unit', []),
  ...(existsSync(join(root, 'tests/worker/vitest.config.ts'))
    ? [
        vitestStep('worker', 'worker', ['--config', 'tests/worker/vitest.config.ts'], {
          CLOUDFLARE_CF_FETCH_ENABLED: 'false',
          WRANGLER_SEND_METRICS: 'false',
        }),
      ]
    : []),
  vitestStep('e2e (Chromium)', 'e2e', ['--config', 'tests/e2e/vitest.config.ts']),
];
// `npm run typecheck` runs only the typecheck steps.
const steps = process.argv.includes('--typecheck-only')
  ? allSteps.filter((s) => s.name.startsWith('typecheck'))
  : allSteps;

function vitestStep(name, id, args, env = {}) {
  const report = join(reportDir, `${id}.json`);
  return {
    name,
    report,
    env,
    command: [bin('vitest'), 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${report}`],
  };
}

// A hung suite must not hang CI: each step gets this long, then its process group is killed.
const stepTimeoutMs = Number(process.env.TEST_STEP_TIMEOUT_MINUTES ?? 20) * 60_000;
let current;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true; // finish the current step's shutdown, run no more
    if (current) killGroup(current, signal);
  });
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function run(command, env) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
      detached: true, // its own process group, so a timeout can stop everything it started
    });
    current = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n✖ timed out after ${stepTimeoutMs / 60_000} min; stopping it`);
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), 10_000).unref();
    }, stepTimeoutMs);
    child.on('error', (err) => (console.error(err.message), resolve({ code: 1, timedOut })));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      killGroup(child, 'SIGKILL'); // anything it left behind (workerd, a server, a browser)
      current = undefined;
      resolve({ code: code ?? (signal ? 1 : 0), timedOut });
    });
  });
}

async function readCounts(report) {
  try {
    const json = JSON.parse(await readFile(report, 'utf8'));
    return {
      passed: json.numPassedTests,
      failed: json.numFailedTests,
      skipped: json.numPendingTests + json.numTodoTests,
    };
  } catch {
    return undefined; // vitest did not get far enough to write its report
  }
}

await mkdir(reportDir, { recursive: true });
const results = [];
/** Started before the first test step, once; a failure to start fails the steps that need it, loudly. */
let postgres;
async function postgresEnv() {
  postgres ??= startPostgresTestServer().then(
    (server) => ({ server }),
    (error) => ({ error }),
  );
  const { server, error } = await postgres;
  if (error) {
    console.error(`\n✖ PostgreSQL test server: ${error.message}`);
    return {};
  }
  return { TEST_POSTGRES_URL: server.url };
}
for (const step of steps) {
  if (interrupted) break;
  console.log(`\n▶ ${step.name}: ${step.command.map((part) => part.replace(root, '')).join(' ')}\n`);
  if (step.report) await rm(step.report, { force: true });
  const started = Date.now();
  const env = step.report ? { ...(await postgresEnv()), ...step.env } : step.env;
  const { code, timedOut } = await run(step.command, env);
  const counts = step.report ? await readCounts(step.report) : undefined;
  results.push({ name: step.name, ok: code === 0, timedOut, seconds: (Date.now() - started) / 1000, counts });
}

if (postgres) {
  const { server } = await postgres;
  await server?.stop();
}

const total = { passed: 0, failed: 0, skipped: 0 };
console.log('\nSummary');
console.log(
  `  ${'step'.padEnd(40)} ${'result'.padEnd(7)} ${'passed'.padStart(6)} ${'failed'.padStart(6)} ${'skipped'.padStart(7)} ${'time'.padStart(8)}`,
);
for (const { name, ok, timedOut, seconds, counts } of results) {
  const cell = (n, width) => String(n ?? '-').padStart(width);
  console.log(
    `  ${name.padEnd(40)} ${(ok ? 'ok' : timedOut ? 'TIMEOUT' : 'FAIL').padEnd(7)} ${cell(counts?.passed, 6)} ${cell(counts?.failed, 6)} ${cell(counts?.skipped, 7)} ${`${seconds.toFixed(1)} s`.padStart(8)}`,
  );
  total.passed += counts?.passed ?? 0;
  total.skipped += counts?.skipped ?? 0;
  total.failed += counts?.failed || (ok ? 0 : 1);
}
console.log('');
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(interrupted ? 130 : results.every((result) => result.ok) ? 0 : 1);

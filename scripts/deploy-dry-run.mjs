#!/usr/bin/env node
/**
 * `npm run deploy:dry-run [-- --reuse-embed]`: bundles the Worker exactly as
 * `wrangler deploy` would, into dist/worker, without a Cloudflare account or the
 * network, and prints the bundle size. Exits non-zero when anything fails.
 *
 * wrangler.toml serves dist/embed as static assets, and wrangler refuses a
 * missing directory, so the embed is built first (Vite). `--reuse-embed` keeps
 * an existing build. Without a Vite config and without a build, a placeholder
 * index.html is written so the Worker can still be checked; it says so loudly.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const embedDist = join(root, 'dist', 'embed');
const outdir = join(root, 'dist', 'worker');
const reuseEmbed = process.argv.includes('--reuse-embed');
// Offline and silent: no account lookups, no telemetry.
const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' };

function fail(message) {
  console.error(`\ndeploy dry run failed: ${message}`);
  process.exit(1);
}

/** Runs a package's CLI with this Node, so it works the same on every platform. */
function runCli(script, args) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules', script), ...args], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (result.error) fail(result.error.message);
  if (result.status !== 0) fail(`${script} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

function prepareEmbed() {
  const built = existsSync(join(embedDist, 'index.html'));
  if (reuseEmbed && built) return console.log('embed: reusing dist/embed');
  if (existsSync(join(root, 'embed', 'vite.config.ts'))) {
    console.log('embed: building with Vite');
    return runCli('vite/bin/vite.js', ['build', '--config', 'embed/vite.config.ts', '--logLevel', 'warn']);
  }
  if (built) return console.log('embed: no embed/vite.config.ts; reusing dist/embed');
  mkdirSync(embedDist, { recursive: true });
  writeFileSync(join(embedDist, 'index.html'), '<!doctype html><title>Chronos</title><div id="root"></div>\n');
  console.warn('embed: WARNING no embed/vite.config.ts and no build; wrote a placeholder dist/embed/index.html');
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

prepareEmbed();
rmSync(outdir, { recursive: true, force: true });
runCli('wrangler/bin/wrangler.js', ['deploy', '--dry-run', '--outdir', relative(root, outdir)]);

const bundle = join(outdir, 'worker.js');
if (!existsSync(bundle)) fail(`wrangler reported success but wrote no ${relative(root, bundle)}`);
const size = statSync(bundle).size;
const gzipped = gzipSync(readFileSync(bundle)).length;
console.log(`\nWorker bundle: ${relative(root, bundle)} ${kib(size)} (gzip ${kib(gzipped)})`);

import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const EMBED_DIST = join(ROOT_DIR, 'dist', 'embed');
// Beside dist/embed, not in it: everything in dist/embed is uploaded as a public asset.
const STAMP = join(ROOT_DIR, 'dist', '.embed-build-stamp');
const SOURCES = ['embed', 'shared'].map((d) => join(ROOT_DIR, d));

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? await newestMtime(path) : (await stat(path)).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

/** True when dist/embed is missing or older than any file under embed/ or shared/. */
export async function isEmbedBuildStale(): Promise<boolean> {
  const built = Number(await readFile(STAMP, 'utf8').catch(() => '0'));
  // A stamp without the build (dist/embed removed by hand) is no build.
  const present = await stat(join(EMBED_DIST, 'index.html')).then(
    () => true,
    () => false,
  );
  if (!present) return true;
  const sources = Math.max(...(await Promise.all(SOURCES.map(newestMtime))));
  return !built || sources > built;
}

/**
 * A production build of the embed with Vite's own CLI, in a child process. Never `import('vite')`
 * here: inside a test runner that transforms modules (vitest's global setup, a vitest test) Vite's
 * own code is rewritten, and the helper it copies into the bundle for lazy chunks then reads
 * `__vite_ssr_import_meta__`, which no browser has — every view fails to load (this broke CI's e2e
 * after the worker suite built dist/embed). Always production, even when a test runner
 * (NODE_ENV=test) asks: the React plugin picks its JSX runtime from NODE_ENV.
 */
export async function buildEmbed(options: { outDir?: string } = {}): Promise<void> {
  const args = [
    join(ROOT_DIR, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--config',
    join(ROOT_DIR, 'embed', 'vite.config.ts'),
    '--mode',
    'production',
    '--logLevel',
    'warn',
  ];
  if (options.outDir) args.push('--outDir', options.outDir, '--emptyOutDir');
  const { spawn } = await import('node:child_process');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT_DIR,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`vite build exited with ${signal ?? code}`)),
    );
  });
}

/** Builds the embed with Vite when its build is missing or stale; returns whether it built. */
export async function ensureEmbedBuild(log: (msg: string) => void): Promise<boolean> {
  if (!(await isEmbedBuildStale())) return false;
  log('building the embed (missing or stale)…');
  const started = Date.now();
  await buildEmbed();
  await writeFile(STAMP, String(started));
  log(`embed built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

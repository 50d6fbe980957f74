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
  const present = await stat(join(EMBED_DIST, 'index.html')).then(() => true, () => false);
  if (!present) return true;
  const sources = Math.max(...(await Promise.all(SOURCES.map(newestMtime))));
  return !built || sources > built;
}

/** Builds the embed with Vite when its build is missing or stale; returns whether it built. */
export async function ensureEmbedBuild(log: (msg: string) => void): Promise<boolean> {
  if (!(await isEmbedBuildStale())) return false;
  log('building the embed (missing or stale)…');
  const started = Date.now();
  const { build } = await import('vite');
  // Always a production bundle, even when a test runner (NODE_ENV=test) triggers the build:
  // npm start serves whatever lands in dist/embed, and the React plugin picks its JSX
  // runtime from NODE_ENV (a dev runtime in a production bundle is a blank page).
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT_DIR, 'embed', 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  await writeFile(STAMP, String(started));
  log(`embed built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

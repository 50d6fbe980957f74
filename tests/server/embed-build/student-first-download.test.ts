import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEmbed } from '../../../server/entry/embed-build';

/**
 * What index.html loads before the first render (its entry script and modulepreloads) is the
 * student's first download (issue #13: ≤ 100 KB gzip; `npm run bench embed` prints it).
 * Zod is not part of it: the student view imports its schemas with its first response
 * (`embed/lib/lazy-schema.ts`). Built into a directory of its own, so dist/embed is left alone.
 */
const ZOD_CODE = /\$Zod[A-Z]\w+/;
let out: string;
let initial: { file: string; code: string }[];
let others: { file: string; code: string }[];

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'chronos-embed-build-'));
  // The same build as dist/embed (Vite's CLI in a child process: see buildEmbed).
  await buildEmbed({ outDir: out });
  const html = await readFile(join(out, 'index.html'), 'utf8');
  const loaded = new Set([...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!));
  const scripts = await Promise.all(
    (await readdir(join(out, 'assets')))
      .filter((f) => f.endsWith('.js'))
      .map(async (file) => ({ file, code: await readFile(join(out, 'assets', file), 'utf8') })),
  );
  initial = scripts.filter((s) => loaded.has(s.file));
  // A browser has no `__vite_ssr_import_meta__`: a bundle naming it fails to load every lazy chunk.
  for (const script of scripts) expect(script.code, script.file).not.toContain('__vite_ssr_import_meta__');
  others = scripts.filter((s) => !loaded.has(s.file));
}, 120_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe("the student view's first download", () => {
  it('is the entry script and its preloads, with no zod in them; zod is a chunk of its own', () => {
    expect(initial.map((s) => s.file).some((f) => f.startsWith('index-'))).toBe(true);
    for (const script of initial) expect(script.code, script.file).not.toMatch(ZOD_CODE);
    expect(others.some((s) => ZOD_CODE.test(s.code))).toBe(true);
  });

  it('stays within 100 KB gzip', () => {
    const gzip = initial.reduce((sum, s) => sum + gzipSync(s.code, { level: 9 }).length, 0);
    expect(gzip).toBeLessThanOrEqual(100 * 1024);
  });
});

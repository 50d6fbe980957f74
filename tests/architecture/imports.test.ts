import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(path)));
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

async function importsOf(file: string): Promise<string[]> {
  const text = await readFile(join(root, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => (m[1] ?? m[2])!,
  );
}

/** Where a relative import lands, as a path from the repo root. */
const target = (file: string, spec: string) => relative(root, resolve(root, dirname(file), spec));

describe('architecture', () => {
  it('keeps domain code free of runtimes, drivers and HTTP', async () => {
    const banned = /^(hono|node:|cloudflare:|postgres$|@electric-sql|@hono|openai|@anthropic-ai|@supabase)/;
    const offenders: string[] = [];
    for (const file of await sourceFiles('server/domain')) {
      for (const spec of await importsOf(file)) {
        const landsOutside = spec.startsWith('.') && !/^(server\/(domain|ports)|shared)\//.test(target(file, spec));
        if (banned.test(spec) || landsOutside) offenders.push(`${file} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('lets the embed import only shared/, never server/', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles('embed')) {
      for (const spec of await importsOf(file)) {
        if (spec.startsWith('.') && /^server\//.test(target(file, spec))) offenders.push(`${file} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps each embed feature to itself: features import lib/, ui/ and shared/, views compose them', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles('embed/features')) {
      const own = file.split('/')[2];
      for (const spec of await importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const lands = target(file, spec);
        const feature = /^embed\/features\/([^/]+)/.exec(lands)?.[1];
        if ((feature && feature !== own) || /^embed\/views\//.test(lands)) offenders.push(`${file} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps shared/ free of server and embed code', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles('shared')) {
      for (const spec of await importsOf(file)) {
        if (spec.startsWith('.') && !target(file, spec).startsWith('shared')) offenders.push(`${file} → ${spec}`);
        if (!spec.startsWith('.') && spec !== 'zod') offenders.push(`${file} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaStandIn, ZOD_JSON_SCHEMA_MODULES } from '../../../embed/vite.config';

/**
 * The embed build swaps zod's JSON Schema generator for a stand-in (embed/vite.config.ts).
 * If a zod upgrade adds or renames an export, the build would fail or, worse, a schema
 * built at start would call something missing: the stand-in must export every name the
 * real module does, and only refuse when called.
 */
const zodRoot = dirname(createRequire(import.meta.url).resolve('zod/package.json'));

const exportedNames = async (source: string) =>
  Object.keys(await import(`data:text/javascript,${encodeURIComponent(source)}`));

describe('zod without its JSON Schema generator', () => {
  for (const module of ZOD_JSON_SCHEMA_MODULES) {
    it(`the stand-in for ${module} exports every name the installed zod's does`, async () => {
      const path = join(zodRoot, module.replace(/^zod\//, ''));
      const real = Object.keys(await import(path)).sort();
      const standIn = jsonSchemaStandIn(await readFile(path, 'utf8'));
      expect((await exportedNames(standIn)).sort()).toEqual(real);
    });
  }

  it('schema-time helpers return a method; calling anything refuses with a plain reason', async () => {
    const standIn = (await import(
      `data:text/javascript,${encodeURIComponent(jsonSchemaStandIn('export const createToJSONSchemaMethod = 1;\nexport function processSchema() {}\nexport { processSchema as process };'))}`
    )) as Record<string, (...args: unknown[]) => unknown>;
    const method = standIn.createToJSONSchemaMethod!({}) as () => unknown;
    expect(typeof method).toBe('function');
    expect(() => method()).toThrow(/JSON Schema is not part of the Chronos embed build/);
    expect(() => standIn.process!()).toThrow(/not part/);
  });
});

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const embedDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * The embed is served from the same origin as `/api` (Whop attaches the user token only
 * to same-origin requests), so in dev Vite proxies `/api` to the local server.
 *
 * ffmpeg.wasm (the library's audio extraction) starts its own module worker and imports
 * its core from a URL at run time: pre-bundling would break both in dev, and the worker
 * must be an ES module in the build. The core's js is a `?url` import, so the build copies it
 * into dist/embed/assets and it loads from our own origin; its wasm comes through
 * `ffmpegCoreWasm` below.
 */
export default defineConfig({
  root: embedDir,
  base: '/',
  plugins: [react(), ffmpegCoreWasm(), zodWithoutJsonSchema()],
  optimizeDeps: { exclude: ['@ffmpeg/ffmpeg'] },
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../dist/embed', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8787', changeOrigin: false },
    },
  },
});

const WASM_MODULE = 'virtual:ffmpeg-core-wasm';

/**
 * `import url from 'virtual:ffmpeg-core-wasm'`: the URL of ffmpeg.wasm's core binary. The
 * binary is 31 MiB and Workers static assets refuse files over 25 MiB, so the build ships
 * it gzipped (≈ 10 MB) and the browser inflates it (`extraction/ffmpeg-core.ts`). In dev
 * it is served as it is, from node_modules.
 */
function ffmpegCoreWasm(): Plugin {
  let serving = false;
  return {
    name: 'chronos:ffmpeg-core-wasm',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId(id) {
      return id === WASM_MODULE ? `\0${WASM_MODULE}` : null;
    },
    async load(id) {
      if (id !== `\0${WASM_MODULE}`) return null;
      const resolved = await this.resolve('@ffmpeg/core/wasm');
      if (!resolved) throw new Error('@ffmpeg/core/wasm is not installed');
      if (serving) return `export default ${JSON.stringify(`/@fs${resolved.id}`)};`;
      const source = gzipSync(await readFile(resolved.id));
      const ref = this.emitFile({ type: 'asset', name: 'ffmpeg-core.wasm.gz', source });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}

/**
 * Zod 4 builds every schema with `.toJSONSchema()`, so its JSON Schema generator (about a
 * fifth of zod, ~5 KB gzip) lands in the student's first download although the embed only
 * ever parses. In the build those two modules are replaced by stand-ins with the same
 * exports that say so if anything calls them; `tests/server/embed-build/zod-json-schema-stand-in.test.ts`
 * checks the stand-in still covers every export of the installed zod.
 */
export const ZOD_JSON_SCHEMA_MODULES = ['zod/v4/core/json-schema-processors.js', 'zod/v4/core/to-json-schema.js'];

function zodWithoutJsonSchema(): Plugin {
  let building = false;
  return {
    name: 'chronos:zod-without-json-schema',
    enforce: 'pre',
    configResolved(config) {
      building = config.command === 'build';
    },
    async load(id) {
      if (building && id.replaceAll('\\', '/').endsWith(`node_modules/${ZOD_UTIL_MODULE}`))
        return noEvalProbe(await readFile(id, 'utf8'));
      const module = building
        ? ZOD_JSON_SCHEMA_MODULES.find((m) => id.replaceAll('\\', '/').endsWith(`node_modules/${m}`))
        : undefined;
      if (!module) return null;
      const source = await readFile(id, 'utf8');
      return jsonSchemaStandIn(source);
    },
  };
}

const ZOD_UTIL_MODULE = 'zod/v4/core/util.js';

/**
 * Zod probes for eval with `new Function('')` when it builds its first object schema, and the
 * embed's CSP has no 'unsafe-eval': the probe throws (zod then uses its interpreted parsers)
 * but Chromium reports a violation. `z.config({ jitless: true })` in main.tsx came too late once
 * the bundler put zod and the shared schemas in a chunk of their own, so the build answers the
 * probe itself with what the CSP would answer: no eval. Nothing else about zod changes.
 */
export function noEvalProbe(source: string): string {
  const probe = /try \{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch \(_\) \{\s*return false;\s*\}/;
  if (!probe.test(source))
    throw new Error(`${ZOD_UTIL_MODULE} no longer probes for eval as expected: update noEvalProbe`);
  return source.replace(probe, 'return false;');
}

/** A module exporting every name `source` exports, each a function that refuses to run. */
export function jsonSchemaStandIn(source: string): string {
  const names = new Set<string>();
  for (const m of source.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm))
    names.add(m[1]!);
  const aliases: string[] = [];
  for (const m of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of m[1]!.split(',')) {
      const [local, exported] = part.trim().split(/\s+as\s+/);
      if (local && exported) aliases.push(`${local} as ${exported}`);
      else if (local) names.add(local);
    }
  }
  const refuse = `() => { throw new Error('JSON Schema is not part of the Chronos embed build'); }`;
  // Schemas call the create* helpers when built: they get a method that refuses when called.
  const lines = [...names].map((n) =>
    n.startsWith('create') ? `export const ${n} = () => ${refuse};` : `export const ${n} = ${refuse};`,
  );
  if (aliases.length) lines.push(`export { ${aliases.join(', ')} };`);
  return lines.join('\n');
}

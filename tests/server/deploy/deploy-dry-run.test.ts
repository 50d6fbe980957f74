import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const outdir = join(root, 'dist', 'worker');

/** Node built-ins that workerd itself provides under nodejs_compat (no polyfill needed). */
const WORKERD_NODE_MODULES = new Set(
  [
    'assert',
    'async_hooks',
    'buffer',
    'crypto',
    'diagnostics_channel',
    'events',
    'net',
    'path',
    'process',
    'stream',
    'string_decoder',
    'timers',
    'tls',
    'url',
    'util',
    'zlib',
  ].map((m) => `node:${m}`),
);
/** Configuration that must only ever be a secret (`wrangler secret put`), never a [vars] entry. */
const SECRET_NAMES = [
  'DATABASE_URL',
  'WHOP_API_KEY',
  'WHOP_WEBHOOK_SECRET',
  'OPENAI_API_KEY',
  'ANTHROPIC_API_KEY',
  'SUPABASE_SERVICE_ROLE_KEY',
];

let output = '';
let bundle = '';
let sources: string[] = [];

beforeAll(async () => {
  const run = await promisify(execFile)(process.execPath, ['scripts/deploy-dry-run.mjs', '--reuse-embed'], {
    cwd: root,
    maxBuffer: 10 * 1024 * 1024,
  });
  output = run.stdout + run.stderr;
  bundle = await readFile(join(outdir, 'worker.js'), 'utf8');
  sources = JSON.parse(await readFile(join(outdir, 'worker.js.map'), 'utf8')).sources;
}, 180_000);

describe('npm run deploy:dry-run', () => {
  it('bundles the Worker offline and reports its size', () => {
    expect(output).toMatch(/Worker bundle: dist\/worker\/worker\.js [\d.]+ KiB \(gzip [\d.]+ KiB\)/);
    expect(bundle.length).toBeGreaterThan(10_000);
  });

  it('binds the queue, Hyperdrive, the assets and the rate limiters, with only non-secret vars', () => {
    expect(output).toMatch(/env\.JOBS \(chronos-jobs\)\s+Queue/);
    expect(output).toMatch(/env\.HYPERDRIVE \(\w+\)\s+Hyperdrive Config/);
    expect(output).toMatch(/env\.ASSETS\s+Assets/);
    expect(output).toMatch(/env\.CHAT_RATE_LIMITER \(20 requests\/60s\)\s+Rate Limit/);
    expect(output).toMatch(/env\.WHOP_RATE_LIMITER \(60 requests\/60s\)\s+Rate Limit/);
    const vars = [...output.matchAll(/env\.(\w+) \(.*\)\s+Environment Variable/g)].map((m) => m[1]);
    expect(vars).toContain('APP_ENV');
    expect(vars.filter((name) => SECRET_NAMES.includes(name!))).toEqual([]);
  });

  it('imports nothing at runtime but what workerd provides', () => {
    // esbuild writes top-level `import … from "x";` lines and `import("x")` calls (comments use other forms).
    const statics = [...bundle.matchAll(/^import\b[^"\n]*?from\s*"([^"]+)";?$/gm)];
    const dynamics = [...bundle.matchAll(/\bimport\("([^"]+)"\)/g)];
    const specifiers = new Set([...statics, ...dynamics].map((m) => m[1]!));
    for (const specifier of specifiers) {
      expect(specifier.startsWith('cloudflare:') || WORKERD_NODE_MODULES.has(specifier), specifier).toBe(true);
    }
    expect(specifiers).toContain('cloudflare:sockets'); // postgres.js's Workers build, not its Node one
  });

  it('leaves the Node runtime out (PGlite, the Node server, Vite, disk access)', () => {
    const nodeOnly =
      /@electric-sql\/pglite|@hono\/node-server|node_modules\/vite\/|server\/entry\/(node|embed-build|serve-embed)|migration-files/;
    expect(sources.filter((source) => nodeOnly.test(source))).toEqual([]);
  });

  it('contains no credentials', async () => {
    const patterns = [
      /sk-(?:ant-)?[A-Za-z0-9_-]{20,}/, // OpenAI / Anthropic keys
      /whsec_[A-Za-z0-9]{10,}/,
      /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
      /postgres(?:ql)?:\/\/[^\s:/@"'`]+:[^\s@"'`]+@/, // a connection string with a password
      /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}/, // a JWT (Supabase service-role key)
    ];
    for (const pattern of patterns) expect(bundle, String(pattern)).not.toMatch(pattern);

    // Whatever local secrets files hold must not have leaked into the bundle either.
    for (const file of ['.env', '.dev.vars']) {
      const text = await readFile(join(root, file), 'utf8').catch(() => '');
      for (const [, value] of text.matchAll(/^\s*[A-Z0-9_]+\s*=\s*["']?([^"'\n]{8,})["']?\s*$/gm)) {
        expect(bundle.includes(value!.trim()), `a value from ${file}`).toBe(false);
      }
    }
  });
});

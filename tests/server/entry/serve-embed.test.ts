import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickEncoding, serveEmbedFromDisk } from '../../../server/entry/serve-embed';
import type { AppEnv } from '../../../server/http/context';

let root: string;
let app: Hono<AppEnv>;
const SCRIPT = `export const chronos = ${JSON.stringify('x'.repeat(20_000))};\n`;
const HTML =
  '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script></body></html>';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'chronos-embed-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'assets', 'index-abc123.js'), SCRIPT);
  await writeFile(join(root, 'assets', 'clip-abc123.webm'), new Uint8Array(4096).fill(7));
  await writeFile(join(root, 'index.html'), HTML);
  await writeFile(join(root, '_headers'), '/*\n  X: y\n');
  app = new Hono<AppEnv>();
  app.use('*', serveEmbedFromDisk(root));
  app.all('*', (c) => c.text('next', 404));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

describe('the Node server serves the embed compressed and cached', () => {
  it('sends a hashed script brotli-compressed, cached for a year, varying on accept-encoding', async () => {
    const response = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body.length).toBeLessThan(SCRIPT.length / 10);
    expect(brotliDecompressSync(body).toString()).toBe(SCRIPT);
  });

  it('sends gzip to a client without brotli, and plain bytes to one that accepts neither', async () => {
    const gz = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(new Uint8Array(await gz.arrayBuffer())).toString()).toBe(SCRIPT);
    const plain = await get('/assets/index-abc123.js', { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
  });

  it('index.html and the SPA routes are revalidated on every use, and compressed too', async () => {
    for (const path of ['/', '/experiences/exp_1']) {
      const response = await get(path, { 'accept-encoding': 'br' });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(brotliDecompressSync(new Uint8Array(await response.arrayBuffer())).toString()).toBe(HTML);
    }
    const plain = await get('/experiences/exp_1');
    expect(plain.headers.get('cache-control')).toBe('no-cache');
    expect(await plain.text()).toBe(HTML);
  });

  it('media is not recompressed and still answers Range requests', async () => {
    const response = await get('/assets/clip-abc123.webm', { 'accept-encoding': 'br', range: 'bytes=0-99' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect((await response.arrayBuffer()).byteLength).toBe(100);
  });

  it('a missing asset is a 404 (not the SPA), and paths outside the build are never read', async () => {
    expect((await get('/assets/missing-000.js', { 'accept-encoding': 'br' })).status).toBe(404);
    expect((await get('/assets/../../etc/hosts.txt', { 'accept-encoding': 'br' })).status).toBe(404);
    expect(await (await get('/_headers')).text()).toBe('next');
  });

  it('reads the client’s preference, q=0 included', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0.8')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
  });
});

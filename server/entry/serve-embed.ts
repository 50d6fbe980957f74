import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import type { AppEnv } from '../http/context';
import { EMBED_DIST } from './embed-build';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Vite puts a content hash in every file name under /assets/: such a URL never changes content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, favicon) is checked again on every use: a deploy shows at once. */
export const REVALIDATE = 'no-cache';
/** Text that compresses; the ffmpeg core's wasm already ships gzipped, media and images do not shrink. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|map|txt)$/i;
type Encoding = 'br' | 'gzip';

/** The client's preferred encoding we offer: brotli, else gzip, else none (q=0 refuses one). */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const wants = (name: Encoding) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return wants('br') ? 'br' : wants('gzip') ? 'gzip' : null;
}

async function listFiles(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.set(`/${relative(root, path).split(sep).join('/')}`, path);
    }
  };
  await walk(root);
  return files;
}

/**
 * Serves dist/embed; any other non-API path gets index.html (the SPA routes it).
 * Text assets go out brotli- or gzip-compressed (compressed once, kept in memory: the
 * build is fixed for the life of the process), with `vary: accept-encoding`; hashed
 * assets are cached for a year, index.html is revalidated. Only files that exist in the
 * build when it is first asked are served compressed (a URL can never name a path outside it).
 */
export function serveEmbedFromDisk(root: string = EMBED_DIST): MiddlewareHandler<AppEnv> {
  const assets = serveStatic<AppEnv>({ root });
  let files: Promise<Map<string, string>> | undefined;
  const compressed = new Map<string, Promise<Buffer>>();

  const compress = (key: string, file: string, encoding: Encoding) => {
    let body = compressed.get(`${encoding}:${key}`);
    if (!body) {
      body = readFile(file).then((bytes) =>
        encoding === 'br'
          ? brotli(bytes, {
              params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
            })
          : gzipAsync(bytes, { level: 9 }),
      );
      body.catch(() => compressed.delete(`${encoding}:${key}`));
      compressed.set(`${encoding}:${key}`, body);
    }
    return body;
  };

  const sendCompressed = async (
    c: Context<AppEnv>,
    key: string,
    file: string,
    encoding: Encoding,
    cacheControl: string,
  ) => {
    const body = await compress(key, file, encoding);
    c.header('content-type', getMimeType(key) ?? 'application/octet-stream');
    c.header('content-encoding', encoding);
    c.header('vary', 'accept-encoding');
    c.header('cache-control', cacheControl);
    c.header('content-length', String(body.length));
    if (c.req.method === 'HEAD') return c.body(null, 200);
    return c.body(new Uint8Array(body), 200);
  };

  let indexHtml: string | undefined;
  return async (c, next) => {
    // Cloudflare's asset config file is not an asset.
    if (c.req.path === '/_headers') return next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    files ??= listFiles(root);
    const known = await files;
    const cacheControl = c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
    const encoding = pickEncoding(c.req.header('accept-encoding'));
    const file = known.get(c.req.path === '/' ? '/index.html' : c.req.path);
    if (file && encoding && COMPRESSIBLE.test(file) && !c.req.header('range')) {
      return sendCompressed(c, c.req.path === '/' ? '/index.html' : c.req.path, file, encoding, cacheControl);
    }
    const served = await assets(c, async () => {});
    if (served) {
      served.headers.set('cache-control', cacheControl);
      if (COMPRESSIBLE.test(c.req.path)) served.headers.append('vary', 'accept-encoding');
      return served;
    }
    // A missing file (has an extension) is a 404, not the SPA.
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return next();
    const index = known.get('/index.html');
    if (index && encoding) return sendCompressed(c, '/index.html', index, encoding, REVALIDATE);
    indexHtml ??= await readFile(join(root, 'index.html'), 'utf8');
    c.header('cache-control', REVALIDATE);
    c.header('vary', 'accept-encoding');
    return c.html(indexHtml);
  };
}

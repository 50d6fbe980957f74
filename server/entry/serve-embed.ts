import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/context';
import { EMBED_DIST } from './embed-build';

/** Serves dist/embed; any other non-API path gets index.html (the SPA routes it). */
export function serveEmbedFromDisk(root: string = EMBED_DIST): MiddlewareHandler<AppEnv> {
  const assets = serveStatic<AppEnv>({ root });
  let indexHtml: string | undefined;
  return async (c, next) => {
    // Cloudflare's asset config file is not an asset.
    if (c.req.path === '/_headers') return next();
    const served = await assets(c, async () => {});
    if (served) return served;
    // A missing file (has an extension) is a 404, not the SPA.
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return next();
    indexHtml ??= await readFile(join(root, 'index.html'), 'utf8');
    c.header('cache-control', 'no-cache');
    return c.html(indexHtml);
  };
}

import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';

/** What the Content-Security-Policy depends on: where the browser streams and uploads files, and who may frame us. */
export interface ContentSecurityOptions {
  /** Supabase Storage's origin when configured: signed video URLs play from it, and uploads go straight to it. */
  supabaseOrigin: string | null;
  /** The local sandbox page (same loopback origin) frames the app like Whop does; nothing else may. */
  allowSelfFraming: boolean;
}

export const WHOP_FRAME_ANCESTORS = 'https://whop.com https://*.whop.com';
/** Lessons imported from Whop Courses stream from Mux: playlists on stream.mux.com, renditions and segments on *.mux.com. */
export const MUX_STREAM_ORIGINS = 'https://stream.mux.com https://*.mux.com';

/**
 * The one policy for the app's documents (and its workers, which take the policy of
 * their own script's response):
 * - `'wasm-unsafe-eval'`: ffmpeg.wasm compiles its core in the browser; plain `eval` stays off.
 * - No `worker-src blob:`: @ffmpeg/ffmpeg starts a module Worker from its own bundled file
 *   (`new URL('./worker.js', import.meta.url)`, emitted under /assets), so `'self'` covers it.
 * - `connect-src blob:`: inside that worker, the core fetches the wasm from a blob: URL (the
 *   embed inflates the gzipped binary and hands it over as a blob, extraction/ffmpeg-core.ts).
 * - `media-src blob:`: the library reads a file's duration from a blob: URL of the picked file
 *   (and hls.js plays through a MediaSource blob: URL).
 * - Mux in `media-src` (Safari plays HLS natively) and `connect-src` (hls.js fetches it).
 */
export function contentSecurityPolicy(options: ContentSecurityOptions): string {
  const storage = options.supabaseOrigin ? ` ${options.supabaseOrigin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `media-src 'self' blob:${storage} ${MUX_STREAM_ORIGINS}`,
    `connect-src 'self' blob:${storage} ${MUX_STREAM_ORIGINS}`,
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${options.allowSelfFraming ? "'self' " : ''}${WHOP_FRAME_ANCESTORS}`,
  ].join('; ');
}

/**
 * What Workers static assets send (embed/public/_headers, where the configuration is not
 * known): no storage origin and no self-framing. The Worker itself serves the app's page
 * routes (wrangler.toml run_worker_first) with the configured policy.
 */
export const STATIC_ASSETS_CSP = contentSecurityPolicy({ supabaseOrigin: null, allowSelfFraming: false });

/** Whop frames the app, so no X-Frame-Options; the CSP's frame-ancestors says who may. */
export function securityHeaders(options: ContentSecurityOptions): MiddlewareHandler<AppEnv> {
  const csp = contentSecurityPolicy(options);
  return async (c, next) => {
    await next();
    c.res.headers.set('content-security-policy', csp);
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  };
}

/** The origin of SUPABASE_URL, as a CSP source; null when storage is not Supabase. */
export function supabaseOriginOf(url: string | undefined | null): string | null {
  return url ? new URL(url).origin : null;
}

import type { Handler } from 'hono';
import { ApiError } from '../../shared/api-error';
import type { SandboxStreams } from '../adapters/whop/sandbox-courses';
import type { AppEnv } from '../http/context';

const CONTENT_TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  mp4: 'video/mp4',
  m4s: 'video/iso.segment',
};

/**
 * GET /api/sandbox/mux/:playbackId/:file — the sandbox's Mux (sandbox mode only): a
 * stream's playlist and segments with Mux's content types and open CORS, so hls.js
 * fetches them as it fetches stream.mux.com. Only the files the sandbox cut; nothing
 * a creator uploaded is reachable here.
 */
export function sandboxMuxGet(streams: SandboxStreams): Handler<AppEnv, '/api/sandbox/mux/:playbackId/:file'> {
  return async (c) => {
    const file = c.req.param('file');
    const body = await streams.read(c.req.param('playbackId'), file);
    if (!body) throw new ApiError('NOT_FOUND', 'No such stream.');
    return c.body(new Uint8Array(body), 200, {
      'content-type': CONTENT_TYPES[file.slice(file.lastIndexOf('.') + 1)] ?? 'application/octet-stream',
      'access-control-allow-origin': '*',
      'cache-control': file.endsWith('.m3u8') ? 'public, max-age=60' : 'public, max-age=31536000, immutable',
    });
  };
}

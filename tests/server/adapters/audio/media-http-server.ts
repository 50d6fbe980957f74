import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Serves one media file over HTTP the way a signed storage URL would, for URL
 * sources. From the `stallFromRequest`-th request on (0-based), it sends the
 * first `stallAfterBytes` and then nothing: a storage server that has hung.
 */
export interface MediaHttpServer {
  url: (path: string) => string;
  /** Requests seen, in order, with how many bytes each was sent so far. */
  requests: { path: string; sentBytes: number }[];
  close(): Promise<void>;
}

export async function serveMedia(
  file: string,
  options: { stallFromRequest?: number; stallAfterBytes?: number } = {},
): Promise<MediaHttpServer> {
  const size = (await stat(file)).size;
  const requests: MediaHttpServer['requests'] = [];
  const open = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const entry = { path, sentBytes: 0 };
    const index = requests.push(entry) - 1;
    if (path !== '/media/lesson.flac') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Object not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'audio/flac', 'content-length': String(size) });
    const stall = options.stallFromRequest !== undefined && index >= options.stallFromRequest;
    const stream = createReadStream(file, stall ? { end: (options.stallAfterBytes ?? 64 * 1024) - 1 } : {});
    stream.on('data', (chunk) => (entry.sentBytes += chunk.length));
    open.add(res);
    res.on('close', () => open.delete(res));
    // A stalled response never ends: the connection stays open with nothing more to read.
    stream.pipe(res, { end: !stall });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: async () => {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

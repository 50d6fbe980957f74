import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../../../shared/api-error';
import { BlobNotFoundError, type BlobStore } from '../../ports/blob-store';
import type { BlobGrantSigner } from './blob-grants';
import { resolveRange } from './http-range';
import type { LocalBlobServer } from './local-blob-server';

export interface DiskBlobStoreOptions {
  /** Files live under this folder (`.data/blobs`). */
  root: string;
  signer: BlobGrantSigner;
  /** Where the Node server mounts the local blob routes. */
  routePrefix?: string;
  now?: () => number;
}

/** `biz_x/<uuid>/media.mp4`: a fixed shape, so a key can never climb out of the root. */
const KEY = /^biz_[A-Za-z0-9]+\/[0-9a-f-]{36}\/[a-z0-9-]+\.[a-z0-9]+$/;

class TooLarge extends Error {}

/**
 * The embedded default's storage: files on local disk, with signed, expiring
 * same-origin URLs (`/api/local-blobs/<token>`) standing in for Supabase's signed
 * URLs, so the browser uploads and streams exactly as in production.
 */
export function createDiskBlobStore(options: DiskBlobStoreOptions): BlobStore & LocalBlobServer {
  const root = resolve(options.root);
  const prefix = options.routePrefix ?? '/api/local-blobs';
  const nowSeconds = () => Math.floor((options.now?.() ?? Date.now()) / 1000);
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`Invalid blob key: ${key}`);
    const path = resolve(root, key);
    if (!path.startsWith(root + sep)) throw new Error(`Invalid blob key: ${key}`);
    return path;
  };
  const grantFor = async (token: string, op: 'put' | 'get') => {
    const grant = await options.signer.verify(token, nowSeconds());
    if (!grant || grant.op !== op || !KEY.test(grant.key)) {
      throw new ApiError('FORBIDDEN', 'This link is invalid or has expired.');
    }
    return grant;
  };
  const sizeOf = async (key: string) => {
    try {
      const s = await stat(pathOf(key));
      return s.isFile() ? s.size : null;
    } catch {
      return null;
    }
  };

  return {
    kind: 'local-disk',
    async createUploadTarget(key, { contentType, sizeBytes, expiresInSeconds }) {
      pathOf(key);
      const token = await options.signer.sign({
        key,
        op: 'put',
        exp: nowSeconds() + expiresInSeconds,
        max: sizeBytes,
        type: contentType,
      });
      return { url: `${prefix}/${token}`, method: 'PUT', headers: { 'content-type': contentType } };
    },
    async createDownloadUrl(key, { expiresInSeconds, contentType }) {
      pathOf(key);
      const token = await options.signer.sign({
        key,
        op: 'get',
        exp: nowSeconds() + expiresInSeconds,
        ...(contentType ? { type: contentType } : {}),
      });
      return `${prefix}/${token}`;
    },
    async stat(key) {
      const size = await sizeOf(key);
      return size === null ? null : { sizeBytes: size };
    },
    async read(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(key);
        throw err;
      }
    },
    async write(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(`${path}.partial`, bytes);
      await rename(`${path}.partial`, path);
    },
    async remove(keys) {
      await Promise.all(keys.map((key) => rm(pathOf(key), { force: true })));
    },
    localPath: (key) => pathOf(key),

    async receive(token, body, contentLength, gate = (_key, store) => store()) {
      const grant = await grantFor(token, 'put');
      await gate(grant.key, async () => {});
      const max = grant.max ?? 0;
      if (contentLength !== null && contentLength > max) {
        throw new ApiError('PAYLOAD_TOO_LARGE', `This upload was announced as ${max} bytes; the file sent is larger.`);
      }
      if (!body) throw new ApiError('BAD_REQUEST', 'The upload has no body.');
      const path = pathOf(grant.key);
      const partial = `${path}.partial`;
      await mkdir(dirname(path), { recursive: true });
      let received = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          received += chunk.length;
          done(received > max ? new TooLarge() : null, chunk);
        },
      });
      try {
        await pipeline(
          Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>),
          counter,
          createWriteStream(partial),
        );
      } catch (err) {
        await rm(partial, { force: true });
        if (err instanceof TooLarge)
          throw new ApiError(
            'PAYLOAD_TOO_LARGE',
            `This upload was announced as ${max} bytes; the file sent is larger.`,
          );
        throw err;
      }
      try {
        // Under the gate: the upload may have closed while the body was arriving.
        await gate(grant.key, () => rename(partial, path));
      } catch (err) {
        await rm(partial, { force: true });
        throw err;
      }
      return { sizeBytes: received };
    },

    async serve(token, rangeHeader, method) {
      const grant = await grantFor(token, 'get');
      const size = await sizeOf(grant.key);
      if (size === null) throw new ApiError('NOT_FOUND', 'This file does not exist.');
      const headers = new Headers({
        'accept-ranges': 'bytes',
        'content-type': grant.type ?? 'application/octet-stream',
        'cache-control': 'private, max-age=3600',
      });
      const range = resolveRange(rangeHeader, size);
      if (range === 'unsatisfiable') {
        headers.set('content-range', `bytes */${size}`);
        return new Response(null, { status: 416, headers });
      }
      const { start, end } = range ?? { start: 0, end: size - 1 };
      headers.set('content-length', String(size === 0 ? 0 : end - start + 1));
      if (range) headers.set('content-range', `bytes ${start}-${end}/${size}`);
      const status = range ? 206 : 200;
      if (method === 'HEAD' || size === 0) return new Response(null, { status, headers });
      const stream = Readable.toWeb(
        createReadStream(pathOf(grant.key), { start, end }),
      ) as unknown as ReadableStream<Uint8Array>;
      return new Response(stream, { status, headers });
    },
  };
}

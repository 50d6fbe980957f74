import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSupabaseBlobStore } from '../../../../server/adapters/blob/supabase-blob-store';
import { BlobNotFoundError, blobKeys } from '../../../../server/ports/blob-store';
import { UploadTarget } from '../../../../shared/schemas/videos';
import { type StorageRequest, type StoredObject, storageError, supabaseStorageApi } from './supabase-storage-api';

const PROJECT = 'https://abcdefghijklmnop.supabase.co';
const SERVICE_ROLE_KEY = 'service-role-key-for-tests-0123456789';
const BUCKET = 'videos';
const CREATOR = 'biz_storage1';
const VIDEO = '3f2b8c1e-9d4a-4e6b-8a2f-1c5d7e9f0a1b';
const MEDIA = blobKeys.media(CREATOR, VIDEO, 'mp4');

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function setup(options: { intercept?: (request: StorageRequest) => Response | undefined } = {}) {
  const objects = new Map<string, StoredObject>();
  const requests: StorageRequest[] = [];
  server.use(
    ...supabaseStorageApi({
      projectUrl: PROJECT,
      serviceRoleKey: SERVICE_ROLE_KEY,
      bucket: BUCKET,
      objects,
      requests,
      ...options,
    }),
  );
  const store = createSupabaseBlobStore({ url: `${PROJECT}/`, serviceRoleKey: SERVICE_ROLE_KEY, bucket: BUCKET });
  return { store, objects, requests };
}

const bytes = (n: number, fill = 7) => new Uint8Array(n).fill(fill);

describe('Supabase Storage blob store', () => {
  it('gives the browser a signed upload URL it can PUT the raw file to, with no key in it', async () => {
    const { store, objects, requests } = setup();
    expect(store.kind).toBe('supabase');

    const target = UploadTarget.parse(
      await store.createUploadTarget(MEDIA, { contentType: 'video/mp4', sizeBytes: 4096, expiresInSeconds: 7200 }),
    );
    expect(target.method).toBe('PUT');
    expect(target.url).toMatch(
      new RegExp(`^${PROJECT}/storage/v1/object/upload/sign/videos/${MEDIA}\\?token=tok_\\w+$`),
    );
    expect(target.headers).toEqual({
      'content-type': 'video/mp4',
      'cache-control': 'max-age=3600',
      'x-upsert': 'false',
    });
    expect(JSON.stringify(target)).not.toContain(SERVICE_ROLE_KEY);
    // Signing is a server call, authenticated as supabase-js authenticates.
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: `/storage/v1/object/upload/sign/videos/${MEDIA}`,
      apikey: SERVICE_ROLE_KEY,
      authorization: `Bearer ${SERVICE_ROLE_KEY}`,
    });

    // What the browser does with it: PUT the File as it is, with exactly these headers.
    const put = await fetch(target.url, { method: target.method, headers: target.headers, body: bytes(4096) });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ Key: `videos/${MEDIA}` });
    expect(requests[1]).toMatchObject({ method: 'PUT', apikey: null, authorization: null });
    expect(objects.get(MEDIA)).toMatchObject({ contentType: 'video/mp4', cacheControl: 'max-age=3600' });

    expect(await store.stat(MEDIA)).toEqual({ sizeBytes: 4096 });
  });

  it('serves a stored object through a signed URL that honours Range, with no key in it', async () => {
    const { store, requests } = setup();
    const audio = blobKeys.audioPart(CREATOR, VIDEO, 0);
    const content = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
    await store.write(audio, content, 'audio/mpeg');

    const url = await store.createDownloadUrl(audio, { expiresInSeconds: 3600 });
    expect(url).toMatch(new RegExp(`^${PROJECT}/storage/v1/object/sign/videos/${audio}\\?token=tok_\\w+$`));
    expect(url).not.toContain(SERVICE_ROLE_KEY);
    expect(requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `/storage/v1/object/sign/videos/${audio}`,
      apikey: SERVICE_ROLE_KEY,
    });

    const partial = await fetch(url, { headers: { range: 'bytes=100-199' } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(new Uint8Array(await partial.arrayBuffer())).toEqual(content.slice(100, 200));
  });

  it('writes with upsert (a redelivered job rewrites the same key) and reads the bytes back', async () => {
    const { store, objects, requests } = setup();
    const audio = blobKeys.audioPart(CREATOR, VIDEO, 3);
    await store.write(audio, bytes(300, 1), 'audio/mpeg');
    await store.write(audio, bytes(200, 2), 'audio/mpeg');

    const writes = requests.filter((r) => r.method === 'POST');
    expect(writes.map((w) => [w.path, w.headers['x-upsert'], w.headers['content-type']])).toEqual([
      [`/storage/v1/object/videos/${audio}`, 'true', 'audio/mpeg'],
      [`/storage/v1/object/videos/${audio}`, 'true', 'audio/mpeg'],
    ]);
    expect(objects.get(audio)?.bytes).toEqual(bytes(200, 2));
    expect(await store.read(audio)).toEqual(bytes(200, 2));
    expect(requests.at(-1)).toMatchObject({ method: 'GET', authorization: `Bearer ${SERVICE_ROLE_KEY}` });
  });

  it('says nothing is there for a missing object (Storage answers 400 with statusCode "404")', async () => {
    const { store } = setup();
    expect(await store.stat(MEDIA)).toBeNull();
    await expect(store.read(MEDIA)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('removes objects in batches Storage accepts, ignoring names that do not exist, and sends nothing for none', async () => {
    const { store, objects, requests } = setup();
    const keys = Array.from({ length: 1001 }, (_, i) => blobKeys.audioPart(CREATOR, VIDEO, i));
    objects.set(keys[0]!, { bytes: bytes(1), contentType: 'audio/mpeg', cacheControl: null, createdAt: '' });
    objects.set(keys[1000]!, { bytes: bytes(1), contentType: 'audio/mpeg', cacheControl: null, createdAt: '' });

    await store.remove([]);
    expect(requests).toEqual([]);

    await store.remove(keys);
    expect(requests.map((r) => [r.method, r.path, r.apikey])).toEqual([
      ['DELETE', '/storage/v1/object/videos', SERVICE_ROLE_KEY],
      ['DELETE', '/storage/v1/object/videos', SERVICE_ROLE_KEY],
    ]);
    expect(objects.size).toBe(0);
  });

  it('fails loudly, naming the operation and the key, when Storage errs or cannot be reached', async () => {
    const outage = setup({
      intercept: (r) =>
        r.path.includes('/info/') ? storageError('500', 'internal', 'Internal Server Error', 500) : undefined,
    });
    await expect(outage.store.stat(MEDIA)).rejects.toThrow(
      `Supabase Storage: stat ${MEDIA} failed (500): Internal Server Error`,
    );

    server.resetHandlers();
    const missingBucket = createSupabaseBlobStore({ url: PROJECT, serviceRoleKey: SERVICE_ROLE_KEY, bucket: 'nope' });
    server.use(...supabaseStorageApi({ projectUrl: PROJECT, serviceRoleKey: SERVICE_ROLE_KEY, bucket: BUCKET }));
    await expect(
      missingBucket.createUploadTarget(MEDIA, { contentType: 'video/mp4', sizeBytes: 1, expiresInSeconds: 60 }),
    ).rejects.toThrow(/sign upload .* failed \(400\): Bucket not found/);

    server.resetHandlers();
    const down = setup({ intercept: () => HttpResponse.error() });
    await expect(down.store.createDownloadUrl(MEDIA, { expiresInSeconds: 60 })).rejects.toThrow(
      /sign download .* failed/,
    );
    await expect(down.store.remove([MEDIA])).rejects.toThrow(/remove 1 objects from .* failed/);
  });

  it('refuses a wrong service-role key the way Storage does', async () => {
    setup();
    const wrong = createSupabaseBlobStore({
      url: PROJECT,
      serviceRoleKey: 'another-key-that-is-not-it',
      bucket: BUCKET,
    });
    await expect(wrong.stat(MEDIA)).rejects.toThrow(/stat .* failed \(400\): invalid signature/);
  });
});

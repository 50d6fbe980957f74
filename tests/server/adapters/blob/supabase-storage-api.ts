import { HttpResponse, http } from 'msw';

/**
 * Supabase Storage's REST API (storage-api behind `<project>/storage/v1`) in its
 * wire format, for msw, over an in-memory private bucket. Errors are Storage's:
 * HTTP 400 with `{ statusCode, error, message }` (statusCode a string, "404" for a
 * missing object), since projects answer 400 unless told to use real statuses.
 * Authenticated routes take the key as supabase-js sends it (`apikey` and a bearer
 * token); signed routes take only the `token` query parameter.
 */
export interface StoredObject {
  bytes: Uint8Array;
  contentType: string;
  cacheControl: string | null;
  createdAt: string;
}

export interface StorageRequest {
  method: string;
  path: string;
  apikey: string | null;
  authorization: string | null;
  headers: Record<string, string>;
}

export interface SupabaseStorageApiOptions {
  projectUrl: string;
  serviceRoleKey: string;
  bucket: string;
  objects?: Map<string, StoredObject>;
  requests?: StorageRequest[];
  /** Answer a request yourself (an outage…); undefined lets the bucket answer. */
  intercept?: (request: StorageRequest) => Response | undefined;
}

export const storageError = (statusCode: string, error: string, message: string, status = 400) =>
  HttpResponse.json({ statusCode, error, message }, { status });

export function supabaseStorageApi(options: SupabaseStorageApiOptions) {
  const objects = options.objects ?? new Map<string, StoredObject>();
  const base = `${options.projectUrl}/storage/v1/object`;
  const signed = new Map<string, { key: string; op: 'upload' | 'download'; upsert: boolean }>();
  const prefix = `/storage/v1/object/`;

  /** The object name after `/storage/v1/object/<route…>/<bucket>/`, or null for another bucket. */
  const keyOf = (request: Request, route: string) => {
    const path = decodeURIComponent(new URL(request.url).pathname).slice(prefix.length + route.length);
    return path.startsWith(`${options.bucket}/`) ? path.slice(options.bucket.length + 1) : null;
  };
  const record = (request: Request): Response | undefined => {
    const entry: StorageRequest = {
      method: request.method,
      path: new URL(request.url).pathname,
      apikey: request.headers.get('apikey'),
      authorization: request.headers.get('authorization'),
      headers: Object.fromEntries(request.headers),
    };
    options.requests?.push(entry);
    return options.intercept?.(entry);
  };
  const authorized = (request: Request) =>
    request.headers.get('apikey') === options.serviceRoleKey &&
    request.headers.get('authorization') === `Bearer ${options.serviceRoleKey}`;
  const unauthorized = () => storageError('403', 'Unauthorized', 'invalid signature');
  const noBucket = () => storageError('404', 'Bucket not found', 'Bucket not found');
  const notFound = () => storageError('404', 'not_found', 'Object not found');
  const newToken = (key: string, op: 'upload' | 'download', upsert = false) => {
    const token = `tok_${crypto.randomUUID().replaceAll('-', '')}`;
    signed.set(token, { key, op, upsert });
    return token;
  };
  /** The signed upload answers `{ Key }`; the authenticated one `{ Id, Key }`. */
  const store = async (request: Request, key: string, upsert: boolean, withId: boolean) => {
    if (objects.has(key) && !upsert) return storageError('409', 'Duplicate', 'The resource already exists');
    objects.set(key, {
      bytes: new Uint8Array(await request.arrayBuffer()),
      contentType: request.headers.get('content-type') ?? 'application/octet-stream',
      cacheControl: request.headers.get('cache-control'),
      createdAt: new Date().toISOString(),
    });
    const Key = `${options.bucket}/${key}`;
    return HttpResponse.json(withId ? { Id: crypto.randomUUID(), Key } : { Key });
  };
  const serve = (request: Request, object: StoredObject) => {
    const headers = { 'content-type': object.contentType, 'accept-ranges': 'bytes' };
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.get('range') ?? '');
    if (!range)
      return new HttpResponse(object.bytes, { headers: { ...headers, 'content-length': String(object.bytes.length) } });
    const start = Number(range[1]);
    const end = Math.min(range[2] ? Number(range[2]) : object.bytes.length - 1, object.bytes.length - 1);
    return new HttpResponse(object.bytes.slice(start, end + 1), {
      status: 206,
      headers: {
        ...headers,
        'content-range': `bytes ${start}-${end}/${object.bytes.length}`,
        'content-length': String(end - start + 1),
      },
    });
  };

  return [
    // createSignedUploadUrl: the path to PUT to, relative to /storage/v1.
    http.post(`${base}/upload/sign/*`, ({ request }) => {
      const custom = record(request);
      if (custom) return custom;
      if (!authorized(request)) return unauthorized();
      const key = keyOf(request, 'upload/sign/');
      if (key === null) return noBucket();
      const token = newToken(key, 'upload', request.headers.get('x-upsert') === 'true');
      return HttpResponse.json({ url: `/object/upload/sign/${options.bucket}/${key}?token=${token}`, token });
    }),
    // uploadToSignedUrl / the browser's PUT: the token is the only credential.
    http.put(`${base}/upload/sign/*`, async ({ request }) => {
      const custom = record(request);
      if (custom) return custom;
      const grant = signed.get(new URL(request.url).searchParams.get('token') ?? '');
      const key = keyOf(request, 'upload/sign/');
      if (!grant || grant.op !== 'upload') return storageError('400', 'Invalid JWT', 'jwt malformed');
      if (grant.key !== key) return storageError('400', 'InvalidSignature', 'The url do not match the signature');
      return store(request, key, grant.upsert, false);
    }),
    // createSignedUrl
    http.post(`${base}/sign/*`, async ({ request }) => {
      const custom = record(request);
      if (custom) return custom;
      if (!authorized(request)) return unauthorized();
      const key = keyOf(request, 'sign/');
      const { expiresIn } = (await request.json()) as { expiresIn?: unknown };
      if (!Number.isInteger(expiresIn) || (expiresIn as number) < 1) {
        return storageError('400', 'FST_ERR_VALIDATION', 'body/expiresIn must be integer');
      }
      if (key === null) return noBucket();
      if (!objects.has(key)) return notFound();
      return HttpResponse.json({
        signedURL: `/object/sign/${options.bucket}/${key}?token=${newToken(key, 'download')}`,
      });
    }),
    // The signed download URL (what the player fetches), Range included.
    http.get(`${base}/sign/*`, ({ request }) => {
      const custom = record(request);
      if (custom) return custom;
      const grant = signed.get(new URL(request.url).searchParams.get('token') ?? '');
      const key = keyOf(request, 'sign/');
      if (!grant || grant.op !== 'download' || grant.key !== key)
        return storageError('400', 'InvalidSignature', 'The url do not match the signature');
      const object = objects.get(key);
      return object ? serve(request, object) : notFound();
    }),
    // info
    http.get(`${base}/info/*`, ({ request }) => {
      const custom = record(request);
      if (custom) return custom;
      if (!authorized(request)) return unauthorized();
      const key = keyOf(request, 'info/');
      if (key === null) return noBucket();
      const object = objects.get(key);
      if (!object) return notFound();
      return HttpResponse.json({
        id: crypto.randomUUID(),
        name: key,
        version: crypto.randomUUID(),
        bucket_id: options.bucket,
        size: object.bytes.length,
        content_type: object.contentType,
        cache_control: object.cacheControl,
        etag: '"0f343b0931126a20f133d67c2b018a3b"',
        metadata: null,
        last_modified: object.createdAt,
        created_at: object.createdAt,
      });
    }),
    // download (authenticated)
    http.get(`${base}/*`, ({ request }) => {
      const custom = record(request);
      if (custom) return custom;
      if (!authorized(request)) return unauthorized();
      const key = keyOf(request, '');
      if (key === null) return noBucket();
      const object = objects.get(key);
      return object ? serve(request, object) : notFound();
    }),
    // upload (authenticated); x-upsert says whether an existing object may be replaced.
    http.post(`${base}/*`, async ({ request }) => {
      const custom = record(request);
      if (custom) return custom;
      if (!authorized(request)) return unauthorized();
      const key = keyOf(request, '');
      if (key === null) return noBucket();
      return store(request, key, request.headers.get('x-upsert') === 'true', true);
    }),
    // remove: DELETE /object/<bucket> { prefixes } → the objects that were deleted.
    http.delete(`${base}/${options.bucket}`, async ({ request }) => {
      const custom = record(request);
      if (custom) return custom;
      if (!authorized(request)) return unauthorized();
      const { prefixes } = (await request.json()) as { prefixes?: unknown };
      if (!Array.isArray(prefixes) || prefixes.length === 0) {
        return storageError('400', 'FST_ERR_VALIDATION', 'body/prefixes must NOT have fewer than 1 items');
      }
      if (prefixes.length > 1000)
        return storageError('400', 'InvalidRequest', 'Bulk object requests are limited to 1000 objects per request.');
      const deleted = (prefixes as string[]).filter((key) => objects.delete(key));
      return HttpResponse.json(deleted.map((name) => ({ name, bucket_id: options.bucket, id: crypto.randomUUID() })));
    }),
  ];
}

import type { Hono } from 'hono';
import { expect } from 'vitest';
import { VideoList, VideoSummary, VideoUploadCreated, type VideoUploadRequest } from '../../../shared/schemas/videos';
import { COMPANY_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { signUserToken, type world } from '../../support/whop-world';

type AppLike = Pick<Hono, 'request'>;
export type Tenant = typeof world.A | typeof world.B;

export const adminHeaders = async (who: Tenant) => ({
  [USER_TOKEN_HEADER]: await signUserToken(who.admin),
  [COMPANY_HEADER]: who.companyId,
});

export async function requestUpload(app: AppLike, who: Tenant, body: VideoUploadRequest) {
  return app.request('/api/videos', {
    method: 'POST',
    headers: { ...(await adminHeaders(who)), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The browser's side of an upload: ask, PUT every file to its target, complete. */
export async function uploadVideo(
  app: AppLike,
  who: Tenant,
  body: VideoUploadRequest,
  files: { media: Uint8Array; parts?: Uint8Array[] },
) {
  const res = await requestUpload(app, who, body);
  expect(res.status, await res.clone().text()).toBe(201);
  const created = VideoUploadCreated.parse(await res.json());
  const put = async (target: (typeof created.uploads)['media'], bytes: Uint8Array) => {
    const stored = await app.request(target.url, { method: 'PUT', headers: target.headers, body: bytes });
    expect(stored.status).toBe(201);
  };
  await put(created.uploads.media, files.media);
  for (const [i, target] of created.uploads.audioParts.entries()) await put(target, files.parts![i]!);
  const done = await app.request(`/api/videos/${created.video.id}/complete`, {
    method: 'POST',
    headers: await adminHeaders(who),
  });
  expect(done.status, await done.clone().text()).toBe(200);
  return { created, completed: VideoSummary.parse(await done.json()) };
}

export async function videoOf(app: AppLike, who: Tenant, id: string) {
  const list = VideoList.parse(await (await app.request('/api/videos', { headers: await adminHeaders(who) })).json());
  return list.videos.find((v) => v.id === id);
}

/** Bytes that stand in for a file's content where only its size and integrity matter. */
export const bytes = (size: number, fill = 1) => new Uint8Array(size).fill(fill);

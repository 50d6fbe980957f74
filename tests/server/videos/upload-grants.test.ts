import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/ports/db';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { type UploadTarget, VideoUploadCreated } from '../../../shared/schemas/videos';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, world } from '../../support/whop-world';
import { adminHeaders, bytes, requestUpload } from '../ingestion/upload-support';

// An upload URL is a grant to put one object while the video is being uploaded.
// Once the video is complete (or gone), the grant must not let anyone swap the
// file that was checked, processed and cited.
installWhopWorld();
let db: Db;
let harness: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  db = await createTestDb();
  harness = await createTestApp(db);
  await db.query(`update creators set tier = 'PRO'`);
});
afterAll(() => db.close());

const VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:09.000\nWe tune the guitar before every lesson.\n';
const put = (target: UploadTarget, body: Uint8Array | ReadableStream<Uint8Array>) =>
  harness.app.request(target.url, {
    method: 'PUT',
    headers: target.headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
const complete = async (id: string) =>
  harness.app.request(`/api/videos/${id}/complete`, { method: 'POST', headers: await adminHeaders(world.A) });

async function start(body: Record<string, unknown>) {
  const res = await requestUpload(harness.app, world.A, {
    title: 'Lesson',
    durationSeconds: 9,
    file: { name: 'a.webm', type: 'video/webm', sizeBytes: 1000 },
    ...body,
  } as never);
  expect(res.status).toBe(201);
  const created = VideoUploadCreated.parse(await res.json());
  return { created, mediaKey: `${world.A.companyId}/${created.video.id}/media.webm` };
}

describe('upload grants once the video is complete', () => {
  it('refuses a PUT with the old grant after completion and keeps the stored file', async () => {
    const { created, mediaKey } = await start({ captions: { fileName: 'a.vtt', text: VTT } });
    expect((await put(created.uploads.media, bytes(1000, 1))).status).toBe(201);
    expect((await complete(created.video.id)).status).toBe(200);
    await harness.jobs.idle();

    const swap = await put(created.uploads.media, bytes(1000, 9));
    expect([403, 409]).toContain(swap.status);
    expect(ErrorBody.parse(await swap.json()).error.message).toMatch(/no longer/i);
    expect(await harness.blobs.read(mediaKey)).toEqual(bytes(1000, 1));
  });

  it('refuses an audio part’s grant after completion', async () => {
    const { created } = await start({ audioParts: [{ offsetSeconds: 0, durationSeconds: 9, sizeBytes: 300 }] });
    expect((await put(created.uploads.media, bytes(1000))).status).toBe(201);
    expect((await put(created.uploads.audioParts[0]!, bytes(300, 2))).status).toBe(201);
    expect((await complete(created.video.id)).status).toBe(200);
    await harness.jobs.idle();
    const partKey = `${world.A.companyId}/${created.video.id}/audio-000.mp3`;
    expect([403, 409]).toContain((await put(created.uploads.audioParts[0]!, bytes(300, 7))).status);
    expect(await harness.blobs.read(partKey)).toEqual(bytes(300, 2));
  });

  it('refuses a PUT that began before completion and ended after it', async () => {
    const { created, mediaKey } = await start({ captions: { fileName: 'a.vtt', text: VTT } });
    expect((await put(created.uploads.media, bytes(1000, 1))).status).toBe(201);
    let feed!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (controller) => void (feed = controller) });
    feed.enqueue(bytes(500, 9));
    const slow = put(created.uploads.media, body);
    await new Promise((r) => setTimeout(r, 50)); // the PUT is streaming
    expect((await complete(created.video.id)).status).toBe(200);
    feed.enqueue(bytes(500, 9));
    feed.close();
    expect([403, 409]).toContain((await slow).status);
    expect(await harness.blobs.read(mediaKey)).toEqual(bytes(1000, 1));
    await harness.jobs.idle();
  });

  it('refuses a PUT for a deleted video, storing nothing', async () => {
    const { created, mediaKey } = await start({ captions: { fileName: 'a.vtt', text: VTT } });
    const removed = await harness.app.request(`/api/videos/${created.video.id}`, {
      method: 'DELETE',
      headers: await adminHeaders(world.A),
    });
    expect(removed.status).toBe(204);
    expect([403, 404, 409]).toContain((await put(created.uploads.media, bytes(1000))).status);
    expect(await harness.blobs.stat(mediaKey)).toBeNull();
  });

  it('still lets a short upload be sent again before completion', async () => {
    const { created, mediaKey } = await start({ captions: { fileName: 'a.vtt', text: VTT } });
    expect((await put(created.uploads.media, bytes(999))).status).toBe(201);
    expect((await complete(created.video.id)).status).toBe(409);
    expect((await put(created.uploads.media, bytes(1000, 3))).status).toBe(201);
    expect((await complete(created.video.id)).status).toBe(200);
    expect(await harness.blobs.read(mediaKey)).toEqual(bytes(1000, 3));
    await harness.jobs.idle();
  });
});

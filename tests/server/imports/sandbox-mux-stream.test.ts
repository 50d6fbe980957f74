import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFfmpeg } from '../../../server/adapters/audio/find-ffmpeg';
import { createJsonLogger } from '../../../server/adapters/logger/json-logger';
import {
  createSandboxCourses,
  SANDBOX_STREAM_SOURCES,
  type SandboxStreams,
} from '../../../server/adapters/whop/sandbox-courses';
import { prepareSandboxStreams } from '../../../server/entry/sandbox-mux-streams';
import { parseEnv } from '../../../server/env';
import { buildIdentity } from '../../../server/identity-deps';
import type { Db } from '../../../server/ports/db';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, world } from '../../support/whop-world';
import { requestUpload } from '../ingestion/upload-support';

/** The sandbox's Mux: an HLS stream cut from a demo video, served as Mux serves one. */
installWhopWorld();
const DEMO = fileURLToPath(new URL('../../../server/entry/demo-course/', import.meta.url));
const logger = createJsonLogger({ level: 'silent' });
let db: Db;
let streams: SandboxStreams | null;
let app: Awaited<ReturnType<typeof createTestApp>>['app'];
const local = { headers: { host: 'localhost' } };

beforeAll(async () => {
  db = await createTestDb();
  streams = await prepareSandboxStreams({
    ffmpegPath: (await findFfmpeg())?.ffmpegPath ?? null,
    dir: mkdtempSync(join(tmpdir(), 'chronos-mux-')),
    sources: Object.fromEntries(Object.entries(SANDBOX_STREAM_SOURCES).map(([id, file]) => [id, join(DEMO, file)])),
    logger,
  });
  const identity = await buildIdentity(parseEnv({}), { allowSandbox: true, logger });
  app = (await createTestApp(db, { identity, sandboxStreams: streams })).app;
}, 60_000);
afterAll(() => db.close());

describe('the sandbox’s Mux', () => {
  it('gives "Meet your starter" a playback id whose stream URL is the sandbox’s, and the others none', async () => {
    expect(streams?.playbackIds.has('sandboxstarterplay')).toBe(true);
    const sandbox = createSandboxCourses(async () => 'WEBVTT\n', streams);
    const starter = await sandbox.api.getLesson('lesn_sandboxstarter');
    expect(starter?.video?.playbackId).toBe('sandboxstarterplay');
    expect(sandbox.media.streamUrl(starter!.video!)).toBe('/api/sandbox/mux/sandboxstarterplay/index.m3u8');
    const bulk = await sandbox.api.getLesson('lesn_sandboxbulk');
    expect(bulk?.video?.playbackId).toBeNull();
    expect(sandbox.media.streamUrl(bulk!.video!)).toBeNull();
    // Without ffmpeg (no streams) the course is captions-only, as before.
    expect(
      (await createSandboxCourses(async () => '').api.getLesson('lesn_sandboxstarter'))?.video?.playbackId,
    ).toBeNull();
  });

  it('serves the playlist and its fMP4 segments with Mux’s content types and open CORS', async () => {
    const playlist = await app.request('/api/sandbox/mux/sandboxstarterplay/index.m3u8', local);
    expect(playlist.status).toBe(200);
    expect(playlist.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(playlist.headers.get('access-control-allow-origin')).toBe('*');
    const text = await playlist.text();
    expect(text).toMatch(/^#EXTM3U/);
    expect(text).toContain('#EXT-X-MAP:URI="init.mp4"');
    const segments = text.split('\n').filter((l) => l.endsWith('.m4s'));
    expect(segments.length).toBeGreaterThan(3);
    const init = await app.request('/api/sandbox/mux/sandboxstarterplay/init.mp4', local);
    expect(init.headers.get('content-type')).toBe('video/mp4');
    const seg = await app.request(`/api/sandbox/mux/sandboxstarterplay/${segments[0]}`, local);
    expect(seg.headers.get('content-type')).toBe('video/iso.segment');
    expect((await seg.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it.each([
    ['another playback id', '/api/sandbox/mux/sandboxbulkplay/index.m3u8'],
    ['a file outside the stream', '/api/sandbox/mux/sandboxstarterplay/..%2F..%2Fpgdata'],
    ['a file name the stream does not have', '/api/sandbox/mux/sandboxstarterplay/index.mp4'],
  ])('answers 404 for %s', async (_label, path) => {
    const res = await app.request(path, local);
    expect(res.status).toBe(404);
    expect(ErrorBody.parse(await res.json()).error.code).toBe('NOT_FOUND');
  });

  it.each([
    ['application/vnd.apple.mpegurl', 'lesson.m3u8'],
    ['application/x-mpegurl', 'lesson.m3u8'],
  ])('still refuses an uploaded playlist (%s): uploads are media files only', async (type, name) => {
    const { app: whopApp } = await createTestApp(db); // the test Whop's identity, whose tokens the world signs
    const res = await requestUpload(whopApp, world.A, {
      title: 'Sneaky',
      file: { name, type, sizeBytes: 400 },
      durationSeconds: 60,
    });
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(await res.json()).error.code).toBe('VALIDATION_FAILED');
  });
});

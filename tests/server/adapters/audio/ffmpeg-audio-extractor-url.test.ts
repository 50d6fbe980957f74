import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFfmpegAudioExtractor } from '../../../../server/adapters/audio/ffmpeg-audio-extractor';
import { AudioExtractionError } from '../../../../server/ports/audio-extractor';
import { generateLongAudio, requireMediaTools } from '../../../support/media/generate-speech-video';
import { type MediaHttpServer, serveMedia } from './media-http-server';

let dir: string;
let scratch: string;
let long: { path: string; durationSeconds: number };
const extractor = () => createFfmpegAudioExtractor({ tempDir: scratch, ioTimeoutSeconds: 20 });

/** The programs this test process is running right now (ffmpeg and ffprobe are its children). */
async function childCommands(): Promise<string[]> {
  const { stdout } = await promisify(execFile)('ps', ['-o', 'comm=', '--ppid', String(process.pid)]).catch(() => ({
    stdout: '',
  }));
  return stdout
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s === 'ffmpeg' || s === 'ffprobe');
}

const until = async (condition: () => boolean, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

beforeAll(async () => {
  await requireMediaTools();
  dir = await mkdtemp(join(tmpdir(), 'chronos-extract-url-test-'));
  scratch = join(dir, 'scratch');
  await mkdir(scratch);
  long = await generateLongAudio({ dir, minutes: 7 });
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('ffmpeg audio extractor, URL sources', () => {
  let media: MediaHttpServer | undefined;
  afterAll(async () => media?.close());

  it('reads a signed URL and cuts the same parts as from a file', async () => {
    media = await serveMedia(long.path);
    const result = await extractor().extract(
      { url: media.url('/media/lesson.flac?token=s3cr3t') },
      { partSeconds: 120 },
    );
    expect(result.parts.map((p) => Math.round(p.offsetSeconds))).toEqual([0, 120, 240, 360]);
    expect(result.durationSeconds).toBeCloseTo(420, 0);
    await media.close();
    media = undefined;
  });

  it('keeps the token out of its message when the object is gone', async () => {
    media = await serveMedia(long.path);
    const failure = extractor().extract({ url: media.url('/media/deleted.flac?token=s3cr3t') });
    await expect(failure).rejects.toBeInstanceOf(AudioExtractionError);
    await expect(failure).rejects.toThrow(
      /^Could not extract audio from http:\/\/127\.0\.0\.1:\d+\/media\/deleted\.flac: Server returned 404 Not Found$/,
    );
    await expect(failure).rejects.not.toThrow(/s3cr3t/);
    await media.close();
    media = undefined;
  });

  it('treats an unreachable storage server as worth retrying, not as a bad video', async () => {
    const failure = extractor().extract({ url: 'http://127.0.0.1:9/media/lesson.flac?token=s3cr3t' });
    await expect(failure).rejects.toThrow(
      /^Could not fetch http:\/\/127\.0\.0\.1:9\/media\/lesson\.flac to extract its audio \(Connection refused\); trying again later may succeed$/,
    );
    await expect(failure).rejects.not.toBeInstanceOf(AudioExtractionError);
  });

  it('takes only http(s) URLs, so a URL cannot point ffmpeg at local files', async () => {
    await expect(extractor().extract({ url: `file://${long.path}` })).rejects.toThrow(TypeError);
    await expect(extractor().extract({ url: `concat:${long.path}|${long.path}` })).rejects.toThrow(TypeError);
    expect(await childCommands()).toEqual([]);
  });

  it('kills ffmpeg when aborted mid-extraction and leaves nothing behind', async () => {
    // ffprobe (request 0) gets the whole file; ffmpeg (request 1) gets 64 KiB and then a hung connection.
    media = await serveMedia(long.path, { stallFromRequest: 1, stallAfterBytes: 64 * 1024 });
    const controller = new AbortController();
    const extraction = extractor().extract(
      { url: media.url('/media/lesson.flac') },
      { partSeconds: 120, signal: controller.signal },
    );
    const settled = extraction.then(
      () => 'resolved',
      (err: Error) => err,
    );
    await until(() => (media?.requests[1]?.sentBytes ?? 0) >= 64 * 1024);
    expect(await childCommands()).toContain('ffmpeg');

    const abortedAt = Date.now();
    controller.abort();
    const outcome = await settled;
    expect(outcome).toBeInstanceOf(Error);
    expect(outcome).toMatchObject({ name: 'AbortError', message: 'ffmpeg was aborted' });
    // Well before the 20 s read timeout: the abort, not ffmpeg giving up, ended it.
    expect(Date.now() - abortedAt).toBeLessThan(5_000);
    expect(await childCommands()).toEqual([]);
    expect(await readdir(scratch)).toEqual([]);
  });

  it('does not start at all when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(extractor().extract({ path: long.path }, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(await childCommands()).toEqual([]);
  });
});

import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFfmpeg } from '../../../../server/adapters/audio/find-ffmpeg';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chronos-find-ffmpeg-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('findFfmpeg', () => {
  it('finds the system ffmpeg and ffprobe on PATH', async () => {
    const tools = await findFfmpeg();
    expect(tools).not.toBeNull();
    expect(tools!.ffmpegPath).toMatch(/\/ffmpeg$/);
    expect(tools!.ffprobePath).toMatch(/\/ffprobe$/);
  });

  it('returns null when either is missing, so the server can start without server-side extraction', async () => {
    expect(await findFfmpeg('')).toBeNull();
    expect(await findFfmpeg(dir)).toBeNull();
    // ffmpeg alone is not enough: durations come from ffprobe.
    await writeFile(join(dir, 'ffmpeg'), '#!/bin/sh\n');
    await chmod(join(dir, 'ffmpeg'), 0o755);
    expect(await findFfmpeg(dir)).toBeNull();
  });

  it('skips files that are not executable and takes the first match on the path', async () => {
    const first = await mkdtemp(join(dir, 'a-'));
    const second = await mkdtemp(join(dir, 'b-'));
    for (const name of ['ffmpeg', 'ffprobe']) {
      await writeFile(join(first, name), 'not executable');
      await writeFile(join(second, name), '#!/bin/sh\n');
      await chmod(join(second, name), 0o755);
    }
    expect(await findFfmpeg([first, second].join(delimiter))).toEqual({
      ffmpegPath: join(second, 'ffmpeg'),
      ffprobePath: join(second, 'ffprobe'),
    });
  });
});

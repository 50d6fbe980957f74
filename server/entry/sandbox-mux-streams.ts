import { spawn } from 'node:child_process';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SandboxStreams } from '../adapters/whop/sandbox-courses';
import type { Logger } from '../ports/logger';

/** A file of a Mux-like HLS stream: the media playlist, its fMP4 init segment, or a media segment. */
const STREAM_FILE = /^(index\.m3u8|init\.mp4|seg\d{1,4}\.m4s)$/;

const run = (tool: string, args: string[]) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}: ${err.slice(-500)}`)),
    );
  });

/**
 * The sandbox's Mux: HLS streams of demo videos, cut once per data dir by ffmpeg into
 * fMP4 segments at the keyframes, VP9 + Opus as the demo videos are (every Chromium
 * build plays them through Media Source Extensions; Debian's has no H.264/AAC). The
 * video is copied; the audio is encoded again, because Opus copied from WebM into fMP4
 * makes Chromium's SourceBuffer fail on the first segment (seen with ffmpeg 5.1).
 * Null without ffmpeg: the sandbox's Whop lessons are then captions-only.
 */
export async function prepareSandboxStreams(input: {
  ffmpegPath: string | null;
  dir: string;
  sources: Record<string, string>;
  logger: Logger;
}): Promise<SandboxStreams | null> {
  if (!input.ffmpegPath) return null;
  const ready = new Set<string>();
  for (const [playbackId, source] of Object.entries(input.sources)) {
    const out = join(input.dir, playbackId);
    try {
      await stat(join(out, 'index.m3u8'));
    } catch {
      await mkdir(out, { recursive: true });
      try {
        await run(input.ffmpegPath, [
          '-loglevel',
          'error',
          '-y',
          '-i',
          source,
          '-c:v',
          'copy',
          '-c:a',
          'libopus',
          '-b:a',
          '24k',
          '-f',
          'hls',
          '-hls_segment_type',
          'fmp4',
          '-hls_time',
          '6',
          '-hls_playlist_type',
          'vod',
          '-hls_fmp4_init_filename',
          'init.mp4',
          '-hls_segment_filename',
          join(out, 'seg%d.m4s'),
          join(out, 'index.m3u8'),
        ]);
      } catch (err) {
        input.logger.warn('sandbox stream not made: the lesson stays captions-only', {
          playbackId,
          reason: (err as Error).message,
        });
        continue;
      }
    }
    ready.add(playbackId);
  }
  return {
    playbackIds: ready,
    async read(playbackId, file) {
      if (!ready.has(playbackId) || !STREAM_FILE.test(file)) return null;
      return readFile(join(input.dir, playbackId, file)).catch(() => null);
    },
  };
}

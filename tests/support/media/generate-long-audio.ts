import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { probeDuration, runTool } from './media-tools';
import { speakSentences } from './speak-sentences';
import { writeWav } from './wav';

const LOOP_SENTENCES = [
  'This is a long lecture used to test audio splitting.',
  'Every part of it must keep its place in time.',
  'The speaker repeats these words until the recording ends.',
];

/**
 * Audio of the given length for splitting tests: a few spoken sentences looped by
 * ffmpeg (real speech all the way through, made in about a second), stored as
 * FLAC, which is lossless and encodes far faster than AAC for minutes of audio.
 */
export async function generateLongAudio(options: {
  dir: string;
  minutes: number;
  fileName?: string;
}): Promise<{ path: string; durationSeconds: number }> {
  const unit = await speakSentences({ dir: options.dir, sentences: LOOP_SENTENCES, silenceBetween: 0.8 });
  const unitPath = join(options.dir, 'loop-unit.wav');
  await writeFile(unitPath, writeWav(unit.pcm));
  const path = join(options.dir, options.fileName ?? `long-${options.minutes}min.flac`);
  const seconds = options.minutes * 60;
  await runTool('ffmpeg', [
    '-hide_banner',
    '-nostdin',
    '-v',
    'error',
    '-y',
    '-stream_loop',
    '-1',
    '-i',
    unitPath,
    '-t',
    String(seconds),
    '-ar',
    '16000',
    '-c:a',
    'flac',
    path,
  ]);
  return { path, durationSeconds: await probeDuration(path) };
}

/** The same media played `times` times in a row, stream-copied (no re-encoding), for long inputs. */
export async function loopMedia(options: {
  source: string;
  times: number;
  path: string;
}): Promise<{ path: string; durationSeconds: number }> {
  await runTool('ffmpeg', [
    '-hide_banner',
    '-nostdin',
    '-v',
    'error',
    '-y',
    '-stream_loop',
    String(options.times - 1),
    '-i',
    options.source,
    '-c',
    'copy',
    options.path,
  ]);
  return { path: options.path, durationSeconds: await probeDuration(options.path) };
}

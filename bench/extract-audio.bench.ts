import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFfmpegAudioExtractor } from '../server/adapters/audio/ffmpeg-audio-extractor';
import { generateSpeechVideo, loopMedia } from '../tests/support/media/generate-speech-video';
import { findMediaTools } from '../tests/support/media/media-tools';

const LECTURE = [
  'Welcome back to the bread course.',
  'Today we look at how flour, water and salt become a dough.',
  'First weigh the flour and pour in most of the water.',
  'Mix until no dry flour is left, then let it rest for half an hour.',
  'This rest is called the autolyse, and it makes the dough stretch.',
  'Now add the starter and the salt, and squeeze them in by hand.',
  'Over the next hours, fold the dough every thirty minutes.',
  'You will feel it turn smooth, strong and full of air.',
  'When it has grown by half, it is ready to shape.',
  'See you in the next lesson.',
];

/**
 * CPU seconds used so far by this process's finished children (ffmpeg, ffprobe), from
 * Linux's /proc (cutime + cstime, in 100 Hz ticks): unlike wall time it does not
 * depend on what else the machine is running. Null elsewhere.
 */
async function childCpuSeconds(): Promise<number | null> {
  const stat = await readFile('/proc/self/stat', 'utf8').catch(() => null);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of stat(5); this slice starts at field 3.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** Extraction speed as the Node server does it: system ffmpeg → 16 kHz mono MP3 parts. */
async function timeExtraction(path: string, runs: number) {
  const extractor = createFfmpegAudioExtractor();
  const times: number[] = [];
  let result = await extractor.extract({ path });
  const cpuBefore = await childCpuSeconds();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await extractor.extract({ path });
    times.push(performance.now() - started);
  }
  const cpuAfter = await childCpuSeconds();
  const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / runs;
  times.sort((a, b) => a - b);
  const medianSeconds = times[Math.floor(times.length / 2)]! / 1000;
  const minutes = (result.durationSeconds ?? 0) / 60;
  const bytes = result.parts.reduce((sum, p) => sum + p.bytes.byteLength, 0);
  return {
    minutes,
    parts: result.parts.length,
    medianSeconds,
    minutesPerSecond: minutes / medianSeconds,
    kibPerMinute: bytes / 1024 / minutes,
    minutesPerCpuSecond: cpuSeconds ? minutes / cpuSeconds : null,
  };
}

/**
 * Issue "Video library and ingestion pipeline", item 10: extraction speed (audio
 * minutes per second) for a generated speech video, a 1-minute one and a 10-minute
 * one made by looping it. Skipped, not failed, where ffmpeg or espeak-ng is missing.
 */
export async function benchExtractAudio(runs = 3) {
  const name = 'extract audio with system ffmpeg (16 kHz mono 32 kbps MP3 parts)';
  if (!(await findMediaTools()))
    return { name, figures: { result: 'skipped: install ffmpeg espeak-ng (Debian packages)' } };
  const dir = await mkdtemp(join(tmpdir(), 'chronos-bench-audio-'));
  try {
    const video = await generateSpeechVideo({ dir, sentences: LECTURE, seconds: 60, format: 'mp4' });
    const long = await loopMedia({ source: video.path, times: 10, path: join(dir, 'lecture-10min.mp4') });
    const short = await timeExtraction(video.path, runs);
    const tenMinutes = await timeExtraction(long.path, runs);
    const line = (r: typeof short) =>
      `${r.minutes.toFixed(1)} min → ${r.parts} part(s), median ${(r.medianSeconds * 1000).toFixed(0)} ms, ${r.minutesPerSecond.toFixed(1)} audio min/s` +
      (r.minutesPerCpuSecond === null ? '' : ` (${r.minutesPerCpuSecond.toFixed(1)} min per ffmpeg CPU-second)`);
    return {
      name,
      figures: {
        'speech video (mp4)': line(short),
        'looped 10-min video': line(tenMinutes),
        'MP3 size': `${tenMinutes.kibPerMinute.toFixed(0)} KiB per audio minute`,
        'runs (median of)': runs,
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { probeDuration, runTool } from './media-tools';
import { type SpokenSentence, speakSentences, splitSentences } from './speak-sentences';
import { writeWav } from './wav';

export { generateLongAudio, loopMedia } from './generate-long-audio';
export { requireMediaTools } from './media-tools';
export type { SpokenSentence } from './speak-sentences';

export type VideoFormat = 'mp4' | 'webm';

export interface GeneratedVideo {
  path: string;
  format: VideoFormat;
  mimeType: string;
  /** As ffprobe reads the finished file. */
  durationSeconds: number;
  bytes: number;
  /** What is said when, in video time. */
  sentences: SpokenSentence[];
}

export interface SpeechVideoOptions {
  dir: string;
  /** Prose split into sentences, or the sentences themselves. */
  text?: string;
  sentences?: readonly string[];
  /** Minimum length: silence (and picture) after the speech up to this. */
  seconds?: number;
  format: VideoFormat;
  silenceBetween?: number;
  /** Output file name inside `dir`; `speech.<format>` by default. */
  fileName?: string;
}

const MIME_TYPES: Record<VideoFormat, string> = { mp4: 'video/mp4', webm: 'video/webm' };

/** Codec arguments chosen for speed (these files are made on every test run) and for browser playback. */
const ENCODE: Record<VideoFormat, { video: string[]; audio: string[] }> = {
  mp4: {
    video: ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart'],
    audio: ['-c:a', 'aac', '-b:a', '64k'],
  },
  // Without look-ahead frames libvpx is several times faster on this kind of clip.
  webm: {
    video: [
      '-c:v',
      'libvpx',
      '-deadline',
      'realtime',
      '-cpu-used',
      '8',
      '-b:v',
      '150k',
      '-lag-in-frames',
      '0',
      '-auto-alt-ref',
      '0',
    ],
    audio: ['-c:a', 'libopus', '-b:a', '48k'],
  },
};

/** A small picture track: a flat colour compresses to almost nothing and encodes fast. */
const pictureInput = (seconds: number) => [
  '-f',
  'lavfi',
  '-i',
  `color=c=0x1f3a5f:s=320x180:r=15:d=${seconds.toFixed(3)}`,
];

/**
 * A real, small video with spoken English (espeak-ng) and a plain picture, in
 * MP4 (H.264 + AAC) or WebM (VP8 + Opus), with the timing of every sentence.
 */
export async function generateSpeechVideo(options: SpeechVideoOptions): Promise<GeneratedVideo> {
  const sentences = options.sentences ?? splitSentences(options.text ?? '');
  const speech = await speakSentences({
    dir: options.dir,
    sentences,
    ...(options.silenceBetween === undefined ? {} : { silenceBetween: options.silenceBetween }),
    ...(options.seconds === undefined ? {} : { minSeconds: options.seconds }),
  });
  const wavPath = join(options.dir, `${options.fileName ?? 'speech'}.wav`);
  await writeFile(wavPath, writeWav(speech.pcm));
  const seconds = speech.pcm.data.length / (speech.pcm.sampleRate * speech.pcm.channels * 2);
  const path = join(options.dir, options.fileName ?? `speech.${options.format}`);
  const encode = ENCODE[options.format];
  await runTool('ffmpeg', [
    '-hide_banner',
    '-nostdin',
    '-v',
    'error',
    '-y',
    ...pictureInput(seconds),
    '-i',
    wavPath,
    '-map',
    '0:v',
    '-map',
    '1:a',
    ...encode.video,
    ...encode.audio,
    '-shortest',
    path,
  ]);
  return {
    path,
    format: options.format,
    mimeType: MIME_TYPES[options.format],
    durationSeconds: await probeDuration(path),
    bytes: (await stat(path)).size,
    sentences: speech.sentences,
  };
}

/** A video with a picture and no audio stream at all (a screen recording without a microphone). */
export async function generateVideoWithoutAudio(options: {
  dir: string;
  seconds: number;
  format: VideoFormat;
  fileName?: string;
}): Promise<string> {
  const path = join(options.dir, options.fileName ?? `silent.${options.format}`);
  await runTool('ffmpeg', [
    '-hide_banner',
    '-nostdin',
    '-v',
    'error',
    '-y',
    ...pictureInput(options.seconds),
    ...ENCODE[options.format].video,
    path,
  ]);
  return path;
}

import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFfmpegAudioExtractor } from '../../../../server/adapters/audio/ffmpeg-audio-extractor';
import { NOT_MEDIA_REASON } from '../../../../server/adapters/audio/media-formats';
import { AudioExtractionError, type ExtractedAudioPart } from '../../../../server/ports/audio-extractor';
import { AUDIO_SAMPLE_RATE, MAX_AUDIO_PART_BYTES } from '../../../../shared/audio-parts';
import {
  type GeneratedVideo,
  generateLongAudio,
  generateSpeechVideo,
  generateVideoWithoutAudio,
  requireMediaTools,
} from '../../../support/media/generate-speech-video';
import { probeAudioStream } from '../../../support/media/media-tools';

let dir: string;
let scratch: string;
let mp4: GeneratedVideo;
let webm: GeneratedVideo;
let long: { path: string; durationSeconds: number };
const extractor = () => createFfmpegAudioExtractor({ tempDir: scratch });

beforeAll(async () => {
  await requireMediaTools();
  dir = await mkdtemp(join(tmpdir(), 'chronos-extract-test-'));
  scratch = join(dir, 'scratch');
  await mkdir(scratch);
  const text = 'Welcome to the bread course. Today we mix flour and water. Then we wait for the dough to rise.';
  [mp4, webm, long] = await Promise.all([
    generateSpeechVideo({ dir: await mkdtemp(join(dir, 'mp4-')), text, format: 'mp4' }),
    generateSpeechVideo({ dir: await mkdtemp(join(dir, 'webm-')), text, format: 'webm' }),
    generateLongAudio({ dir: await mkdtemp(join(dir, 'long-')), minutes: 7 }),
  ]);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** What ffprobe makes of a part's bytes: they must be a real 16 kHz mono MP3. */
async function probePart(part: ExtractedAudioPart) {
  const path = join(dir, `probe-${part.seq}-${Math.random().toString(36).slice(2)}.mp3`);
  await writeFile(path, part.bytes);
  return probeAudioStream(path);
}

describe('ffmpeg audio extractor (system ffmpeg)', () => {
  it.each(['mp4', 'webm'] as const)(
    'extracts a short %s speech video as one 16 kHz mono MP3 part as long as the video',
    async (format) => {
      const video = format === 'mp4' ? mp4 : webm;
      const result = await extractor().extract({ path: video.path });

      expect(result.durationSeconds).toBeCloseTo(video.durationSeconds, 1);
      expect(result.parts).toHaveLength(1);
      const [part] = result.parts;
      expect(part).toMatchObject({ seq: 0, offsetSeconds: 0 });
      expect(Math.abs(part!.durationSeconds - video.durationSeconds)).toBeLessThan(0.25);
      const probed = await probePart(part!);
      expect(probed).toMatchObject({ codecName: 'mp3', sampleRate: AUDIO_SAMPLE_RATE, channels: 1 });
      // 32 kbps is 4000 bytes a second.
      expect(part!.bytes.byteLength).toBeGreaterThan(video.durationSeconds * 3000);
      expect(part!.bytes.byteLength).toBeLessThan(video.durationSeconds * 5000 + 2000);
      expect(await readdir(scratch)).toEqual([]);
    },
  );

  it('splits 7 minutes of audio into 2-minute parts at 0, 120, 240 and 360 s whose lengths add up to the whole', async () => {
    const result = await extractor().extract({ path: long.path }, { partSeconds: 120 });

    expect(result.durationSeconds).toBeCloseTo(420, 0);
    expect(result.parts.map((p) => p.seq)).toEqual([0, 1, 2, 3]);
    // Cuts fall on MP3 frame boundaries: 576 samples, 36 ms at 16 kHz.
    result.parts.forEach((part, i) => expect(Math.abs(part.offsetSeconds - i * 120)).toBeLessThan(0.1));
    const total = result.parts.reduce((sum, p) => sum + p.durationSeconds, 0);
    expect(Math.abs(total - long.durationSeconds)).toBeLessThan(0.2);
    result.parts
      .slice(0, -1)
      .forEach((part, i) =>
        expect(part.offsetSeconds + part.durationSeconds).toBeCloseTo(result.parts[i + 1]!.offsetSeconds, 3),
      );

    for (const part of result.parts) {
      expect(part.bytes.byteLength).toBeLessThan(MAX_AUDIO_PART_BYTES);
      const probed = await probePart(part);
      expect(probed).toMatchObject({ codecName: 'mp3', sampleRate: AUDIO_SAMPLE_RATE, channels: 1 });
      expect(Math.abs(probed.durationSeconds - part.durationSeconds)).toBeLessThan(0.15);
    }
    expect(await readdir(scratch)).toEqual([]);
  });

  it('refuses a video without an audio track with a reason a creator understands', async () => {
    const silent = await generateVideoWithoutAudio({ dir, seconds: 2, format: 'mp4' });
    const failure = extractor().extract({ path: silent });
    await expect(failure).rejects.toBeInstanceOf(AudioExtractionError);
    await expect(failure).rejects.toThrow(
      'silent.mp4 has no audio track, so there is nothing to transcribe; add captions for it instead',
    );
  });

  it('says so when the file is missing or is not media', async () => {
    await expect(extractor().extract({ path: join(dir, 'lesson-404.mp4') })).rejects.toThrow(
      new AudioExtractionError('Could not extract audio from lesson-404.mp4: No such file or directory'),
    );
    const junk = join(dir, 'notes.mp4');
    await writeFile(junk, 'these are my lecture notes, not a video\n'.repeat(50));
    const failure = extractor().extract({ path: junk });
    await expect(failure).rejects.toBeInstanceOf(AudioExtractionError);
    // Not media we take: the creator reads the plain reason, not ffmpeg's words.
    await expect(failure).rejects.toThrow(NOT_MEDIA_REASON);
    expect(await readdir(scratch)).toEqual([]);
  });

  it('rejects a part length that is not a positive number of seconds', async () => {
    await expect(extractor().extract({ path: mp4.path }, { partSeconds: 0 })).rejects.toThrow(RangeError);
    await expect(extractor().extract({ path: mp4.path }, { partSeconds: Number.NaN })).rejects.toThrow(RangeError);
  });

  it('reports a missing ffmpeg as such, not as a bad video', async () => {
    const missing = createFfmpegAudioExtractor({ ffprobePath: join(dir, 'no-such-ffprobe'), tempDir: scratch });
    const failure = missing.extract({ path: mp4.path });
    await expect(failure).rejects.toThrow(/no-such-ffprobe is not installed or not on PATH/);
    await expect(failure).rejects.not.toBeInstanceOf(AudioExtractionError);
  });
});

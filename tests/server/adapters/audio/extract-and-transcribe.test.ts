import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFfmpegAudioExtractor } from '../../../../server/adapters/audio/ffmpeg-audio-extractor';
import { createOpenAiTranscriber } from '../../../../server/adapters/transcriber/openai-transcriber';
import { stitchTranscripts, type TranscriptPart } from '../../../../server/ports/transcriber';
import { AUDIO_PART_MIME_TYPE } from '../../../../shared/audio-parts';
import { type FakeTranscriptionServer, startFakeTranscriptionServer } from '../../../support/fake-transcription-server';
import { generateLongAudio, requireMediaTools } from '../../../support/media/generate-speech-video';

let dir: string;
let long: { path: string; durationSeconds: number };
let whisper: FakeTranscriptionServer;

beforeAll(async () => {
  await requireMediaTools();
  dir = await mkdtemp(join(tmpdir(), 'chronos-extract-transcribe-'));
  long = await generateLongAudio({ dir, minutes: 7 });
  // Every part gets a sentence every 20 s of its own audio, naming the part.
  whisper = await startFakeTranscriptionServer({
    script: ({ durationSeconds, fileName }) =>
      Array.from({ length: Math.ceil(durationSeconds / 20) }, (_, i) => ({
        start: i * 20,
        end: Math.min(durationSeconds, i * 20 + 18),
        text: `${fileName} sentence ${i}.`,
      })),
  });
});
afterAll(async () => {
  await whisper?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('long audio: system ffmpeg parts → OpenAI-compatible transcription → stitched video time', () => {
  it('puts every segment at its place in the video, across parts and a rate limit', async () => {
    const extracted = await createFfmpegAudioExtractor().extract({ path: long.path }, { partSeconds: 120 });
    expect(extracted.parts).toHaveLength(4);
    const sleeps: number[] = [];
    const transcriber = createOpenAiTranscriber({
      apiKey: 'sk-local',
      baseURL: whisper.baseURL,
      sleep: async (ms) => void sleeps.push(ms),
    });
    // The third part's first attempt is rate-limited: the retry must still land it at 240 s.
    const parts: TranscriptPart[] = [];
    for (const part of extracted.parts) {
      if (part.seq === 2) whisper.failNext({ status: 429, retryAfterSeconds: 1 });
      const result = await transcriber.transcribe({
        audio: part.bytes,
        fileName: `part-${part.seq}.mp3`,
        mimeType: AUDIO_PART_MIME_TYPE,
        offsetSeconds: part.offsetSeconds,
        durationSeconds: part.durationSeconds,
      });
      parts.push({ ...result, offsetSeconds: part.offsetSeconds });
    }
    const transcript = stitchTranscripts(parts.reverse());

    expect(sleeps).toEqual([1000]);
    expect(whisper.requests.map((r) => [r.fileName, r.status])).toEqual([
      ['part-0.mp3', 200],
      ['part-1.mp3', 200],
      ['part-2.mp3', 429],
      ['part-2.mp3', 200],
      ['part-3.mp3', 200],
    ]);
    // The server measured real MP3 parts of the lengths the extractor claimed.
    const measured = whisper.requests.filter((r) => r.status === 200).map((r) => r.durationSeconds!);
    measured.forEach((seconds, i) =>
      expect(Math.abs(seconds - extracted.parts[i]!.durationSeconds)).toBeLessThan(0.15),
    );

    const starts = transcript.segments.map((s) => s.startSeconds);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(new Set(starts).size).toBe(starts.length);
    transcript.segments.forEach((s) => expect(s.endSeconds).toBeGreaterThanOrEqual(s.startSeconds));
    const third = transcript.segments.filter((s) => s.text.startsWith('part-2.mp3'));
    expect(third[0]!.startSeconds).toBeGreaterThanOrEqual(240);
    expect(third[0]!.startSeconds).toBeLessThan(240.1);
    expect(third.map((s) => Math.round(s.startSeconds))).toEqual([240, 260, 280, 300, 320, 340]);
    expect(transcript.segments.find((s) => s.text === 'part-3.mp3 sentence 2.')!.startSeconds).toBeCloseTo(400, 0);
    expect(transcript.segments.at(-1)!.endSeconds).toBeLessThanOrEqual(long.durationSeconds + 0.2);
    expect(transcript.durationSeconds).toBeCloseTo(long.durationSeconds, 0);
    expect(transcript.language).toBe('english');
  });
});

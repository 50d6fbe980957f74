import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTranscriptionServer, startFakeTranscriptionServer } from '../../support/fake-transcription-server';
import { requireMediaTools, runTool } from '../../support/media/media-tools';

let dir: string;
let mp3: Uint8Array;
let server: FakeTranscriptionServer | undefined;

beforeAll(async () => {
  await requireMediaTools();
  dir = await mkdtemp(join(tmpdir(), 'chronos-fake-whisper-test-'));
  const path = join(dir, 'tone.mp3');
  // 12.5 s of a 16 kHz mono 32 kbps MP3, like an extracted audio part.
  await runTool('ffmpeg', [
    '-hide_banner',
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=300:duration=12.5:sample_rate=16000',
    '-c:a',
    'libmp3lame',
    '-b:a',
    '32k',
    path,
  ]);
  mp3 = new Uint8Array(await readFile(path));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(async () => dir && rm(dir, { recursive: true, force: true }));

/** The request the OpenAI SDK sends, built by hand: a multipart form. */
function transcriptionRequest(bytes: Uint8Array, fileName = 'part-000.mp3', fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new File([bytes], fileName, { type: 'audio/mpeg' }));
  form.append('model', 'whisper-1');
  form.append('response_format', 'verbose_json');
  form.append('timestamp_granularities[]', 'segment');
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return { method: 'POST', headers: { authorization: 'Bearer sk-test' }, body: form };
}

describe('fake transcription server', () => {
  it('answers real audio with verbose_json laid over its real duration', async () => {
    server = await startFakeTranscriptionServer({ script: ['Welcome to the course.', 'Today we bake bread.'] });
    expect(server.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const response = await fetch(`${server.baseURL}/audio/transcriptions`, transcriptionRequest(mp3));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { duration: number; segments: { start: number; end: number }[] };
    expect(body).toMatchObject({
      task: 'transcribe',
      language: 'english',
      text: 'Welcome to the course. Today we bake bread.',
    });
    // The MP3 encoder's delay and padding add a frame or two to the 12.5 s tone.
    expect(Math.abs(body.duration - 12.5)).toBeLessThan(0.15);
    expect(body.segments).toHaveLength(2);
    expect(body.segments[0]).toMatchObject({
      id: 0,
      seek: 0,
      start: 0,
      text: ' Welcome to the course.',
      temperature: 0,
    });
    expect(Object.keys(body.segments[0]!).sort()).toEqual([
      'avg_logprob',
      'compression_ratio',
      'end',
      'id',
      'no_speech_prob',
      'seek',
      'start',
      'temperature',
      'text',
      'tokens',
    ]);
    expect(body.segments[1]!.end).toBe(body.duration);
    expect(server.requests).toEqual([
      expect.objectContaining({
        callIndex: 0,
        model: 'whisper-1',
        fileName: 'part-000.mp3',
        fileType: 'audio/mpeg',
        sizeBytes: mp3.byteLength,
        responseFormat: 'verbose_json',
        timestampGranularities: ['segment'],
        authorization: 'Bearer sk-test',
        status: 200,
      }),
    ]);
    expect(server.requests[0]!.durationSeconds).toBeCloseTo(body.duration, 2);
  });

  it('gives each call its own script, by duration and call index', async () => {
    server = await startFakeTranscriptionServer({
      script: ({ callIndex, durationSeconds }) => [{ start: 1, end: durationSeconds - 1, text: `Call ${callIndex}` }],
    });
    const first = (await (await fetch(`${server.baseURL}/audio/transcriptions`, transcriptionRequest(mp3))).json()) as {
      duration: number;
    };
    const second = await (
      await fetch(
        `${server.baseURL}/audio/transcriptions`,
        transcriptionRequest(mp3, 'part-001.mp3', { response_format: 'json' }),
      )
    ).json();
    expect(first).toMatchObject({
      text: 'Call 0',
      segments: [{ start: 1, end: Math.round((first.duration - 1) * 100) / 100 }],
    });
    expect(second).toEqual({ text: 'Call 1' });
  });

  it("answers anything that is not audio with OpenAI's 400, and records it", async () => {
    server = await startFakeTranscriptionServer();
    const notAudio = new TextEncoder().encode('this is not audio at all '.repeat(100));
    const response = await fetch(`${server.baseURL}/audio/transcriptions`, transcriptionRequest(notAudio));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        message: 'Audio file might be corrupted or unsupported',
        type: 'invalid_request_error',
        param: 'file',
        code: 'invalid_value',
      },
    });
    const wrongType = await fetch(`${server.baseURL}/audio/transcriptions`, transcriptionRequest(mp3, 'notes.txt'));
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as { error: { message: string } }).error.message).toMatch(
      /^Invalid file format\. Supported formats: \['flac'/,
    );
    expect(server.requests.map((r) => [r.status, r.durationSeconds])).toEqual([
      [400, null],
      [400, null],
    ]);
  });

  it('refuses requests without a key, a file or a model', async () => {
    server = await startFakeTranscriptionServer();
    const noKey = await fetch(`${server.baseURL}/audio/transcriptions`, { ...transcriptionRequest(mp3), headers: {} });
    expect(noKey.status).toBe(401);
    const noFile = new FormData();
    noFile.append('model', 'whisper-1');
    const missingFile = await fetch(`${server.baseURL}/audio/transcriptions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test' },
      body: noFile,
    });
    expect(missingFile.status).toBe(400);
    expect(await missingFile.json()).toMatchObject({ error: { param: 'file' } });
    const missingModel = await fetch(
      `${server.baseURL}/audio/transcriptions`,
      transcriptionRequest(mp3, 'part-000.mp3', { model: '' }),
    );
    expect(missingModel.status).toBe(400);
  });

  it('fails as told: 429 with Retry-After, then 500, then succeeds', async () => {
    server = await startFakeTranscriptionServer({ failures: [{ status: 429, retryAfterSeconds: 2 }] });
    server.failNext({ status: 500 });
    const limited = await fetch(`${server.baseURL}/audio/transcriptions`, transcriptionRequest(mp3));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(await limited.json()).toMatchObject({ error: { type: 'requests', code: 'rate_limit_exceeded' } });
    const broken = await fetch(`${server.baseURL}/audio/transcriptions`, transcriptionRequest(mp3));
    expect(broken.status).toBe(500);
    expect(await broken.json()).toMatchObject({ error: { type: 'server_error' } });
    const ok = await fetch(`${server.baseURL}/audio/transcriptions`, transcriptionRequest(mp3));
    expect(ok.status).toBe(200);
    expect(server.requests.map((r) => r.status)).toEqual([429, 500, 200]);
  });
});

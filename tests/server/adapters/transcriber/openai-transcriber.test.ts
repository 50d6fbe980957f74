import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../../../server/adapters/logger/json-logger';
import {
  createOpenAiTranscriber,
  type OpenAiTranscriberOptions,
} from '../../../../server/adapters/transcriber/openai-transcriber';
import {
  MAX_TRANSCRIPTION_BYTES,
  TranscriptionFailedError,
  type TranscriptionInput,
} from '../../../../server/ports/transcriber';
import { openAiError } from '../../../support/openai-embeddings-api';
import { type TranscriptionRequest, transcriptionsApi } from '../../../support/openai-transcriptions-api';

const server = setupServer();
beforeAll(() =>
  server.listen({
    // Before its first upload the SDK fetches `data:,` to check that fetch can send FormData; let that through.
    onUnhandledRequest: (request, print) => (request.url.startsWith('data:') ? undefined : print.error()),
  }),
);
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function setup(options: Partial<OpenAiTranscriberOptions> = {}) {
  const sleeps: number[] = [];
  const logs: Record<string, unknown>[] = [];
  const transcriber = createOpenAiTranscriber({
    apiKey: 'sk-test-123',
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5, // jitter factor 1: the nominal 1 s, 2 s, 4 s
    logger: createJsonLogger({ level: 'debug', sink: (line) => logs.push(JSON.parse(line)) }),
    ...options,
  });
  return { transcriber, sleeps, logs };
}

const part = (overrides: Partial<TranscriptionInput> = {}): TranscriptionInput => ({
  audio: new Uint8Array(2048).fill(7),
  fileName: 'part-2.mp3',
  mimeType: 'audio/mpeg',
  offsetSeconds: 1500,
  ...overrides,
});

describe('OpenAI transcriber', () => {
  it('uploads the audio as multipart verbose_json and shifts segment times by the offset', async () => {
    const requests: TranscriptionRequest[] = [];
    server.use(transcriptionsApi({ requests }));
    const { transcriber } = setup();
    expect(transcriber).toMatchObject({ name: 'openai:whisper-1', model: 'whisper-1' });

    const result = await transcriber.transcribe(part());

    expect(requests).toEqual([
      {
        model: 'whisper-1',
        responseFormat: 'verbose_json',
        timestampGranularities: ['segment'],
        fileName: 'part-2.mp3',
        fileType: 'audio/mpeg',
        fileBytes: 2048,
        authorization: 'Bearer sk-test-123',
      },
    ]);
    expect(result).toEqual({
      segments: [
        { startSeconds: 1500, endSeconds: 1504.2, text: 'Welcome back to the course.' },
        { startSeconds: 1504.2, endSeconds: 1508.9, text: 'Today we look at index funds and their fees.' },
        { startSeconds: 1508.9, endSeconds: 1512.3, text: 'Let us start with expense ratios.' },
      ],
      durationSeconds: 12.3,
      language: 'english',
    });
  });

  it('drops segments with empty text (Whisper emits them over silence)', async () => {
    server.use(
      transcriptionsApi({
        segments: [
          { start: 0, end: 3, text: ' ' },
          { start: 3, end: 5, text: ' Hello.' },
        ],
      }),
    );
    const result = await setup().transcriber.transcribe(part({ offsetSeconds: 0 }));
    expect(result.segments).toEqual([{ startSeconds: 3, endSeconds: 5, text: 'Hello.' }]);
  });

  it('waits as long as a 429 says, logs the retry, then succeeds', async () => {
    let calls = 0;
    server.use(
      transcriptionsApi({
        intercept: () => (++calls === 1 ? openAiError(429, 'Rate limit reached', { 'retry-after': '7' }) : undefined),
      }),
    );
    const { transcriber, sleeps, logs } = setup();
    const result = await transcriber.transcribe(part());
    expect(calls).toBe(2);
    expect(sleeps).toEqual([7000]);
    expect(result.segments).toHaveLength(3);
    expect(logs).toEqual([
      expect.objectContaining({
        level: 'warn',
        msg: 'openai transcription retry',
        fileName: 'part-2.mp3',
        offsetSeconds: 1500,
        attempt: 1,
        delayMs: 7000,
        reason: 'OpenAI answered 429',
      }),
    ]);
  });

  it('gives up after a 500 on every attempt, backing off 1 s, 2 s, 4 s, and says the job can be retried', async () => {
    let calls = 0;
    server.use(transcriptionsApi({ intercept: () => (calls++, openAiError(500, 'The server had an error')) }));
    const { transcriber, sleeps, logs } = setup();
    const err = await transcriber.transcribe(part()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TranscriptionFailedError);
    expect(err).toMatchObject({
      retryable: true,
      message:
        'Transcription of part-2.mp3 failed after 4 attempts: OpenAI answered 500 (retryable: trying the job again later may succeed)',
    });
    expect(calls).toBe(4);
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(logs.map((l) => l.attempt)).toEqual([1, 2, 3]);
  });

  it('retries network errors', async () => {
    let calls = 0;
    server.use(transcriptionsApi({ intercept: () => (++calls === 1 ? HttpResponse.error() : undefined) }));
    const { transcriber, logs } = setup();
    expect((await transcriber.transcribe(part())).segments).toHaveLength(3);
    expect(logs[0]).toMatchObject({ reason: expect.stringMatching(/^network error/) });
  });

  it('does not retry a request OpenAI refuses', async () => {
    let calls = 0;
    server.use(transcriptionsApi({ intercept: () => (calls++, openAiError(400, 'Invalid file format.')) }));
    const { transcriber, sleeps } = setup();
    const err = await transcriber.transcribe(part()).catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: 'TranscriptionFailedError',
      retryable: false,
      message: expect.stringContaining('(400)'),
    });
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('rejects audio over 25 MB without sending anything', async () => {
    const requests: TranscriptionRequest[] = [];
    server.use(transcriptionsApi({ requests }));
    const { transcriber } = setup();
    const err = await transcriber
      .transcribe(part({ audio: new Uint8Array(30 * 1024 * 1024) }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TranscriptionFailedError);
    expect(err).toMatchObject({
      retryable: false,
      message:
        'Audio part-2.mp3 is 30.0 MB (31457280 bytes); OpenAI transcribes at most 25 MB (26214400 bytes) per request, so it must be split into shorter parts',
    });
    await expect(
      transcriber.transcribe(part({ audio: new Uint8Array(MAX_TRANSCRIPTION_BYTES + 1) })),
    ).rejects.toMatchObject({ retryable: false });
    expect(requests).toEqual([]);
    // Exactly 25 MB is still allowed.
    await transcriber.transcribe(part({ audio: new Uint8Array(MAX_TRANSCRIPTION_BYTES) }));
    expect(requests).toHaveLength(1);
  });

  it('makes one segment of the whole text when a compatible server returns no segments', async () => {
    const requests: TranscriptionRequest[] = [];
    server.use(
      transcriptionsApi({
        baseURL: 'http://whisper.local:8000/v1',
        omitSegments: true,
        duration: 30,
        language: 'en',
        requests,
      }),
    );
    const { transcriber } = setup({ baseURL: 'http://whisper.local:8000/v1', model: 'Systran/faster-whisper-small' });
    expect(transcriber.name).toBe('openai-compatible:Systran/faster-whisper-small');
    const result = await transcriber.transcribe(
      part({ fileName: 'part-1.m4a', mimeType: 'audio/mp4', offsetSeconds: 60 }),
    );
    expect(requests[0]).toMatchObject({
      model: 'Systran/faster-whisper-small',
      responseFormat: 'verbose_json',
      fileName: 'part-1.m4a',
    });
    expect(result).toEqual({
      segments: [
        {
          startSeconds: 60,
          endSeconds: 90,
          text: 'Welcome back to the course. Today we look at index funds and their fees. Let us start with expense ratios.',
        },
      ],
      durationSeconds: 30,
      language: 'en',
    });
  });
});

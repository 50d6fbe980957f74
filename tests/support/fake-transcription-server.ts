import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { z } from 'zod';
import { runTool } from './media/media-tools';

/**
 * A real HTTP server speaking OpenAI's `POST /v1/audio/transcriptions` (multipart
 * in, verbose_json out) for tests that run the real transcriber against real
 * audio. It does not recognise speech: it ffprobes each upload for its true
 * duration (so only real audio gets a transcript; anything else gets OpenAI's 400)
 * and answers with the test's script laid over that duration.
 */
export interface ScriptContext {
  durationSeconds: number;
  /** 0 for the first request this server received (failed ones included). */
  callIndex: number;
  fileName: string;
  model: string;
}

/**
 * Sentences spread evenly over each part, or a function giving each part's segments
 * (in the part's own time) or sentences to spread.
 */
export type TranscriptScript =
  | readonly string[]
  | ((context: ScriptContext) => readonly FakeSegment[] | readonly string[]);

export type PlannedFailure = { status: 429; retryAfterSeconds?: number } | { status: 500 | 502 | 503 | 504 };

export interface RecordedRequest {
  callIndex: number;
  model: string | null;
  fileName: string | null;
  fileType: string | null;
  sizeBytes: number;
  /** ffprobe's reading of the upload; null when it was not audio (or not looked at). */
  durationSeconds: number | null;
  responseFormat: string | null;
  timestampGranularities: string[];
  authorization: string | null;
  status: number;
}

export interface FakeTranscriptionServerOptions {
  script?: TranscriptScript;
  language?: string;
  /** Answered, in order, instead of the next requests. */
  failures?: PlannedFailure[];
  /** Think this long before a successful answer (a slow provider; lets a test act mid-transcription). */
  delayMs?: number;
}

export interface FakeTranscriptionServer {
  /** `http://127.0.0.1:<port>/v1`, what the OpenAI SDK takes as baseURL. */
  baseURL: string;
  requests: RecordedRequest[];
  failNext(...failures: PlannedFailure[]): void;
  close(): Promise<void>;
}

/** A segment as the test scripts it, in the uploaded part's own time. */
export interface FakeSegment {
  start: number;
  end: number;
  text: string;
}

/** Whisper rounds its times to centiseconds. */
const round = (seconds: number) => Math.round(seconds * 100) / 100;

/** n sentences, each given an equal share of the part. */
export function spreadSentences(sentences: readonly string[], durationSeconds: number): FakeSegment[] {
  const share = durationSeconds / Math.max(1, sentences.length);
  return sentences.map((text, i) => ({ start: i * share, end: (i + 1) * share, text }));
}

/** Stand-in token ids: stable per word, in Whisper's text-token range. Nothing reads them but the shape must be there. */
const tokensOf = (text: string) => [
  50364,
  ...text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => 1000 + [...word].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 40000, 7)),
  50257,
];

/**
 * The body OpenAI sends for one transcription, in the requested format:
 * `verbose_json` with every field Whisper's segments carry; `json` just the text;
 * `text` the bare text.
 */
export function whisperResponse(
  script: TranscriptScript,
  context: ScriptContext,
  language: string,
  format: string,
): unknown {
  const scripted = typeof script === 'function' ? script(context) : script;
  const raw = scripted.every((item) => typeof item === 'string')
    ? spreadSentences(scripted as readonly string[], context.durationSeconds)
    : (scripted as readonly FakeSegment[]);
  const segments = raw.map((s, id) => ({
    id,
    // Whisper's seek is the 30-second window the segment was decoded in, in 10 ms frames.
    seek: Math.floor(s.start / 30) * 3000,
    start: round(s.start),
    end: round(s.end),
    text: ` ${s.text.trim()}`,
    tokens: tokensOf(s.text),
    temperature: 0,
    avg_logprob: -0.21,
    compression_ratio: 1.32,
    no_speech_prob: 0.01,
  }));
  const text = segments
    .map((s) => s.text)
    .join('')
    .trim();
  if (format === 'text') return text;
  if (format !== 'verbose_json') return { text };
  return { task: 'transcribe', language, duration: round(context.durationSeconds), text, segments };
}

const MAX_BYTES = 25 * 1024 * 1024;
const SUPPORTED = ['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm'];

const openAiError = (message: string, type: string, code: string | null = null, param: string | null = null) => ({
  error: { message, type, param, code },
});
const FAILURE_BODIES: Record<PlannedFailure['status'], ReturnType<typeof openAiError>> = {
  429: openAiError(
    'Rate limit reached for whisper-1 in organization org-fake on requests per min (RPM): Limit 50, Used 50, Requested 1.',
    'requests',
    'rate_limit_exceeded',
  ),
  500: openAiError('The server had an error while processing your request. Sorry about that!', 'server_error'),
  502: openAiError('Bad gateway.', 'server_error'),
  503: openAiError('The engine is currently overloaded, please try again later.', 'server_error'),
  504: openAiError('Gateway timeout.', 'server_error'),
};

const probeOutput = z.object({
  streams: z.array(z.object({ codec_type: z.string() })).default([]),
  format: z.object({ duration: z.string().optional() }).default({}),
});

async function audioDuration(path: string): Promise<number | null> {
  try {
    const out = probeOutput.parse(
      JSON.parse(
        await runTool('ffprobe', [
          '-v',
          'error',
          '-show_entries',
          'stream=codec_type:format=duration',
          '-of',
          'json',
          path,
        ]),
      ),
    );
    const seconds = Number(out.format.duration);
    return out.streams.some((s) => s.codec_type === 'audio') && Number.isFinite(seconds) && seconds > 0
      ? seconds
      : null;
  } catch {
    return null;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
    'x-request-id': `req_fake_${Date.now()}`,
    ...headers,
  });
  res.end(text);
}

export async function startFakeTranscriptionServer(
  options: FakeTranscriptionServerOptions = {},
): Promise<FakeTranscriptionServer> {
  const scratch = await mkdtemp(join(tmpdir(), 'chronos-fake-whisper-'));
  const requests: RecordedRequest[] = [];
  const failures = [...(options.failures ?? [])];

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'POST' || req.url?.split('?')[0] !== '/v1/audio/transcriptions') {
      return send(res, 404, openAiError(`Invalid URL (${req.method} ${req.url})`, 'invalid_request_error'));
    }
    const callIndex = requests.length;
    const authorization = req.headers.authorization ?? null;
    const body = await readBody(req);
    const record: RecordedRequest = {
      callIndex,
      model: null,
      fileName: null,
      fileType: null,
      sizeBytes: 0,
      durationSeconds: null,
      responseFormat: null,
      timestampGranularities: [],
      authorization,
      status: 0,
    };
    requests.push(record);
    const reply = (status: number, payload: unknown, headers?: Record<string, string>) => {
      record.status = status;
      send(res, status, payload, headers);
    };
    if (!authorization?.startsWith('Bearer '))
      return reply(401, openAiError("You didn't provide an API key.", 'invalid_request_error'));
    if (body.length > MAX_BYTES)
      return reply(
        413,
        openAiError(`Maximum content size limit (${MAX_BYTES}) exceeded (${body.length} bytes read)`, 'server_error'),
      );

    const form = await new Response(new Uint8Array(body), {
      headers: { 'content-type': req.headers['content-type'] ?? '' },
    })
      .formData()
      .catch(() => null);
    const file = form?.get('file');
    record.model = (form?.get('model') as string | null) ?? null;
    record.responseFormat = (form?.get('response_format') as string | null) ?? null;
    record.timestampGranularities = (form?.getAll('timestamp_granularities[]') ?? []).map(String);
    if (!(file instanceof File))
      return reply(400, openAiError('You must provide a file.', 'invalid_request_error', null, 'file'));
    record.fileName = file.name;
    record.fileType = file.type;
    record.sizeBytes = file.size;
    if (!record.model)
      return reply(400, openAiError('You must provide a model parameter.', 'invalid_request_error', null, 'model'));

    const failure = failures.shift();
    if (failure) {
      const headers: Record<string, string> =
        failure.status === 429 ? { 'retry-after': String(failure.retryAfterSeconds ?? 1) } : {};
      return reply(failure.status, FAILURE_BODIES[failure.status], headers);
    }
    const extension = extname(file.name).slice(1).toLowerCase();
    if (!SUPPORTED.includes(extension)) {
      return reply(
        400,
        openAiError(
          `Invalid file format. Supported formats: ${JSON.stringify(SUPPORTED).replaceAll('"', "'")}`,
          'invalid_request_error',
        ),
      );
    }
    const path = join(scratch, `upload-${callIndex}.${extension}`);
    await writeFile(path, new Uint8Array(await file.arrayBuffer()));
    record.durationSeconds = await audioDuration(path);
    await rm(path, { force: true });
    if (record.durationSeconds === null) {
      return reply(
        400,
        openAiError('Audio file might be corrupted or unsupported', 'invalid_request_error', 'invalid_value', 'file'),
      );
    }
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const context: ScriptContext = {
      durationSeconds: record.durationSeconds,
      callIndex,
      fileName: file.name,
      model: record.model,
    };
    const response = whisperResponse(
      options.script ?? defaultScript,
      context,
      options.language ?? 'english',
      record.responseFormat ?? 'json',
    );
    return reply(200, response);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent)
        send(res, 500, openAiError(`Fake server failure: ${(err as Error).message}`, 'server_error'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    failNext: (...more) => void failures.push(...more),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

/** Says which call and where in the part each sentence falls, so a mix-up of parts shows. */
const defaultScript = ({ callIndex }: ScriptContext): string[] => [
  `Part ${callIndex + 1} begins.`,
  `Part ${callIndex + 1} continues.`,
  `Part ${callIndex + 1} ends.`,
];

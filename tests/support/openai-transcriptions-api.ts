import { HttpResponse, http } from 'msw';
import { OPENAI_API } from './openai-embeddings-api';

/**
 * OpenAI's `POST /v1/audio/transcriptions` in its wire format, for msw: a multipart
 * form in, and with `response_format=verbose_json` the real verbose shape out
 * (task, language, duration, text, segments with Whisper's per-segment fields).
 */
export interface TranscriptionRequest {
  model: string | null;
  responseFormat: string | null;
  timestampGranularities: string[];
  fileName: string | null;
  fileType: string | null;
  fileBytes: number;
  authorization: string | null;
}

export interface WhisperSegment {
  start: number;
  end: number;
  text: string;
}

export interface TranscriptionsApiOptions {
  /** Defaults to OpenAI's. */
  baseURL?: string;
  requests?: TranscriptionRequest[];
  /** Answer this request yourself (an error, a delay…); return undefined for the normal answer. */
  intercept?: (request: TranscriptionRequest) => Response | undefined | Promise<Response | undefined>;
  segments?: WhisperSegment[];
  duration?: number;
  language?: string;
  /** Like some OpenAI-compatible servers: text and duration, but no segments. */
  omitSegments?: boolean;
}

export const DEFAULT_SEGMENTS: WhisperSegment[] = [
  { start: 0, end: 4.2, text: ' Welcome back to the course.' },
  { start: 4.2, end: 8.9, text: ' Today we look at index funds and their fees.' },
  { start: 8.9, end: 12.3, text: ' Let us start with expense ratios.' },
];

export function transcriptionsApi(options: TranscriptionsApiOptions = {}) {
  return http.post(`${options.baseURL ?? OPENAI_API}/audio/transcriptions`, async ({ request }) => {
    const form = await request.formData();
    const file = form.get('file');
    const received: TranscriptionRequest = {
      model: form.get('model') as string | null,
      responseFormat: form.get('response_format') as string | null,
      timestampGranularities: [
        ...form.getAll('timestamp_granularities[]'),
        ...form.getAll('timestamp_granularities'),
      ].map(String),
      fileName: file instanceof File ? file.name : null,
      fileType: file instanceof File ? file.type : null,
      fileBytes: file instanceof File ? file.size : 0,
      authorization: request.headers.get('authorization'),
    };
    options.requests?.push(received);
    const custom = await options.intercept?.(received);
    if (custom) return custom;
    const segments = options.segments ?? DEFAULT_SEGMENTS;
    const text = segments
      .map((s) => s.text)
      .join('')
      .trim();
    const duration = options.duration ?? 12.3;
    if (received.responseFormat !== 'verbose_json') return HttpResponse.json({ text });
    return HttpResponse.json({
      task: 'transcribe',
      language: options.language ?? 'english',
      duration,
      text,
      ...(options.omitSegments
        ? {}
        : {
            segments: segments.map((s, id) => ({
              id,
              seek: Math.floor(s.start * 100),
              start: s.start,
              end: s.end,
              text: s.text,
              tokens: [50364, 1000 + id, 50564],
              temperature: 0,
              avg_logprob: -0.21,
              compression_ratio: 1.35,
              no_speech_prob: 0.01,
            })),
          }),
    });
  });
}

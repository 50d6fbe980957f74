import { HttpResponse, http } from 'msw';

/**
 * OpenAI's `POST /v1/embeddings` in its wire format, for msw: JSON float arrays,
 * or base64 little-endian float32 when the request asks for `encoding_format: 'base64'`
 * (as the real API does). Vectors are derived from the text, so a test can check
 * that each input got its own vector back, in order.
 */
export const OPENAI_API = 'https://api.openai.com/v1';

export interface EmbeddingsRequest {
  input: string[];
  model: string;
  encoding_format?: string;
  dimensions?: number;
  authorization: string | null;
}

/** A vector for `text`; every value is exact in float32, so base64 round trips compare equal. */
export function fakeEmbedding(text: string, dimensions = 1536): number[] {
  let seed = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) seed = Math.imul(seed ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return Array.from({ length: dimensions }, (_, j) => ((seed >>> (j % 24)) & 7) / 8 - 0.5);
}

const toBase64 = (vector: number[]) => Buffer.from(new Float32Array(vector).buffer).toString('base64');
const wordCount = (texts: string[]) => texts.reduce((sum, t) => sum + (t.match(/\S+/g)?.length ?? 0), 0);

export interface EmbeddingsApiOptions {
  /** Every request received, in arrival order. */
  requests?: EmbeddingsRequest[];
  /** Answer this request yourself (an error, a delay…); return undefined for the normal answer. */
  intercept?: (request: EmbeddingsRequest) => Response | undefined | Promise<Response | undefined>;
  /** Like some OpenAI-compatible servers: always JSON floats, whatever was asked. */
  ignoreEncodingFormat?: boolean;
  dimensions?: number;
}

export function embeddingsApi(options: EmbeddingsApiOptions = {}) {
  return http.post(`${OPENAI_API}/embeddings`, async ({ request }) => {
    const body = (await request.json()) as Omit<EmbeddingsRequest, 'authorization' | 'input'> & {
      input: string | string[];
    };
    const input = Array.isArray(body.input) ? body.input : [body.input];
    const received: EmbeddingsRequest = { ...body, input, authorization: request.headers.get('authorization') };
    options.requests?.push(received);
    const custom = await options.intercept?.(received);
    if (custom) return custom;
    const base64 = body.encoding_format === 'base64' && !options.ignoreEncodingFormat;
    const tokens = wordCount(input);
    return HttpResponse.json({
      object: 'list',
      data: input.map((text, index) => {
        const vector = fakeEmbedding(text, options.dimensions ?? body.dimensions ?? 1536);
        return { object: 'embedding', index, embedding: base64 ? toBase64(vector) : vector };
      }),
      model: body.model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  });
}

/** OpenAI's error body, with the status and headers the API would send. */
export function openAiError(status: number, message: string, headers: Record<string, string> = {}) {
  const type = status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request_error';
  return HttpResponse.json({ error: { message, type, param: null, code: null } }, { status, headers });
}

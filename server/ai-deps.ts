import { createAnthropicAnswerer } from './adapters/answerer/anthropic-answerer';
import { createOfflineExtractiveAnswerer } from './adapters/answerer/offline-extractive-answerer';
import { createOpenAiCompatibleAnswerer } from './adapters/answerer/openai-compatible-answerer';
import { createOfflineLexicalEmbedder } from './adapters/embedder/offline-lexical-embedder';
import { createOpenAiEmbedder } from './adapters/embedder/openai-embedder';
import { createOpenAiTranscriber } from './adapters/transcriber/openai-transcriber';
import type { Env } from './env';
import type { Answerer } from './ports/answerer';
import type { Embedder } from './ports/embedder';
import type { Logger } from './ports/logger';
import type { Transcriber } from './ports/transcriber';

export interface AiDeps {
  embedder: Embedder;
  answerer: Answerer;
  /** Null when no transcription provider is configured: videos then need captions. */
  transcriber: Transcriber | null;
}

/** OpenAI, or an OpenAI-compatible server by base URL; none without a key or a server. */
export function buildTranscriber(env: Env, logger: Logger): Transcriber | null {
  if (!env.TRANSCRIBE_BASE_URL && !env.OPENAI_API_KEY) return null;
  const baseURL = env.TRANSCRIBE_BASE_URL ?? env.OPENAI_BASE_URL;
  return createOpenAiTranscriber({
    apiKey: env.TRANSCRIBE_API_KEY ?? env.OPENAI_API_KEY ?? 'none',
    model: env.TRANSCRIBE_MODEL,
    ...(baseURL ? { baseURL } : {}),
    logger,
  });
}

/** Real providers when keys are set, the offline ones otherwise (the same choice provider-status.ts reports). */
export function buildAi(env: Env, logger: Logger): AiDeps {
  const embedder = env.OPENAI_API_KEY
    ? createOpenAiEmbedder({
        apiKey: env.OPENAI_API_KEY,
        model: env.EMBEDDING_MODEL,
        ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
        logger,
      })
    : createOfflineLexicalEmbedder();
  const answerer = env.ANTHROPIC_API_KEY
    ? createAnthropicAnswerer({ apiKey: env.ANTHROPIC_API_KEY, model: env.ANTHROPIC_MODEL })
    : env.LLM_BASE_URL
      ? createOpenAiCompatibleAnswerer({
          baseURL: env.LLM_BASE_URL,
          model: env.LLM_MODEL ?? '',
          apiKey: env.LLM_API_KEY ?? 'none',
        })
      : createOfflineExtractiveAnswerer();
  return { embedder, answerer, transcriber: buildTranscriber(env, logger) };
}

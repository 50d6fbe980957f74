import type { HealthResponse } from '../shared/schemas/health';
import type { Env } from './env';

/**
 * Which implementation each port uses under this configuration, for /api/health
 * and the UI. Names only: never a key or a URL.
 */
export function describeProviders(env: Env, runtime: HealthResponse['runtime']): HealthResponse['providers'] {
  const realWhop = Boolean(env.WHOP_APP_ID && env.WHOP_API_KEY);
  return {
    transcriber: env.TRANSCRIBE_BASE_URL
      ? { name: `openai-compatible:${env.TRANSCRIBE_MODEL}`, mode: 'real' }
      : env.OPENAI_API_KEY
        ? { name: `openai:${env.TRANSCRIBE_MODEL}`, mode: 'real' }
        : { name: 'captions-only', mode: 'offline' },
    embedder: env.OPENAI_API_KEY
      ? { name: `openai:${env.EMBEDDING_MODEL}`, mode: 'real' }
      : { name: 'offline-lexical', mode: 'offline' },
    answerer: env.ANTHROPIC_API_KEY
      ? { name: `anthropic:${env.ANTHROPIC_MODEL}`, mode: 'real' }
      : env.LLM_BASE_URL
        ? { name: `openai-compatible:${env.LLM_MODEL ?? ''}`, mode: 'real' }
        : { name: 'offline-extractive', mode: 'offline' },
    storage: env.SUPABASE_URL
      ? { name: 'supabase-storage', mode: 'real' }
      : runtime === 'node'
        ? { name: 'local-disk', mode: 'offline' }
        : { name: 'none', mode: 'unavailable' },
    jobs: runtime === 'workers' ? { name: 'cloudflare-queues', mode: 'real' } : { name: 'in-process', mode: 'offline' },
    whop: realWhop ? { name: 'whop', mode: 'real' } : { name: 'sandbox', mode: 'offline' },
  };
}

import { createJsonLogger } from '../../server/adapters/logger/json-logger';
import { buildAi } from '../../server/ai-deps';
import { ConfigError, type Env, parseEnv } from '../../server/env';
import type { Answerer } from '../../server/ports/answerer';
import type { Embedder } from '../../server/ports/embedder';
import type { EvalOptions } from './eval-options';

/** What the chosen providers need from the environment and is not there. */
export class MissingProviderConfig extends Error {
  override name = 'MissingProviderConfig';
  constructor(readonly missing: string[]) {
    super(`The chosen providers need: ${missing.join('; ')}`);
  }
}

/** Variables each choice reads; everything else in the environment is left out, so the choice is exactly what was asked. */
const VARIABLES = {
  embedder: { offline: [], openai: ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'EMBEDDING_MODEL'] },
  answerer: {
    offline: [],
    anthropic: ['ANTHROPIC_API_KEY', 'ANTHROPIC_MODEL'],
    'openai-compatible': ['LLM_BASE_URL', 'LLM_MODEL', 'LLM_API_KEY'],
  },
} as const;

const REQUIRED = {
  embedder: { offline: [], openai: ['OPENAI_API_KEY'] },
  answerer: { offline: [], anthropic: ['ANTHROPIC_API_KEY'], 'openai-compatible': ['LLM_BASE_URL', 'LLM_MODEL'] },
} as const;

/**
 * The env the app's own provider choice (server/ai-deps.ts buildAi) would see if only
 * the asked-for providers were configured: the harness never decides which adapter
 * to build, it hands the same choice code a filtered environment.
 */
export function providerEnv(
  options: Pick<EvalOptions, 'embedder' | 'answerer'>,
  environment: Record<string, string | undefined>,
): Env {
  const missing = [
    ...REQUIRED.embedder[options.embedder]
      .filter((name) => !environment[name])
      .map((name) => `${name} (for --embedder ${options.embedder})`),
    ...REQUIRED.answerer[options.answerer]
      .filter((name) => !environment[name])
      .map((name) => `${name} (for --answerer ${options.answerer})`),
  ];
  if (missing.length > 0) throw new MissingProviderConfig(missing);
  const picked: Record<string, string> = {};
  for (const name of [...VARIABLES.embedder[options.embedder], ...VARIABLES.answerer[options.answerer]]) {
    const value = environment[name];
    if (value) picked[name] = value;
  }
  try {
    return parseEnv(picked);
  } catch (err) {
    // A key of the wrong shape (too short, a bad URL): the same messages the app would print at start.
    if (err instanceof ConfigError) throw new MissingProviderConfig([err.message]);
    throw err;
  }
}

export interface EvalProviders {
  embedder: Embedder;
  answerer: Answerer;
  env: Env;
}

/** The adapters the app would run with under that environment (real ones make network calls). */
export function buildEvalProviders(
  options: Pick<EvalOptions, 'embedder' | 'answerer'>,
  environment: Record<string, string | undefined>,
): EvalProviders {
  const env = providerEnv(options, environment);
  const { embedder, answerer } = buildAi(env, createJsonLogger({ level: 'silent' }));
  return { embedder, answerer, env };
}

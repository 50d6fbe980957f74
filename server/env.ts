import { z } from 'zod';
import { ChronosError } from '../shared/chronos-error';

/**
 * All configuration, parsed once at start. A bad configuration stops the start
 * with every bad variable listed. The embedded default (`npm start`) needs none.
 * Runtime-free: entries pass `process.env` (Node) or the Worker's `env`.
 */
const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

export const EnvSchema = z.object({
  APP_ENV: z.preprocess(emptyAsUndefined, z.enum(['development', 'test', 'production']).default('development')),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info')),

  // Node runtime (ignored on Workers)
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(8787)),
  HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('.data')),

  // Database: unset → embedded PGlite under DATA_DIR; set → Postgres (Supabase) via postgres.js
  DATABASE_URL: opt(
    z
      .string()
      .url()
      .refine((u) => /^postgres(ql)?:\/\//.test(u), 'must be a postgres:// URL'),
  ),
  DATABASE_POOL_MAX: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100).default(5)),
  // Named prepared statements over DATABASE_URL: on for a direct connection or Supabase's session pooler
  // (one round trip a statement instead of two), off for the transaction pooler (port 6543), which rejects them.
  DATABASE_PREPARE: z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).default('false')),

  // Storage: unset → local disk under DATA_DIR; set → Supabase Storage
  SUPABASE_URL: opt(z.string().url()),
  SUPABASE_SERVICE_ROLE_KEY: opt(z.string().min(20)),
  SUPABASE_STORAGE_BUCKET: z.preprocess(emptyAsUndefined, z.string().default('videos')),

  // AI providers: unset → offline providers
  OPENAI_API_KEY: opt(z.string().min(10)),
  OPENAI_BASE_URL: opt(z.string().url()),
  TRANSCRIBE_BASE_URL: opt(z.string().url()),
  TRANSCRIBE_MODEL: z.preprocess(emptyAsUndefined, z.string().default('whisper-1')),
  TRANSCRIBE_API_KEY: opt(z.string().min(1)),
  EMBEDDING_MODEL: z.preprocess(emptyAsUndefined, z.string().default('text-embedding-3-small')),
  ANTHROPIC_API_KEY: opt(z.string().min(10)),
  ANTHROPIC_MODEL: z.preprocess(emptyAsUndefined, z.string().default('claude-sonnet-4-5')),
  LLM_BASE_URL: opt(z.string().url()),
  LLM_MODEL: opt(z.string()),
  LLM_API_KEY: opt(z.string().min(1)),

  // Per-user rate limits (Node; on Workers the [[ratelimits]] bindings in wrangler.toml set them)
  RATE_LIMIT_CHAT_PER_MINUTE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(10_000).default(20)),
  RATE_LIMIT_WHOP_PER_MINUTE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(10_000).default(60)),

  // Whop: unset → local sandbox (development only)
  WHOP_APP_ID: opt(z.string().regex(/^app_/, 'must start with app_')),
  WHOP_API_KEY: opt(z.string().min(10)),
  WHOP_WEBHOOK_SECRET: opt(z.string().min(10)),
  WHOP_API_BASE_URL: opt(z.string().url()),
  WHOP_JWKS_URL: opt(z.string().url()),
  // Sign in with Whop (outside the iframe). Real Whop: set APP_ORIGIN and SESSION_ENCRYPTION_KEY
  // (and the client secret of a confidential app); the local sandbox needs none of them.
  /** The app's public origin, e.g. https://chronos.example.com: the redirect_uri is `${APP_ORIGIN}/api/auth/callback`. */
  APP_ORIGIN: opt(
    z
      .string()
      .url()
      .refine(
        (u) => new URL(u).origin === u.replace(/\/+$/, ''),
        'must be an origin only (scheme, host, port), no path',
      )
      .transform((u) => new URL(u).origin),
  ),
  /** 32 random bytes, base64: seals Whop's tokens at rest in auth_sessions. Rotating it ends every session. */
  SESSION_ENCRYPTION_KEY: opt(
    z.string().regex(/^[A-Za-z0-9+/_-]{43}=?$/, 'must be 32 bytes in base64 (openssl rand -base64 32)'),
  ),
  WHOP_OAUTH_CLIENT_SECRET: opt(z.string().min(10)),
  /** Whop's OAuth issuer; its endpoints are `<issuer>/oauth/{authorize,token,userinfo,revoke}`. */
  WHOP_OAUTH_ISSUER: opt(z.string().url()),
  /** Sandbox only: lifetime of the sandbox's access tokens (default 3600, Whop's); short ones exercise refresh. */
  SANDBOX_OAUTH_ACCESS_TOKEN_TTL_SECONDS: opt(z.coerce.number().int().min(1).max(86_400)),
  /** A pinned public JWK (JSON) for user tokens; otherwise Whop's JWKS is fetched. */
  WHOP_JWK: opt(
    z.string().transform((text, ctx) => {
      try {
        const jwk = JSON.parse(text) as Record<string, unknown>;
        if (jwk['kty'] !== 'EC' || jwk['crv'] !== 'P-256' || 'd' in jwk) throw new Error();
        return jwk;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a public P-256 JWK in JSON' });
        return z.NEVER;
      }
    }),
  ),
});

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends ChronosError {
  readonly code = 'CONFIG_INVALID';
  readonly retryable = false;

  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the raw environment; throws ConfigError listing every bad variable. */
export function parseEnv(raw: Record<string, unknown>): Env {
  const result = EnvSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  const env = result.data;
  const problems: string[] = [];
  if (env.APP_ENV === 'production') {
    if (!env.WHOP_APP_ID) problems.push('WHOP_APP_ID: required in production');
    if (!env.WHOP_API_KEY) problems.push('WHOP_API_KEY: required in production');
    if (!env.WHOP_WEBHOOK_SECRET) problems.push('WHOP_WEBHOOK_SECRET: required in production');
  }
  if (Boolean(env.WHOP_APP_ID) !== Boolean(env.WHOP_API_KEY)) {
    problems.push('WHOP_APP_ID / WHOP_API_KEY: set both (real Whop) or neither (local sandbox)');
  }
  if (Boolean(env.SUPABASE_URL) !== Boolean(env.SUPABASE_SERVICE_ROLE_KEY)) {
    problems.push('SUPABASE_URL / SUPABASE_SERVICE_ROLE_KEY: set both or neither');
  }
  if (env.APP_ORIGIN?.startsWith('http://') && env.APP_ENV === 'production') {
    problems.push('APP_ORIGIN: must be https in production (session cookies are Secure)');
  }
  if (Boolean(env.APP_ORIGIN) !== Boolean(env.SESSION_ENCRYPTION_KEY) && env.WHOP_APP_ID) {
    problems.push('APP_ORIGIN / SESSION_ENCRYPTION_KEY: set both to enable Sign in with Whop, or neither');
  }
  if (env.LLM_BASE_URL && !env.LLM_MODEL) problems.push('LLM_MODEL: required when LLM_BASE_URL is set');
  if (problems.length) throw new ConfigError(problems);
  return env;
}

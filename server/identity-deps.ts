import type { JWK } from 'jose';
import { createJoseUserTokenVerifier } from './adapters/whop/jose-user-token-verifier';
import { createSandboxWhop } from './adapters/whop/sandbox-whop';
import { createWhopRestApi } from './adapters/whop/whop-rest-api';
import type { AppDeps } from './app';
import { ConfigError, type Env } from './env';
import type { Logger } from './ports/logger';

/** True when no Whop keys are configured: identity comes from the local sandbox. */
export function isSandboxMode(env: Env): boolean {
  return !env.WHOP_APP_ID && !env.WHOP_API_KEY;
}

/**
 * Real Whop when keys are set. The sandbox only when `allowSandbox` (the Node
 * entry on loopback) and never in production: its key is trusted nowhere else.
 */
export async function buildIdentity(
  env: Env,
  options: { allowSandbox: boolean; logger: Logger },
): Promise<AppDeps['identity']> {
  if (env.WHOP_APP_ID && env.WHOP_API_KEY) {
    return {
      appId: env.WHOP_APP_ID,
      verifier: createJoseUserTokenVerifier({
        appId: env.WHOP_APP_ID,
        ...(env.WHOP_JWK ? { jwk: env.WHOP_JWK as JWK } : {}),
        ...(env.WHOP_JWKS_URL ? { jwksUrl: env.WHOP_JWKS_URL } : {}),
      }),
      whop: createWhopRestApi({
        apiKey: env.WHOP_API_KEY,
        ...(env.WHOP_API_BASE_URL ? { baseUrl: env.WHOP_API_BASE_URL } : {}),
        logger: options.logger,
      }),
      sandbox: null,
    };
  }
  if (!options.allowSandbox || env.APP_ENV === 'production') {
    throw new ConfigError([
      'WHOP_APP_ID / WHOP_API_KEY: required here (the local Whop sandbox runs only with npm start)',
    ]);
  }
  const sandbox = await createSandboxWhop();
  return {
    appId: sandbox.appId,
    verifier: createJoseUserTokenVerifier({ appId: sandbox.appId, jwk: sandbox.publicJwk }),
    whop: sandbox.api,
    sandbox,
  };
}

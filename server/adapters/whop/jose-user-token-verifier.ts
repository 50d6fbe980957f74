import { createRemoteJWKSet, importJWK, type JWK, jwtVerify } from 'jose';
import { ChronosError } from '../../../shared/chronos-error';
import { USER_ID } from '../../../shared/whop-context';
import type { UserTokenVerifier } from '../../ports/user-token-verifier';

export const WHOP_TOKEN_ISSUER = 'urn:whopcom:exp-proxy';
export const WHOP_JWKS_URL = 'https://api.whop.com/.well-known/jwks.json';

export class InvalidUserTokenError extends ChronosError {
  readonly code = 'INVALID_USER_TOKEN';
  readonly retryable = false;

  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidUserTokenError';
  }
}

export interface JoseVerifierOptions {
  /** Our Whop app id: tokens issued to any other app are refused. */
  appId: string;
  /** A pinned public key (tests, the sandbox, or pinning Whop's key); else Whop's JWKS. */
  jwk?: JWK;
  jwksUrl?: string;
  /** Verified tokens remembered at most (VERIFIED_TOKEN_CACHE_LIMIT unless set: tests). */
  cacheLimit?: number;
}

/**
 * Tokens already verified, until they expire: the iframe sends the same token with every
 * request of a visit, and an ES256 verification is the costliest step before a question
 * is admitted (~0.5 ms of CPU each; 200 students asking at once spent 100 ms+ on it). Only
 * verified tokens enter; a hit is re-checked against its own `exp` (no clock tolerance),
 * so an expired token is refused exactly as jose would. Bounded: the oldest go first.
 */
export const VERIFIED_TOKEN_CACHE_LIMIT = 10_000;

/** Verifies Whop user tokens: ES256 only, Whop's issuer, our app as audience, not expired. */
export function createJoseUserTokenVerifier(
  options: JoseVerifierOptions,
): UserTokenVerifier & { readonly remembered: number } {
  const key = options.jwk
    ? importJWK(options.jwk, 'ES256')
    : Promise.resolve(createRemoteJWKSet(new URL(options.jwksUrl ?? WHOP_JWKS_URL)));
  const verified = new Map<string, { userId: string; expiresAtMs: number }>();
  const cacheLimit = options.cacheLimit ?? VERIFIED_TOKEN_CACHE_LIMIT;
  return {
    async verify(token) {
      const known = verified.get(token);
      if (known) {
        if (Date.now() < known.expiresAtMs) return { userId: known.userId };
        verified.delete(token);
      }
      let sub: string | undefined;
      let exp: number | undefined;
      try {
        const resolved = await key;
        const verifyOptions = {
          issuer: WHOP_TOKEN_ISSUER,
          audience: options.appId,
          algorithms: ['ES256'],
          clockTolerance: 5,
          requiredClaims: ['exp', 'sub'],
        };
        const result =
          typeof resolved === 'function'
            ? await jwtVerify(token, resolved, verifyOptions)
            : await jwtVerify(token, resolved, verifyOptions);
        sub = result.payload.sub;
        exp = result.payload.exp;
      } catch (err) {
        throw new InvalidUserTokenError((err as Error).message);
      }
      if (!sub || !USER_ID.test(sub)) throw new InvalidUserTokenError('token subject is not a Whop user id');
      if (exp !== undefined) {
        if (verified.size >= cacheLimit) verified.delete(verified.keys().next().value!);
        verified.set(token, { userId: sub, expiresAtMs: exp * 1000 });
      }
      return { userId: sub };
    },
    get remembered() {
      return verified.size;
    },
  };
}

import { createRemoteJWKSet, importJWK, jwtVerify, type JWK } from 'jose';
import { USER_ID } from '../../../shared/whop-context';
import type { UserTokenVerifier } from '../../ports/user-token-verifier';

export const WHOP_TOKEN_ISSUER = 'urn:whopcom:exp-proxy';
export const WHOP_JWKS_URL = 'https://api.whop.com/.well-known/jwks.json';

export class InvalidUserTokenError extends Error {
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
}

/** Verifies Whop user tokens: ES256 only, Whop's issuer, our app as audience, not expired. */
export function createJoseUserTokenVerifier(options: JoseVerifierOptions): UserTokenVerifier {
  const key = options.jwk
    ? importJWK(options.jwk, 'ES256')
    : Promise.resolve(createRemoteJWKSet(new URL(options.jwksUrl ?? WHOP_JWKS_URL)));
  return {
    async verify(token) {
      let sub: string | undefined;
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
      } catch (err) {
        throw new InvalidUserTokenError((err as Error).message);
      }
      if (!sub || !USER_ID.test(sub)) throw new InvalidUserTokenError('token subject is not a Whop user id');
      return { userId: sub };
    },
  };
}

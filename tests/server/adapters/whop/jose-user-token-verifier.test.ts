import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createJoseUserTokenVerifier,
  InvalidUserTokenError,
  VERIFIED_TOKEN_CACHE_LIMIT,
} from '../../../../server/adapters/whop/jose-user-token-verifier';
import { signUserToken, TEST_APP_ID, whopPublicJwk } from '../../../support/whop-world';

const STUDENT = 'user_cachedStudent1';

async function verifier() {
  return createJoseUserTokenVerifier({ appId: TEST_APP_ID, jwk: await whopPublicJwk() });
}

describe('the Whop token verifier remembers verified tokens until they expire', () => {
  afterEach(() => vi.useRealTimers());

  it('answers a token it verified before with the same user, and still refuses a token differing by one character', async () => {
    const v = await verifier();
    const token = await signUserToken(STUDENT);
    expect(await v.verify(token)).toEqual({ userId: STUDENT });
    expect(await v.verify(token)).toEqual({ userId: STUDENT });
    expect(v.remembered).toBe(1);
    // A character in the middle of the signature (the last one carries unused bits).
    const at = token.lastIndexOf('.') + 20;
    const tampered = `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
    await expect(v.verify(tampered)).rejects.toBeInstanceOf(InvalidUserTokenError);
  });

  it('refuses a remembered token once its own expiry has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-02T10:00:00Z'));
    const v = await verifier();
    const token = await signUserToken(STUDENT, { expiresInSeconds: 60 });
    expect(await v.verify(token)).toEqual({ userId: STUDENT });
    vi.setSystemTime(new Date('2026-12-02T10:00:59Z'));
    expect(await v.verify(token)).toEqual({ userId: STUDENT });
    // Past exp (and past jose's 5 s tolerance): the cache must not answer for it.
    vi.setSystemTime(new Date('2026-12-02T10:01:10Z'));
    await expect(v.verify(token)).rejects.toBeInstanceOf(InvalidUserTokenError);
  });

  it('never remembers a refused token, so a forged one is refused every time', async () => {
    const v = await verifier();
    const forged = await signUserToken(STUDENT, { audience: 'app_someoneElse' });
    await expect(v.verify(forged)).rejects.toBeInstanceOf(InvalidUserTokenError);
    await expect(v.verify(forged)).rejects.toBeInstanceOf(InvalidUserTokenError);
    expect(v.remembered).toBe(0);
  });

  it('stays bounded: past its limit the oldest token is forgotten', async () => {
    expect(VERIFIED_TOKEN_CACHE_LIMIT).toBeLessThanOrEqual(100_000);
    const v = createJoseUserTokenVerifier({ appId: TEST_APP_ID, jwk: await whopPublicJwk(), cacheLimit: 2 });
    for (const user of ['user_bounded00001', 'user_bounded00002', 'user_bounded00003']) {
      expect(await v.verify(await signUserToken(user))).toEqual({ userId: user });
    }
    expect(v.remembered).toBe(2);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/ports/db';
import type { UserTokenVerifier } from '../../../server/ports/user-token-verifier';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { Viewer } from '../../../shared/schemas/viewer';
import { COMPANY_HEADER, EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, testIdentity, whopCalls, world } from '../../support/whop-world';

/**
 * The auth middleware's own rules, beyond the shared security cases: how the
 * context headers are read, which check runs first, what a refused user is
 * told, and that the verified user follows the request into its log lines.
 */
installWhopWorld();
let db: Db;
let harness: Awaited<ReturnType<typeof createTestApp>>;
const verified: string[] = [];

beforeAll(async () => {
  db = await createTestDb();
  const identity = await testIdentity();
  // The real verifier, watched: which tokens reach it.
  const verifier: UserTokenVerifier = { verify: (token) => (verified.push(token), identity.verifier.verify(token)) };
  harness = await createTestApp(db, { identity: { ...identity, verifier } });
});
afterAll(() => db.close());

const get = (path: string, headers: Record<string, string>) => harness.app.request(path, { headers });
const error = async (res: Response) => ErrorBody.parse(await res.json()).error;

describe('reading the Whop context', () => {
  it('accepts context ids with surrounding spaces', async () => {
    const token = await signUserToken(world.A.student);
    const res = await get('/api/viewer', {
      [USER_TOKEN_HEADER]: token,
      [EXPERIENCE_HEADER]: `  ${world.A.experienceId} `,
    });
    expect(res.status).toBe(200);
    expect(Viewer.parse(await res.json()).experience?.id).toBe(world.A.experienceId);
    const admin = await get('/api/dashboard/plan', {
      [USER_TOKEN_HEADER]: await signUserToken(world.A.admin),
      [COMPANY_HEADER]: ` ${world.A.companyId}`,
    });
    expect(admin.status).toBe(200);
  });

  it('names the missing header on student and admin routes, a blank one included', async () => {
    const token = await signUserToken(world.A.admin);
    const student = await get('/api/usage', { [USER_TOKEN_HEADER]: token, [EXPERIENCE_HEADER]: '   ' });
    expect(student.status).toBe(400);
    expect(await error(student)).toMatchObject({
      code: 'BAD_REQUEST',
      message: `Missing ${EXPERIENCE_HEADER} header.`,
    });
    const admin = await get('/api/dashboard/plan', { [USER_TOKEN_HEADER]: token, [COMPANY_HEADER]: '' });
    expect(await error(admin)).toMatchObject({ code: 'BAD_REQUEST', message: `Missing ${COMPANY_HEADER} header.` });
    // On a route for either view, no context at all means the student view.
    const either = await get('/api/viewer', { [USER_TOKEN_HEADER]: token });
    expect(await error(either)).toMatchObject({ code: 'BAD_REQUEST', message: `Missing ${EXPERIENCE_HEADER} header.` });
  });

  it('takes a company header as the dashboard view and a blank experience header as none', async () => {
    const token = await signUserToken(world.A.admin);
    const res = await get('/api/viewer', {
      [USER_TOKEN_HEADER]: token,
      [COMPANY_HEADER]: world.A.companyId,
      [EXPERIENCE_HEADER]: ' ',
    });
    expect(res.status).toBe(200);
    expect(Viewer.parse(await res.json()).view).toBe('dashboard');
  });

  it('checks the token before complaining about two contexts', async () => {
    const both = { [EXPERIENCE_HEADER]: world.A.experienceId, [COMPANY_HEADER]: world.A.companyId };
    expect((await error(await get('/api/viewer', both))).code).toBe('UNAUTHENTICATED');
    const signed = await get('/api/viewer', { ...both, [USER_TOKEN_HEADER]: await signUserToken(world.A.admin) });
    expect(await error(signed)).toMatchObject({ code: 'BAD_REQUEST', message: 'Send one view context, not both.' });
  });

  it('checks the token before the context, and asks Whop nothing for a bad token', async () => {
    const res = await get('/api/usage', { [USER_TOKEN_HEADER]: 'not-a-token' });
    expect(await error(res)).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/not valid or has expired/),
    });
    expect(whopCalls).toEqual([]);
  });
});

describe('tokens', () => {
  it('tells a user without a token to open Chronos inside Whop, or sign in with Whop where that is set up', async () => {
    const res = await get('/api/usage', { [EXPERIENCE_HEADER]: world.A.experienceId });
    expect(await error(res)).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'No Whop user token. Open Chronos inside Whop, or sign in with Whop.',
    });
    const iframeOnly = await createTestApp(db, { signIn: null });
    const res2 = await iframeOnly.app.request('/api/usage', { headers: { [EXPERIENCE_HEADER]: world.A.experienceId } });
    expect(await error(res2)).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'No Whop user token. Open Chronos inside Whop.',
    });
  });

  it('refuses an oversized token without parsing it, and passes a token of the size limit to the verifier', async () => {
    verified.length = 0;
    const huge = 'a'.repeat(8193);
    const res = await get('/api/usage', { [USER_TOKEN_HEADER]: huge, [EXPERIENCE_HEADER]: world.A.experienceId });
    expect(await error(res)).toMatchObject({ code: 'UNAUTHENTICATED', message: 'The Whop user token is not valid.' });
    expect(verified).toEqual([]);
    const atLimit = 'a'.repeat(8192);
    await get('/api/usage', { [USER_TOKEN_HEADER]: atLimit, [EXPERIENCE_HEADER]: world.A.experienceId });
    expect(verified).toEqual([atLimit]);
  });

  it('puts the verified user on the request’s log lines', async () => {
    harness.log.lines.length = 0;
    const token = await signUserToken(world.A.student);
    await get('/api/dashboard/plan', { [USER_TOKEN_HEADER]: token, [COMPANY_HEADER]: world.A.companyId });
    const rejected = harness.log.lines.find(
      (l) => l['msg'] === 'request rejected' || l['message'] === 'request rejected',
    );
    expect(rejected).toMatchObject({ userId: world.A.student, code: 'FORBIDDEN' });
  });
});

import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../../server/adapters/logger/json-logger';
import { createSandboxWhop } from '../../../server/adapters/whop/sandbox-whop';
import { buildNodeDeps } from '../../../server/entry/node-deps';
import { ConfigError, parseEnv } from '../../../server/env';
import { buildIdentity } from '../../../server/identity-deps';
import type { Db } from '../../../server/ports/db';
import { SandboxInfo, SandboxTokenResponse } from '../../../shared/schemas/sandbox';
import { Viewer } from '../../../shared/schemas/viewer';
import { COMPANY_HEADER, EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, TEST_APP_ID, whopPublicJwk, world } from '../../support/whop-world';

const logger = createJsonLogger({ level: 'silent' });
installWhopWorld();
let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

async function sandboxApp() {
  const identity = await buildIdentity(parseEnv({}), { allowSandbox: true, logger });
  return (await createTestApp(db, { identity })).app;
}

async function mint(app: Awaited<ReturnType<typeof sandboxApp>>, userId: string) {
  const res = await app.request('/api/sandbox/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  expect(res.status).toBe(200);
  return SandboxTokenResponse.parse(await res.json()).token;
}

describe('local Whop sandbox', () => {
  it('lists the demo community and people', async () => {
    const app = await sandboxApp();
    const info = SandboxInfo.parse(await (await app.request('/api/sandbox')).json());
    expect(info.communities[0]).toMatchObject({ companyId: 'biz_crumbdemo', experienceId: 'exp_sourdough' });
    expect(info.personas.map((p) => p.accessLevel)).toEqual(expect.arrayContaining(['admin', 'customer', 'no_access']));
  });

  it('signs tokens the server accepts in sandbox mode, with the roles Whop would give', async () => {
    const app = await sandboxApp();
    const creator = await app.request('/api/viewer', {
      headers: { [USER_TOKEN_HEADER]: await mint(app, 'user_mayacreator'), [COMPANY_HEADER]: 'biz_crumbdemo' },
    });
    expect(Viewer.parse(await creator.json())).toMatchObject({
      role: 'creator',
      sandbox: true,
      appId: 'app_chronossandbox',
    });
    const student = await app.request('/api/viewer', {
      headers: { [USER_TOKEN_HEADER]: await mint(app, 'user_samstudent'), [EXPERIENCE_HEADER]: 'exp_sourdough' },
    });
    expect(Viewer.parse(await student.json())).toMatchObject({ role: 'student', user: { name: 'Sam Ortiz' } });
    const outsider = await app.request('/api/viewer', {
      headers: { [USER_TOKEN_HEADER]: await mint(app, 'user_jordancreator'), [EXPERIENCE_HEADER]: 'exp_sourdough' },
    });
    expect(outsider.status).toBe(403);
  });

  it('refuses to mint for unknown people and validates the body', async () => {
    const app = await sandboxApp();
    const unknown = await app.request('/api/sandbox/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'user_nobody' }),
    });
    expect(unknown.status).toBe(404);
    const extra = await app.request('/api/sandbox/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'user_samstudent', admin: true }),
    });
    expect(extra.status).toBe(400);
  });

  it('does not trust a token from another sandbox key (another run)', async () => {
    const app = await sandboxApp();
    const other = await createSandboxWhop();
    const { token } = (await other.mintToken('user_mayacreator'))!;
    const res = await app.request('/api/viewer', {
      headers: { [USER_TOKEN_HEADER]: token, [COMPANY_HEADER]: 'biz_crumbdemo' },
    });
    expect(res.status).toBe(401);
  });
});

describe('production configuration', () => {
  async function productionApp() {
    const env = parseEnv({
      APP_ENV: 'production',
      WHOP_APP_ID: TEST_APP_ID,
      WHOP_API_KEY: 'whop_test_key_123',
      WHOP_WEBHOOK_SECRET: 'whsec_test_secret_123',
      WHOP_JWK: JSON.stringify(await whopPublicJwk()),
    });
    const identity = await buildIdentity(env, { allowSandbox: true, logger });
    expect(identity.sandbox).toBeNull();
    return (await createTestApp(db, { identity })).app;
  }

  it('rejects a sandbox token and an unsigned token, and accepts a Whop-signed one', async () => {
    const app = await productionApp();
    const sandbox = await createSandboxWhop();
    const sandboxToken = (await sandbox.mintToken('user_mayacreator'))!.token;
    // A token claiming our real app id but signed by any key but Whop's must fail too.
    const forgedForOurApp = await signUserToken(world.A.admin, { key: (await generateKeyPair('ES256')).privateKey });
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ iss: 'urn:whopcom:exp-proxy', aud: TEST_APP_ID, sub: world.A.admin, exp: 9999999999 }),
    ).toString('base64url')}.`;
    for (const token of [sandboxToken, forgedForOurApp, unsigned]) {
      const res = await app.request('/api/viewer', {
        headers: { [USER_TOKEN_HEADER]: token, [COMPANY_HEADER]: world.A.companyId },
      });
      expect(res.status).toBe(401);
    }
    const real = await app.request('/api/viewer', {
      headers: { [USER_TOKEN_HEADER]: await signUserToken(world.A.admin), [COMPANY_HEADER]: world.A.companyId },
    });
    expect(real.status).toBe(200);
  });

  it('has no sandbox routes', async () => {
    const app = await productionApp();
    expect((await app.request('/api/sandbox')).status).toBe(404);
    const mintAttempt = await app.request('/api/sandbox/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'user_mayacreator' }),
    });
    expect(mintAttempt.status).toBe(404);
  });

  it('never falls back to the sandbox without Whop keys in production or outside npm start', async () => {
    await expect(buildIdentity(parseEnv({ APP_ENV: 'test' }), { allowSandbox: false, logger })).rejects.toThrow(
      ConfigError,
    );
    await expect(
      buildIdentity({ ...parseEnv({}), APP_ENV: 'production' }, { allowSandbox: true, logger }),
    ).rejects.toThrow(ConfigError);
  });

  it('keeps the sandbox on loopback', async () => {
    await expect(buildNodeDeps(parseEnv({ HOST: '0.0.0.0' }))).rejects.toThrow(/loopback only/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../../server/adapters/logger/json-logger';
import { createSandboxWhop } from '../../../server/adapters/whop/sandbox-whop';
import { createWhopRestApi } from '../../../server/adapters/whop/whop-rest-api';
import { parseEnv } from '../../../server/env';
import { buildIdentity } from '../../../server/identity-deps';
import type { Db } from '../../../server/ports/db';
import { SandboxTokenResponse } from '../../../shared/schemas/sandbox';
import { COMPANY_HEADER, EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, world } from '../../support/whop-world';

/**
 * The test Whop and the local sandbox must be as strict as real Whop: a student
 * is `customer` of the company as well as of its experience. A world that
 * answers `no_access` on the company lets a dashboard check weakened to "not
 * no_access" pass every security case.
 */
installWhopWorld();

describe('the test Whop answers access levels as real Whop does', () => {
  // Built per test: the adapter takes `fetch` when it is created, and msw patches it in beforeAll.
  const api = () => createWhopRestApi({ apiKey: 'whop_test_key_123', retry: { sleep: async () => {} } });

  it.each([
    ['a student on their company', world.A.student, world.A.companyId, 'customer'],
    ['a student on their experience', world.A.student, world.A.experienceId, 'customer'],
    ['an admin on their company', world.A.admin, world.A.companyId, 'admin'],
    ['an admin on their experience', world.A.admin, world.A.experienceId, 'admin'],
    ["a student on another creator's company", world.A.student, world.B.companyId, 'no_access'],
    ["an admin on another creator's experience", world.A.admin, world.B.experienceId, 'no_access'],
  ])('%s', async (_label, userId, resourceId, level) => {
    expect(await api().checkAccess(userId, resourceId)).toBe(level);
  });
});

describe('the local sandbox answers access levels as real Whop does', () => {
  it.each([
    ['user_samstudent', 'biz_crumbdemo', 'customer'],
    ['user_samstudent', 'exp_sourdough', 'customer'],
    ['user_priyastudent', 'biz_crumbdemo', 'customer'],
    ['user_mayacreator', 'biz_crumbdemo', 'admin'],
    ['user_mayacreator', 'exp_sourdough', 'admin'],
    ['user_jordancreator', 'biz_crumbdemo', 'no_access'],
    ['user_jordancreator', 'exp_sourdough', 'no_access'],
    ['user_samstudent', 'biz_peakdemo', 'no_access'],
  ])('%s on %s is %s', async (userId, resourceId, level) => {
    const sandbox = await createSandboxWhop();
    expect(await sandbox.api.checkAccess(userId, resourceId)).toBe(level);
  });

  describe('through the app', () => {
    let db: Db;
    beforeAll(async () => {
      db = await createTestDb();
    });
    afterAll(() => db.close());

    it('lets a sandbox student into the course but not into the dashboard of the same company', async () => {
      const identity = await buildIdentity(parseEnv({}), {
        allowSandbox: true,
        logger: createJsonLogger({ level: 'silent' }),
      });
      const { app } = await createTestApp(db, { identity });
      const minted = await app.request('/api/sandbox/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: 'user_samstudent' }),
      });
      const { token } = SandboxTokenResponse.parse(await minted.json());
      const course = await app.request('/api/viewer', {
        headers: { [USER_TOKEN_HEADER]: token, [EXPERIENCE_HEADER]: 'exp_sourdough' },
      });
      expect(course.status).toBe(200);
      const dashboard = await app.request('/api/viewer', {
        headers: { [USER_TOKEN_HEADER]: token, [COMPANY_HEADER]: 'biz_crumbdemo' },
      });
      expect(dashboard.status).toBe(403);
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../../server/adapters/logger/json-logger';
import { parseEnv } from '../../../server/env';
import { buildIdentity } from '../../../server/identity-deps';
import type { Db } from '../../../server/ports/db';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';

/**
 * Red-team findings: a page on another local origin cancelled the sandbox plan with a
 * text/plain POST (no CORS preflight), and a DNS-rebinding host could mint tokens.
 */
const PORT = 8787;
let db: Db;
let app: Awaited<ReturnType<typeof createTestApp>>['app'];
beforeAll(async () => {
  db = await createTestDb();
  const identity = await buildIdentity(parseEnv({}), {
    allowSandbox: true,
    logger: createJsonLogger({ level: 'silent' }),
  });
  ({ app } = await createTestApp(db, {
    identity,
    webhookSecret: identity.sandbox!.webhookSecret,
    http: { listenPort: () => PORT },
  }));
});
afterAll(() => db.close());

const mint = (
  host: string,
  headers: Record<string, string> = {},
  body = JSON.stringify({ userId: 'user_samstudent' }),
) =>
  app.request(`http://${host}/api/sandbox/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

async function expectRefused(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = ErrorBody.parse(await res.json());
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toMatch(/token|jwt|key/i);
}

describe('sandbox routes: only this machine’s own pages', () => {
  it.each(['127.0.0.1', 'localhost', '[::1]'])('answer a loopback Host on our port (%s)', async (name) => {
    expect((await app.request(`http://${name}:${PORT}/api/sandbox`)).status).toBe(200);
    const res = await mint(`${name}:${PORT}`, { origin: `http://${name}:${PORT}` });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ token: expect.any(String) });
  });

  it.each([
    ['a DNS-rebinding name', `rebind.attacker.example:${PORT}`],
    ['a LAN address', `192.168.1.20:${PORT}`],
    ['loopback on another port', '127.0.0.1:3000'],
    ['loopback without our port', '127.0.0.1'],
    ['a name that only starts like localhost', `localhost.attacker.example:${PORT}`],
  ])('refuse %s as Host (403)', async (_label, host) => {
    await expectRefused(await mint(host), 403, 'FORBIDDEN');
    await expectRefused(await app.request(`http://${host}/api/sandbox`), 403, 'FORBIDDEN');
  });

  it.each([
    ['another local origin', 'http://localhost:3000'],
    ['the same port under another loopback name', `http://localhost:${PORT}`],
    ['an opaque origin (sandboxed iframe, file:)', 'null'],
    ['a public site', 'https://attacker.example'],
  ])('refuse a request whose Origin is %s (403)', async (_label, origin) => {
    await expectRefused(await mint(`127.0.0.1:${PORT}`, { origin }), 403, 'FORBIDDEN');
  });

  it('refuse a cross-site plan cancellation sent as a simple request (415), and leave the plan alone', async () => {
    for (const type of [
      'text/plain',
      'text/plain; charset=application/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await app.request(`http://127.0.0.1:${PORT}/api/sandbox/plan/cancel`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: JSON.stringify({ companyId: 'biz_crumbdemo' }),
      });
      await expectRefused(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    await expectRefused(
      await mint(`127.0.0.1:${PORT}`, { 'content-type': 'text/plain;application/json' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('accept application/json with parameters', async () => {
    const res = await mint(`127.0.0.1:${PORT}`, { 'content-type': 'application/json; charset=utf-8' });
    expect(res.status).toBe(200);
  });

  it('do not touch the other routes (Whop’s webhook keeps its own checks)', async () => {
    const res = await app.request('http://rebind.attacker.example/api/health');
    expect(res.status).toBe(200);
  });
});

describe('without a configured port (tests’ app.request)', () => {
  it('takes the default http port, so a Host without one is ours and any other port is not', async () => {
    const identity = await buildIdentity(parseEnv({}), {
      allowSandbox: true,
      logger: createJsonLogger({ level: 'silent' }),
    });
    const plain = (await createTestApp(db, { identity })).app;
    expect((await plain.request('/api/sandbox')).status).toBe(200);
    expect((await plain.request('http://localhost:8787/api/sandbox')).status).toBe(403);
  });
});

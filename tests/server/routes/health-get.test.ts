import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMigrationFiles } from '../../../server/adapters/db/migration-files';
import { openPgliteDb } from '../../../server/adapters/db/pglite-db';
import type { Db } from '../../../server/ports/db';
import { ErrorBody } from '../../../shared/schemas/error-body';
import { HealthResponse } from '../../../shared/schemas/health';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe('GET /api/health', () => {
  it('reports a reachable, migrated database and the active providers', async () => {
    const { app } = await createTestApp(db);
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    const body = HealthResponse.parse(await res.json());
    expect(body.status).toBe('ok');
    const files = await readMigrationFiles();
    const newest = files.at(-1)!;
    expect(body.database).toMatchObject({ reachable: true, driver: 'pglite', appliedMigrations: files.length });
    expect(body.database.migration).toBe(`${newest.version}_${newest.name}`);
    expect(body.providers.answerer).toEqual({ name: 'offline-extractive', mode: 'offline' });
    expect(body.providers.whop).toEqual({ name: 'sandbox', mode: 'offline' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('names real providers without revealing their keys', async () => {
    const { parseEnv } = await import('../../../server/env');
    const { describeProviders } = await import('../../../server/provider-status');
    const secret = 'sk-ant-very-secret-key-123';
    const env = parseEnv({ ANTHROPIC_API_KEY: secret, OPENAI_API_KEY: 'sk-openai-secret-456' });
    const { app } = await createTestApp(db, { providers: describeProviders(env, 'node') });
    const text = await (await app.request('/api/health')).text();
    expect(text).toContain('anthropic:');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('sk-openai');
  });

  it('answers 503 degraded when the database is gone', async () => {
    const gone = await openPgliteDb();
    await gone.close();
    const { app } = await createTestApp(gone);
    const res = await app.request('/api/health');
    expect(res.status).toBe(503);
    const body = HealthResponse.parse(await res.json());
    expect(body).toMatchObject({ status: 'degraded', database: { reachable: false, migration: null } });
  });

  it('answers 503 when no migration has been applied', async () => {
    const empty = await openPgliteDb();
    const { app } = await createTestApp(empty);
    const res = await app.request('/api/health');
    expect(res.status).toBe(503);
    expect(HealthResponse.parse(await res.json()).database.reachable).toBe(false);
    await empty.close();
  });
});

describe('request ids and errors', () => {
  it('gives every response a request id and logs it on every line', async () => {
    const { app, log } = await createTestApp(db);
    const res = await app.request('/api/health');
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const lines = log.lines.filter((l) => l['requestId'] === id);
    expect(lines.map((l) => l['msg'])).toContain('request');
    expect(lines.every((l) => typeof l['time'] === 'string' && typeof l['level'] === 'string')).toBe(true);
  });

  it('keeps a sane inbound request id and replaces a hostile one', async () => {
    const { app } = await createTestApp(db);
    const kept = await app.request('/api/health', { headers: { 'x-request-id': 'trace-abc-123456' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-abc-123456');
    const replaced = await app.request('/api/health', { headers: { 'x-request-id': '<script>alert(1)</script>' } });
    expect(replaced.headers.get('x-request-id')).not.toContain('<');
  });

  it('answers unknown API routes with the shared error body', async () => {
    const { app } = await createTestApp(db);
    const res = await app.request('/api/nope', { method: 'POST' });
    expect(res.status).toBe(404);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('lets Whop frame the app and forbids nobody with X-Frame-Options', async () => {
    const { app } = await createTestApp(db);
    const res = await app.request('/api/health');
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect(res.headers.get('content-security-policy')).toContain('https://*.whop.com');
    expect(res.headers.get('x-frame-options')).toBeNull();
  });
});

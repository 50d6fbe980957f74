import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../../server/adapters/logger/json-logger';
import { parseEnv } from '../../../server/env';
import { buildIdentity } from '../../../server/identity-deps';
import type { Db } from '../../../server/ports/db';
import { COMPANY_HEADER, EXPERIENCE_HEADER, USER_TOKEN_HEADER } from '../../../shared/whop-context';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, signUserToken, world } from '../../support/whop-world';

/**
 * Walks every API route the app registers and checks `cache-control: private, no-store`
 * on its answer to a signed-in viewer of the right view. A route added later fails here
 * until it is given a view below (or is listed as keeping its own caching, with why).
 */
type View = 'experience' | 'dashboard' | 'none';
const views: Record<string, View> = {
  'GET /api/viewer': 'experience',
  'POST /api/webhooks/whop': 'none', // Whop's signature is its authentication
  'GET /api/usage': 'experience',
  'POST /api/upgrade-requests': 'experience',
  'POST /api/chat': 'experience',
  'GET /api/chat/sessions': 'experience',
  'GET /api/chat/sessions/:id': 'experience',
  'DELETE /api/chat/sessions/:id': 'experience',
  'POST /api/chat/messages/:id/feedback': 'experience',
  'GET /api/chat/starters': 'experience',
  'GET /api/dashboard/questions': 'dashboard',
  'GET /api/dashboard/plan': 'dashboard',
  'POST /api/dashboard/checkout': 'dashboard',
  'GET /api/videos': 'dashboard',
  'POST /api/videos/captions': 'dashboard',
  'POST /api/videos': 'dashboard',
  'GET /api/videos/:id': 'dashboard',
  'GET /api/videos/:id/playback': 'dashboard',
  'GET /api/videos/:id/citation-heat': 'dashboard',
  'POST /api/videos/:id/complete': 'dashboard',
  'POST /api/videos/:id/retry': 'dashboard',
  'POST /api/videos/:id/reprocess': 'dashboard',
  'PATCH /api/videos/:id': 'dashboard',
  'DELETE /api/videos/:id': 'dashboard',
  'GET /api/dashboard/costs': 'dashboard',
  'GET /api/whop-import/courses': 'dashboard',
  'POST /api/whop-import': 'dashboard',
  'GET /api/sandbox': 'none',
  'POST /api/sandbox/token': 'none',
  'POST /api/sandbox/checkout/complete': 'none',
  'POST /api/sandbox/plan/cancel': 'none',
  // Sign in with Whop: redirects and session answers are per browser, never for a shared cache.
  'GET /api/auth/login': 'none',
  'GET /api/auth/callback': 'none',
  'GET /api/auth/session': 'none',
  'POST /api/auth/logout': 'none',
  // Public plans and prices: not one viewer's, but nothing a shared cache needs either.
  'GET /api/plans': 'none',
  'GET /api/lessons': 'experience',
  'GET /api/lessons/search': 'experience',
  'GET /api/lessons/:id': 'experience',
  'GET /api/course/outline': 'dashboard',
  'PUT /api/course/outline': 'dashboard',
  'POST /api/course/modules': 'dashboard',
  'PATCH /api/course/modules/:id': 'dashboard',
  'DELETE /api/course/modules/:id': 'dashboard',
  'GET /api/dashboard/notes': 'dashboard',
  'POST /api/dashboard/notes': 'dashboard',
  'PATCH /api/dashboard/notes/:id': 'dashboard',
  'DELETE /api/dashboard/notes/:id': 'dashboard',
  'GET /api/dashboard/notification-settings': 'dashboard',
  'PUT /api/dashboard/notification-settings': 'dashboard',
  'GET /api/dashboard/assistant-settings': 'dashboard',
  'PUT /api/dashboard/assistant-settings': 'dashboard',
  'GET /api/sandbox/notifications': 'none',
  'POST /api/dashboard/test-bench': 'dashboard',
  'GET /api/dashboard/questions/export': 'dashboard',
  'GET /api/dashboard/insights/gaps': 'dashboard',
  'GET /api/dashboard/insights/activity': 'dashboard',
};
/** Public, or caching decided by something other than a viewer (see server/http/private-no-store.ts). */
const ownCaching = [
  'GET /api/health',
  'PUT /api/local-blobs/:token',
  'GET /api/local-blobs/:token',
  'HEAD /api/local-blobs/:token',
];

installWhopWorld();
let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

type App = Awaited<ReturnType<typeof createTestApp>>['app'];

function apiRoutes(app: App): string[] {
  const routes = app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
    .map((r) => `${r.method} ${r.path}`);
  return [...new Set(routes)];
}

interface Community {
  student: string;
  admin: string;
  experienceId: string;
  companyId: string;
}

async function headersFor(
  view: View,
  token: (userId: string) => Promise<string>,
  people: Community,
): Promise<Record<string, string>> {
  if (view === 'experience')
    return { [USER_TOKEN_HEADER]: await token(people.student), [EXPERIENCE_HEADER]: people.experienceId };
  if (view === 'dashboard')
    return { [USER_TOKEN_HEADER]: await token(people.admin), [COMPANY_HEADER]: people.companyId };
  return {};
}

async function walk(app: App, token: (userId: string) => Promise<string>, people: Community = world.A) {
  const checked: string[] = [];
  for (const route of apiRoutes(app)) {
    if (ownCaching.includes(route)) continue;
    const view = views[route];
    expect(view, `${route}: which view is it? Add it to the table`).toBeDefined();
    const [method, pattern] = route.split(' ') as [string, string];
    const path = pattern.replace(':id', '00000000-0000-4000-8000-000000000000');
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...(await headersFor(view!, token, people)),
    };
    const res = await app.request(path, {
      method,
      headers,
      ...(method === 'GET' || method === 'HEAD' ? {} : { body: '{}' }),
    });
    await res.body?.cancel();
    if (view !== 'none') expect([401, 403], `${route} did not accept its viewer`).not.toContain(res.status);
    expect(res.headers.get('cache-control'), `${route} → ${res.status}`).toBe('private, no-store');
    checked.push(route);
  }
  return checked;
}

describe('cache-control on every private API route', () => {
  it('is private, no-store on every route, for the viewer’s own answer and its errors alike', async () => {
    const { app } = await createTestApp(db);
    const checked = await walk(app, (userId) => signUserToken(userId));
    expect(checked.length).toBeGreaterThanOrEqual(22);
  });

  it('covers the sandbox routes too (sandbox mode)', async () => {
    const identity = await buildIdentity(parseEnv({}), {
      allowSandbox: true,
      logger: createJsonLogger({ level: 'silent' }),
    });
    const { app } = await createTestApp(db, { identity, webhookSecret: identity.sandbox!.webhookSecret });
    const mint = async (userId: string) => (await identity.sandbox!.mintToken(userId))!.token;
    const community = {
      student: 'user_samstudent',
      admin: 'user_mayacreator',
      experienceId: 'exp_sourdough',
      companyId: 'biz_crumbdemo',
    };
    const checked = await walk(app, mint, community);
    expect(checked).toEqual(expect.arrayContaining(['POST /api/sandbox/token', 'POST /api/sandbox/plan/cancel']));
  });

  it('leaves the public health check and signed file URLs their own caching', async () => {
    const { app } = await createTestApp(db);
    expect((await app.request('/api/health')).headers.get('cache-control')).toBe('no-store');
  });
});

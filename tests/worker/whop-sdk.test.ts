import { describe, expect, it } from 'vitest';
import { createWhopRestApi } from '../../server/adapters/whop/whop-rest-api';

/**
 * `@whop/sdk` inside workerd (the production runtime), behind our adapter: it builds
 * without reading process.env, sends Whop's wire format through the fetch it is given,
 * and maps Whop's answers. A stand-in fetch plays Whop: the suite runs offline.
 */
describe('@whop/sdk on workerd', () => {
  it('checks access and sends a notification through the SDK adapter', async () => {
    const seen: { method: string; url: string; body: unknown; auth: string | null }[] = [];
    const whopFetch: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const body = request.method === 'POST' ? await request.json() : null;
      seen.push({ method: request.method, url: request.url, body, auth: request.headers.get('authorization') });
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/users/user_a/access/exp_a')
        return Response.json({ has_access: true, access_level: 'customer' });
      if (url.pathname === '/api/v1/notifications') return Response.json({ success: true });
      return Response.json({ error: { message: 'Not found' } }, { status: 404 });
    };
    const api = createWhopRestApi({ apiKey: 'whop_worker_key', fetch: whopFetch, retry: { sleep: async () => {} } });
    expect(await api.checkAccess('user_a', 'exp_a')).toBe('customer');
    expect(await api.getExperience('exp_missing')).toBeNull();
    await api.sendNotification({
      audience: { kind: 'experience', experienceId: 'exp_a' },
      title: 'New lesson',
      content: 'Ready',
    });
    expect(seen.map((s) => `${s.method} ${new URL(s.url).pathname}`)).toEqual([
      'GET /api/v1/users/user_a/access/exp_a',
      'GET /api/v1/experiences/exp_missing',
      'POST /api/v1/notifications',
    ]);
    expect(seen[2]?.body).toEqual({ experience_id: 'exp_a', title: 'New lesson', content: 'Ready' });
    expect(seen.every((s) => s.auth === 'Bearer whop_worker_key')).toBe(true);
  });
});

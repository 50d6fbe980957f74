import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createWhopRestApi } from '../../../../server/adapters/whop/whop-rest-api';
import { WhopUnavailableError } from '../../../../server/ports/whop';
import { installWhopWorld, WHOP_API, whopNotificationsSent, whopServer, world } from '../../../support/whop-world';

installWhopWorld();
const sleeps: number[] = [];
const api = (timeoutMs = 5000) =>
  createWhopRestApi({ apiKey: 'whop_key_abcdef', timeoutMs, retry: { sleep: async (ms) => void sleeps.push(ms) } });

describe('Whop REST adapter', () => {
  it('reads experiences, companies, users and access in Whop API v1 shapes', async () => {
    expect(await api().getExperience(world.A.experienceId)).toEqual({
      id: world.A.experienceId,
      name: `Course of ${world.A.companyId}`,
      companyId: world.A.companyId,
      companyName: `Company ${world.A.companyId}`,
    });
    expect(await api().getCompany(world.B.companyId)).toEqual({
      id: world.B.companyId,
      name: `Company ${world.B.companyId}`,
    });
    expect(await api().checkAccess(world.A.student, world.A.experienceId)).toBe('customer');
    expect(await api().checkAccess(world.A.student, world.B.experienceId)).toBe('no_access');
    expect(await api().getExperience('exp_missing')).toBeNull();
  });

  it('sends the API key as a bearer token', async () => {
    let auth: string | null = null;
    whopServer.use(
      http.get(`${WHOP_API}/companies/:id`, ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json({ id: 'biz_x', title: 'X' });
      }),
    );
    await api().getCompany('biz_x');
    expect(auth).toBe('Bearer whop_key_abcdef');
  });

  it('retries 429 and 5xx with backoff, honouring Retry-After', async () => {
    sleeps.length = 0;
    const statuses = [429, 503, 200];
    whopServer.use(
      http.get(`${WHOP_API}/users/:id/access/:resource`, () => {
        const status = statuses.shift()!;
        if (status === 200) return HttpResponse.json({ has_access: true, access_level: 'admin' });
        return HttpResponse.json({}, { status, headers: status === 429 ? { 'retry-after': '7' } : {} });
      }),
    );
    expect(await api().checkAccess('user_a', 'biz_a')).toBe('admin');
    expect(sleeps[0]).toBe(7000);
    expect(sleeps[1]).toBeGreaterThanOrEqual(1500);
    expect(sleeps[1]).toBeLessThanOrEqual(2500);
  });

  it('gives up after three retries with a WhopUnavailableError', async () => {
    let calls = 0;
    whopServer.use(http.get(`${WHOP_API}/experiences/:id`, () => (calls++, HttpResponse.json({}, { status: 500 }))));
    await expect(api().getExperience('exp_a')).rejects.toBeInstanceOf(WhopUnavailableError);
    expect(calls).toBe(4);
  });

  it('does not retry a refused key, and reports it without the key', async () => {
    let calls = 0;
    whopServer.use(http.get(`${WHOP_API}/companies/:id`, () => (calls++, HttpResponse.json({}, { status: 401 }))));
    const err = await api()
      .getCompany('biz_a')
      .catch((e: Error) => e);
    expect(err).toBeInstanceOf(WhopUnavailableError);
    expect(String(err)).not.toContain('whop_key_abcdef');
    expect(calls).toBe(1);
  });

  it('times out a hanging Whop and treats it as unavailable', async () => {
    whopServer.use(http.get(`${WHOP_API}/companies/:id`, async () => (await delay('infinite'), HttpResponse.json({}))));
    await expect(api(50).getCompany('biz_a')).rejects.toBeInstanceOf(WhopUnavailableError);
  });

  it('rejects an unexpected body instead of guessing', async () => {
    whopServer.use(
      http.get(`${WHOP_API}/users/:id/access/:resource`, () => HttpResponse.json({ access_level: 'owner' })),
    );
    await expect(api().checkAccess('user_a', 'biz_a')).rejects.toBeInstanceOf(WhopUnavailableError);
  });

  it('sends notifications to POST /notifications in Whop’s wire format (company or experience, never both)', async () => {
    await api().sendNotification({
      audience: { kind: 'company', companyId: world.A.companyId },
      title: 'T',
      content: 'C',
      subtitle: 'S',
      restPath: '/usage',
    });
    await api().sendNotification({
      audience: { kind: 'experience', experienceId: world.B.experienceId },
      title: 'T2',
      content: 'C2',
    });
    expect(whopNotificationsSent).toEqual([
      { company_id: world.A.companyId, title: 'T', content: 'C', subtitle: 'S', rest_path: '/usage' },
      { experience_id: world.B.experienceId, title: 'T2', content: 'C2' },
    ]);
  });

  it('treats a notification Whop did not queue, or refused, as unavailable without retrying a 4xx', async () => {
    let calls = 0;
    whopServer.use(http.post(`${WHOP_API}/notifications`, () => (calls++, HttpResponse.json({ success: false }))));
    const audience = { kind: 'company', companyId: world.A.companyId } as const;
    await expect(api().sendNotification({ audience, title: 'T', content: 'C' })).rejects.toBeInstanceOf(
      WhopUnavailableError,
    );
    whopServer.use(
      http.post(`${WHOP_API}/notifications`, () => (calls++, HttpResponse.json({ error: {} }, { status: 403 }))),
    );
    await expect(api().sendNotification({ audience, title: 'T', content: 'C' })).rejects.toBeInstanceOf(
      WhopUnavailableError,
    );
    expect(calls).toBe(2);
  });

  it('retries a notification once only: the student who caused it is waiting', async () => {
    let calls = 0;
    whopServer.use(http.post(`${WHOP_API}/notifications`, () => (calls++, HttpResponse.json({}, { status: 503 }))));
    const audience = { kind: 'company', companyId: world.A.companyId } as const;
    await expect(api().sendNotification({ audience, title: 'T', content: 'C' })).rejects.toBeInstanceOf(
      WhopUnavailableError,
    );
    expect(calls).toBe(2);
  });
});

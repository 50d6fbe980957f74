import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SandboxView } from '../../../embed/views/sandbox/sandbox-view';
import { errorBody, stubApi } from '../support/fetch-stub';
import { render } from '../support/render';
import { sandboxInfo } from '../support/sandbox-fixture';

const tokenFor = (userId: string) => ({ token: `hdr.${userId}.sig`, expiresAt: '2026-11-24T11:00:00.000Z' });

/** Answers `POST /api/sandbox/token` with a token that names the person it was minted for. */
function stubSandbox() {
  const stub = stubApi({ 'GET /api/sandbox': { body: sandboxInfo() } });
  stub.fetchMock.mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    stub.calls.push({ url, method: init?.method ?? 'GET', headers: new Headers(init?.headers), init });
    if (url === '/api/sandbox/token' && init?.method === 'POST') {
      const { userId } = JSON.parse(String(init.body)) as { userId: string };
      return Response.json(tokenFor(userId));
    }
    if (url === '/api/sandbox') return Response.json(sandboxInfo());
    if (url === '/api/sandbox/notifications') return Response.json({ notifications: [] });
    return Response.json(errorBody('NOT_FOUND', 'nope', 'req_x'), { status: 404 });
  });
  return {
    ...stub,
    mints: () =>
      stub.calls.filter((call) => call.url === '/api/sandbox/token').map((call) => JSON.parse(String(call.init?.body))),
  };
}

function openSandbox(search = '') {
  window.history.replaceState(null, '', `/sandbox${search}`);
  return render(<SandboxView />);
}

function frame(title: string) {
  return screen.getByTitle(title) as HTMLIFrameElement;
}

// happy-dom logs "Iframe page loading is disabled" for every frame (it never loads them);
// the frames' src is what these tests check.

describe('SandboxView', () => {
  it('lists the demo people with their access level, in a Whop-like shell with the sandbox banner', async () => {
    stubSandbox();
    openSandbox();

    const group = await screen.findByRole('group', { name: 'Signed in as' });
    const radios = within(group).getAllByRole('radio');
    expect(
      radios.map(
        (radio) =>
          radio.getAttribute('aria-labelledby') &&
          radio.closest('label')?.querySelector('.persona__title')?.textContent,
      ),
    ).toEqual(['Sam StudentCustomer', 'Cleo CreatorAdmin', 'Vic VisitorNo access']);
    expect(screen.getByRole('radio', { name: 'Cleo Creator Admin' })).toBeTruthy();
    expect(screen.getByText('Owns the community; manages Chronos.')).toBeTruthy();
    expect(screen.getByText('Demo Bakery')).toBeTruthy();
    expect(
      screen.getByText(
        'Local Whop sandbox — tokens are signed by a development key this server trusts only in sandbox mode.',
      ),
    ).toBeTruthy();
    await screen.findByTitle('Community app (experience view)');
  });

  it('opens as the first admin by default, and both frames carry their token in the fragment', async () => {
    const { mints } = stubSandbox();
    openSandbox();

    await screen.findByTitle('Community app (experience view)');
    expect((screen.getByRole('radio', { name: 'Cleo Creator Admin' }) as HTMLInputElement).checked).toBe(true);
    expect(mints()).toEqual([{ userId: 'user_creator' }]);
    expect(frame('Community app (experience view)').getAttribute('src')).toBe(
      '/experiences/exp_demo#whop-sandbox-token=hdr.user_creator.sig',
    );
    expect(frame('Seller dashboard (dashboard view)').getAttribute('src')).toBe(
      '/dashboard/biz_demo#whop-sandbox-token=hdr.user_creator.sig',
    );
  });

  it('preselects ?persona=', async () => {
    const { mints } = stubSandbox();
    openSandbox('?persona=user_student');

    await screen.findByTitle('Community app (experience view)');
    expect((screen.getByRole('radio', { name: 'Sam Student Customer' }) as HTMLInputElement).checked).toBe(true);
    expect(mints()).toEqual([{ userId: 'user_student' }]);
    expect(frame('Seller dashboard (dashboard view)').getAttribute('src')).toBe(
      '/dashboard/biz_demo#whop-sandbox-token=hdr.user_student.sig',
    );
  });

  it('picking someone mints their token, reloads both frames and remembers the choice in the address', async () => {
    const { mints } = stubSandbox();
    openSandbox('?theme=dark');
    const before = await screen.findByTitle('Community app (experience view)');

    fireEvent.click(screen.getByRole('radio', { name: 'Vic Visitor No access' }));

    await vi.waitFor(() =>
      expect(frame('Community app (experience view)').getAttribute('src')).toContain('hdr.user_visitor.sig'),
    );
    expect(frame('Community app (experience view)')).not.toBe(before);
    expect(frame('Seller dashboard (dashboard view)').getAttribute('src')).toBe(
      '/dashboard/biz_demo#whop-sandbox-token=hdr.user_visitor.sig',
    );
    expect(mints()).toEqual([{ userId: 'user_creator' }, { userId: 'user_visitor' }]);
    expect(window.location.search).toBe('?theme=dark&persona=user_visitor');
    expect((screen.getByRole('radio', { name: 'Vic Visitor No access' }) as HTMLInputElement).checked).toBe(true);
  });

  it('"Sign in again" mints a fresh token and reloads the frames', async () => {
    const { mints } = stubSandbox();
    openSandbox();
    const before = await screen.findByTitle('Seller dashboard (dashboard view)');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    await vi.waitFor(() => expect(mints()).toHaveLength(2));
    // The query's notifications reach React a tick after the request: wait for the new frame.
    await vi.waitFor(() => expect(screen.getByTitle('Seller dashboard (dashboard view)')).not.toBe(before));
  });

  it('switches frames with tabs on narrow screens', async () => {
    stubSandbox();
    openSandbox();
    await screen.findByTitle('Community app (experience view)');

    const panel = (title: string) => frame(title).closest('[role="tabpanel"]');
    expect(screen.getByRole('tab', { name: 'Community app' }).getAttribute('aria-selected')).toBe('true');
    expect(panel('Seller dashboard (dashboard view)')?.className).toContain('sandbox-frame--inactive');

    fireEvent.click(screen.getByRole('tab', { name: 'Seller dashboard' }));
    expect(panel('Seller dashboard (dashboard view)')?.className).not.toContain('sandbox-frame--inactive');
    expect(panel('Community app (experience view)')?.className).toContain('sandbox-frame--inactive');

    fireEvent.keyDown(screen.getByRole('tab', { name: 'Seller dashboard' }), { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { name: 'Community app' }).getAttribute('aria-selected')).toBe('true');
  });

  it('says the sandbox is off when the server has real Whop keys (404)', async () => {
    const { calls } = stubApi({
      'GET /api/sandbox': { status: 404, body: errorBody('NOT_FOUND', 'Not found', 'req_404') },
    });
    openSandbox();
    expect(await screen.findByRole('heading', { name: 'The local Whop sandbox is off' })).toBeTruthy();
    expect(screen.getByText(/real Whop keys configured/)).toBeTruthy();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(calls.some((call) => call.url === '/api/sandbox/token')).toBe(false);
  });

  it('shows a failed sign-in with a retry', async () => {
    stubApi({
      'GET /api/sandbox': { body: sandboxInfo() },
      'GET /api/sandbox/notifications': { body: { notifications: [] } },
      'POST /api/sandbox/token': [
        { status: 500, body: errorBody('INTERNAL', 'Signing failed', 'req_mint') },
        { body: tokenFor('user_creator') },
      ],
    });
    openSandbox();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not sign in as Cleo Creator')).toBeTruthy();
    expect(within(alert).getByText('req_mint')).toBeTruthy();
    await act(async () => fireEvent.click(within(alert).getByRole('button', { name: 'Retry' })));
    expect((await screen.findByTitle('Community app (experience view)')).getAttribute('src')).toContain(
      'hdr.user_creator.sig',
    );
  });
});

describe('Sandbox page: notifications sent through Whop', () => {
  it('lists what was sent, to whom, with the path a tap opens', async () => {
    stubApi({
      'GET /api/sandbox': { body: sandboxInfo() },
      'POST /api/sandbox/token': { body: tokenFor('user_creator') },
      'GET /api/sandbox/notifications': {
        body: {
          notifications: [
            {
              at: '2026-12-02T10:00:00.000Z',
              audience: { kind: 'company', companyId: 'biz_crumbdemo' },
              title: 'A student asked you to upgrade Chronos',
              subtitle: null,
              content: 'They reached your plan’s question limit.',
              deepLink: '/dashboard/biz_crumbdemo/usage',
            },
          ],
        },
      },
    });
    openSandbox();
    const panel = await screen.findByRole('region', { name: 'Notifications sent through Whop' });
    expect(await within(panel).findByText('A student asked you to upgrade Chronos')).toBeTruthy();
    expect(within(panel).getByText(/Team of biz_crumbdemo/)).toBeTruthy();
    expect(within(panel).getByRole('link', { name: 'Opens /dashboard/biz_crumbdemo/usage' }).getAttribute('href')).toBe(
      '/dashboard/biz_crumbdemo/usage',
    );
  });
});

import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { SignInWithWhop } from '../../../../embed/features/signin/components/sign-in-with-whop';
import { SignOutButton } from '../../../../embed/features/signin/components/sign-out-button';
import { applyAuthSession, installWhopSession, signInHref } from '../../../../embed/features/signin/session-store';
import { apiRequest, setSessionCsrfToken } from '../../../../embed/lib/api-client';
import { canSignInWithWhop } from '../../../../embed/lib/framing';
import { StudentChatView } from '../../../../embed/views/student-chat/student-chat-view';
import { CSRF_HEADER } from '../../../../shared/schemas/auth';
import { errorBody, stubApi } from '../../support/fetch-stub';
import { frameWindowAs, restoreParentAfterEach } from '../../support/framing';
import { render } from '../../support/render';

restoreParentAfterEach();
afterEach(() => applyAuthSession(null));

const signedOut = { body: { signedIn: false, available: true } };
const signedIn = {
  body: { signedIn: true, available: true, userId: 'user_sam', csrfToken: 'csrf-token-of-this-session' },
};

describe('Sign in with Whop in the embed', () => {
  it('is offered only top level: never in a frame (the sandbox, or Whop itself)', () => {
    expect(canSignInWithWhop(window)).toBe(true);
    for (const kind of ['same-origin', 'cross-origin', 'opaque'] as const) {
      frameWindowAs(kind);
      expect(canSignInWithWhop(window), kind).toBe(false);
    }
  });

  it('does not ask the server, and offers nothing, inside a frame', async () => {
    frameWindowAs('cross-origin');
    const { calls } = stubApi({ '/api/auth/session': signedOut });
    await installWhopSession(window);
    render(<SignInWithWhop />);
    expect(calls).toHaveLength(0);
    expect(screen.queryByRole('link', { name: 'Sign in with Whop' })).toBeNull();
  });

  it('offers nothing when the server has no Sign in with Whop', async () => {
    stubApi({ '/api/auth/session': { body: { signedIn: false, available: false } } });
    await installWhopSession(window);
    render(<SignInWithWhop />);
    expect(screen.queryByRole('link', { name: 'Sign in with Whop' })).toBeNull();
  });

  it('shows Sign in with Whop on the 401 screen top level, coming back to this very page', async () => {
    window.history.replaceState(null, '', '/experiences/exp_course42?tab=chat');
    stubApi({
      '/api/auth/session': signedOut,
      '/api/viewer': { status: 401, body: errorBody('UNAUTHENTICATED', 'No Whop user token.', 'req_1') },
      '/api/sandbox': { status: 404, body: errorBody('NOT_FOUND', 'no', 'req_2') },
    });
    await installWhopSession(window);
    render(<StudentChatView experienceId="exp_course42" />);
    const link = await screen.findByRole('link', { name: 'Sign in with Whop' });
    expect(link.getAttribute('href')).toBe(
      `/api/auth/login?next=${encodeURIComponent('/experiences/exp_course42?tab=chat')}`,
    );
    expect(signInHref({ pathname: '/dashboard/biz_x', search: '' })).toBe('/api/auth/login?next=%2Fdashboard%2Fbiz_x');
  });

  it('sends the session’s CSRF token on every request once signed in, and none after sign-out', async () => {
    const { calls } = stubApi({ '/api/auth/session': signedIn, 'POST /api/things': { body: {} } });
    await installWhopSession(window);
    await apiRequest('/api/things', { method: 'POST', body: {}, schema: z.object({}) });
    expect(calls.at(-1)!.headers.get(CSRF_HEADER)).toBe('csrf-token-of-this-session');
    setSessionCsrfToken(null);
    await apiRequest('/api/things', { method: 'POST', body: {}, schema: z.object({}) });
    expect(calls.at(-1)!.headers.has(CSRF_HEADER)).toBe(false);
  });

  it('signs out (this browser or everywhere) with the CSRF header, then reloads the view', async () => {
    const { calls } = stubApi({
      '/api/auth/session': signedIn,
      'POST /api/auth/logout': { body: { signedOut: true, sessionsEnded: 2 } },
    });
    await installWhopSession(window);
    const onSignedOut = vi.fn();
    render(<SignOutButton onSignedOut={onSignedOut} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    await vi.waitFor(() => expect(onSignedOut).toHaveBeenCalled());
    const logout = calls.find((c) => c.url === '/api/auth/logout')!;
    expect(logout.init?.body).toBe('{"everywhere":true}');
    expect(logout.headers.get(CSRF_HEADER)).toBe('csrf-token-of-this-session');
    // Signed out: the control is gone and writes carry no token.
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });

  it('says why when signing out fails, and keeps the controls', async () => {
    stubApi({
      '/api/auth/session': signedIn,
      'POST /api/auth/logout': {
        status: 503,
        body: errorBody('SERVICE_UNAVAILABLE', 'Chronos is restarting.', 'req_3'),
      },
    });
    await installWhopSession(window);
    render(<SignOutButton onSignedOut={() => {}} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sign out' })));
    expect((await screen.findByRole('alert')).textContent).toContain('Chronos is restarting.');
    expect(screen.getByRole('button', { name: 'Sign out' })).toHaveProperty('disabled', false);
  });
});

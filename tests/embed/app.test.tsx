import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../embed/app';
import { errorBody, stubApi } from './support/fetch-stub';
import { offlineHealth } from './support/health-fixture';
import { render } from './support/render';
import { sandboxInfo } from './support/sandbox-fixture';
import { creatorViewer, studentViewer } from './support/viewer-fixture';

const sandboxOff = { status: 404, body: errorBody('NOT_FOUND', 'Not found', 'req_404') };

function renderAt(path: string) {
  window.history.replaceState(null, '', path);
  return render(<App />);
}

describe('App routing', () => {
  it('renders the student view for an experience path, asking about that experience', async () => {
    const { callsTo } = stubApi({ '/api/viewer': { body: studentViewer() }, '/api/health': { body: offlineHealth() } });
    renderAt('/experiences/exp_42');
    expect(await screen.findByRole('heading', { name: 'Ask about the course videos' })).toBeTruthy();
    expect(callsTo('/api/viewer')[0]?.headers.get('x-whop-experience-id')).toBe('exp_42');
  });

  it('renders the creator view for a dashboard path, asking about that company', async () => {
    const { callsTo } = stubApi({
      '/api/viewer': { body: creatorViewer() },
      '/api/health': { body: offlineHealth() },
      '/api/videos': { body: { videos: [] } },
    });
    renderAt('/dashboard/biz_9');
    // Views other than the student's are lazy chunks: they render once their module has loaded.
    expect(await screen.findByRole('heading', { name: 'No videos yet' }, { timeout: 10_000 })).toBeTruthy();
    expect(callsTo('/api/viewer')[0]?.headers.get('x-whop-company-id')).toBe('biz_9');
  });

  it('renders the local Whop sandbox at /sandbox', async () => {
    stubApi({ 'GET /api/sandbox': sandboxOff });
    renderAt('/sandbox');
    expect(await screen.findByRole('heading', { name: 'The local Whop sandbox is off' })).toBeTruthy();
  });

  it('renders the landing and discover pages, and not-found for anything else', async () => {
    const { callsTo } = stubApi({ 'GET /api/sandbox': sandboxOff });
    renderAt('/');
    expect(await screen.findByRole('heading', { name: 'Chronos opens inside Whop' })).toBeTruthy();
    await expect.poll(() => callsTo('/api/sandbox').length).toBe(1);
    act(() => window.history.pushState(null, '', '/somewhere/else'));
    act(() => window.dispatchEvent(new PopStateEvent('popstate')));
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(screen.getByText('/somewhere/else')).toBeTruthy();
  });

  it('navigates with links in place and follows back navigation', async () => {
    stubApi({ 'GET /api/sandbox': sandboxOff });
    renderAt('/');
    fireEvent.click(await screen.findByRole('link', { name: 'Learn what Chronos does' }));
    expect(window.location.pathname).toBe('/discover');
    expect(await screen.findByRole('heading', { name: 'Let students ask your course videos' })).toBeTruthy();

    act(() => window.history.replaceState(null, '', '/'));
    act(() => window.dispatchEvent(new PopStateEvent('popstate')));
    expect(await screen.findByRole('heading', { name: 'Chronos opens inside Whop' })).toBeTruthy();
  });
});

describe('Landing', () => {
  it('links prominently to the local Whop sandbox when the server runs it', async () => {
    stubApi({ 'GET /api/sandbox': { body: sandboxInfo() } });
    renderAt('/');
    const link = await screen.findByRole('link', { name: 'Open the local Whop sandbox' });
    expect(link.getAttribute('href')).toBe('/sandbox');
  });

  it('does not mention the sandbox when the server has real Whop keys', async () => {
    const { callsTo } = stubApi({ 'GET /api/sandbox': sandboxOff });
    renderAt('/');
    await expect.poll(() => callsTo('/api/sandbox').length).toBe(1);
    await act(async () => undefined);
    expect(screen.queryByRole('link', { name: 'Open the local Whop sandbox' })).toBeNull();
  });
});

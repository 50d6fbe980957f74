import type { Page } from 'playwright-core';

/**
 * Everything on a page that a user would count as broken: console errors (with the
 * resource they name), uncaught exceptions, requests that failed, and API errors.
 */
export function watchPageProblems(page: Page): { list(): string[] } {
  // Page events cover every frame of the page, so framed views are watched too.
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    problems.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText;
    // The page cancelled it itself (a component unmounted, a newer request superseded it).
    if (reason === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.method()} ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/') && response.status() >= 400) {
      problems.push(`API error: ${response.request().method()} ${response.url()} → ${response.status()}`);
    }
  });
  return { list: () => [...problems] };
}

/** The headers Whop's iframe needs: CSP frame-ancestors allowing Whop, and no X-Frame-Options. */
export function framingProblems(headers: Record<string, string>): string[] {
  const problems: string[] = [];
  const csp = headers['content-security-policy'] ?? '';
  const ancestors = csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('frame-ancestors'));
  if (!ancestors) problems.push(`no CSP frame-ancestors (content-security-policy: "${csp}")`);
  else if (!/https:\/\/(\*\.)?whop\.com\b/.test(ancestors))
    problems.push(`frame-ancestors does not allow whop.com: "${ancestors}"`);
  if (headers['x-frame-options']) problems.push(`x-frame-options is set: "${headers['x-frame-options']}"`);
  return problems;
}

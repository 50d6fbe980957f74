import type { Frame, Page, Response } from 'playwright-core';
import type { SandboxCommunity, SandboxInfo, SandboxPersona } from '../../../shared/schemas/sandbox';

/**
 * Signed-in views without Whop: the local sandbox signs a token for a demo person, and a
 * same-origin host page frames the view with `#whop-sandbox-token=…`, as /sandbox does
 * (the embed accepts the token only from a same-origin parent). The host page fills the
 * viewport, so the view gets the page's size.
 */
export interface DemoSession {
  community: SandboxCommunity;
  student: { persona: SandboxPersona; token: string };
  creator: { persona: SandboxPersona; token: string };
}

const HOST_PATH = '/__e2e__/host';

export async function signInDemoPeople(baseUrl: string): Promise<DemoSession> {
  const response = await fetch(`${baseUrl}/api/sandbox`);
  if (!response.ok) throw new Error(`GET /api/sandbox answered ${response.status}: is the server in sandbox mode?`);
  const info = (await response.json()) as SandboxInfo;
  const admin = info.personas.find((p) => p.accessLevel === 'admin');
  const community = info.communities.find((c) => c.companyId === admin?.companyId);
  const customer = info.personas.find((p) => p.accessLevel === 'customer' && p.companyId === community?.companyId);
  if (!admin || !community || !customer) throw new Error(`The sandbox lacks an admin and a customer of one community`);
  return {
    community,
    student: { persona: customer, token: await mintToken(baseUrl, customer.id) },
    creator: { persona: admin, token: await mintToken(baseUrl, admin.id) },
  };
}

export async function mintToken(baseUrl: string, userId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/sandbox/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (!response.ok) throw new Error(`POST /api/sandbox/token answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Opens `pathAndQuery` framed by a same-origin host page; returns the view's frame and document response. */
export async function openSignedIn(
  page: Page,
  baseUrl: string,
  pathAndQuery: string,
  token: string,
): Promise<{ frame: Frame; response: Response }> {
  await page.route(`${baseUrl}${HOST_PATH}*`, (route) => {
    const src = new URL(route.request().url()).searchParams.get('src') ?? '';
    return route.fulfill({
      contentType: 'text/html',
      body:
        '<!doctype html><html lang="en"><title>host</title>' +
        '<style>html,body{margin:0;height:100%}iframe{display:block;border:0;width:100%;height:100%}</style>' +
        `<iframe title="Chronos" src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`,
    });
  });
  const path = new URL(pathAndQuery, baseUrl).pathname;
  const documentResponse = page.waitForResponse(
    (r) => r.request().resourceType() === 'document' && new URL(r.url()).pathname === path,
  );
  const src = `${pathAndQuery}#whop-sandbox-token=${encodeURIComponent(token)}`;
  await page.goto(`${baseUrl}${HOST_PATH}?src=${encodeURIComponent(src)}`);
  const response = await documentResponse;
  const frame = await (await page.locator('iframe').elementHandle())?.contentFrame();
  if (!frame) throw new Error('the host page has no frame');
  return { frame, response };
}

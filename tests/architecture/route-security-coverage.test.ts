import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { TrieRouter } from 'hono/router/trie-router';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { bindTables } from '../../server/adapters/db/tables/bind-tables';
import { createSandboxWhop } from '../../server/adapters/whop/sandbox-whop';
import { parseEnv } from '../../server/env';
import type { Db } from '../../server/ports/db';
import { buildSignIn } from '../../server/sign-in-deps';
import { createTestApp } from '../support/test-app';

/**
 * Every route of the app is either exercised by the shared security cases
 * (`describeSecurity(...)` in some test file) or listed below as public with the
 * reason it needs no Whop user. Adding a route without either fails this test.
 *
 * The cases are read from the test files' source (TypeScript AST), not from a
 * registry filled at run time: vitest runs each file in its own module graph, so
 * a registry would only see the file it lives in.
 */
const root = resolve(__dirname, '../..');

/** `METHOD path` as Hono registers it → why it is open without a Whop user token. */
const PUBLIC_ROUTES: Record<string, string> = {
  'GET /api/health': 'liveness and provider labels for monitors; no tenant data',
  'GET /api/plans':
    'the public Discover page: tiers and prices from tier_configurations; no tenant data, no Whop plan ids',
  'POST /api/webhooks/whop': 'called by Whop, not by a user: verified by its Standard Webhooks signature',
  'PUT /api/local-blobs/:token': 'local disk uploads: the path carries a signed, expiring grant for one object',
  'GET /api/local-blobs/:token': 'local disk downloads: the path carries a signed, expiring grant for one object',
  'HEAD /api/local-blobs/:token': 'local disk downloads: the path carries a signed, expiring grant for one object',
  'GET /api/sandbox': 'local sandbox only (never with Whop keys): lists the demo community',
  'POST /api/sandbox/token': 'local sandbox only: mints demo persona tokens signed by the boot key',
  'GET /api/sandbox/notifications': 'local sandbox only: what the demo Whop was asked to send to the demo community',
  'POST /api/sandbox/checkout/complete': 'local sandbox only: plays Whop completing a checkout (a signed webhook)',
  'POST /api/sandbox/plan/cancel': 'local sandbox only: plays Whop cancelling a plan (a signed webhook)',
  'GET /*': 'the embed build (HTML, JS, CSS); /api paths fall through to notFound',
  'GET /api/auth/login':
    'starts Sign in with Whop for someone not signed in yet: redirects to Whop with state, nonce and PKCE',
  'GET /api/auth/callback':
    'Whop sends the browser back here; checked against the sign-in this browser started (tests/server/identity)',
  'GET /api/auth/session':
    'says whether this browser is signed in; answers signedIn: false without a live session cookie',
  'GET /sandbox-oauth/consent.css': 'local sandbox only: the stylesheet of the sandbox’s Whop consent page',
  'GET /sandbox-oauth/oauth/authorize':
    'local sandbox only: plays Whop’s authorize and consent page (loopback Host only)',
  'POST /sandbox-oauth/oauth/authorize':
    'local sandbox only: the consent decision, from the sandbox’s own page only (Origin checked)',
  'POST /sandbox-oauth/oauth/token':
    'local sandbox only: plays Whop’s token endpoint (PKCE, single-use codes, rotating refresh tokens)',
  'GET /sandbox-oauth/oauth/userinfo': 'local sandbox only: plays Whop’s userinfo endpoint for a sandbox access token',
  'POST /sandbox-oauth/oauth/revoke': 'local sandbox only: plays Whop’s revocation endpoint',
};

interface RouteEntry {
  method: string;
  path: string;
}

interface SecurityCase {
  method: string;
  path: string;
  /** file:line of the describeSecurity call. */
  at: string;
}

const key = (r: RouteEntry) => `${r.method} ${r.path}`;

/** The app's endpoints (middleware registered with `use` is not one), each once. */
function endpointsOf(routes: readonly RouteEntry[]): RouteEntry[] {
  const seen = new Map<string, RouteEntry>();
  for (const r of routes)
    if (r.method !== 'ALL' && !seen.has(key(r))) seen.set(key(r), { method: r.method, path: r.path });
  return [...seen.values()];
}

/**
 * The endpoint each case's request reaches, routed by Hono's own router over the
 * app's routes (catch-all routes left out: a case that only reaches the embed
 * fallback covers nothing).
 */
function coveredEndpoints(endpoints: readonly RouteEntry[], cases: readonly SecurityCase[]) {
  const router = new TrieRouter<string>();
  for (const e of endpoints) if (e.path !== '*' && e.path !== '/*') router.add(e.method, e.path, key(e));
  const covered = new Set<string>();
  const unrouted: SecurityCase[] = [];
  for (const c of cases) {
    const [handlers] = router.match(c.method, c.path);
    const first = handlers[0]?.[0];
    if (first) covered.add(first);
    else unrouted.push(c);
  }
  return { covered, unrouted };
}

/** Endpoints with neither security cases nor a public entry, and public entries that name no endpoint. */
function auditRoutes(
  endpoints: readonly RouteEntry[],
  cases: readonly SecurityCase[],
  publicRoutes: Record<string, string>,
) {
  const { covered, unrouted } = coveredEndpoints(endpoints, cases);
  const keys = new Set(endpoints.map(key));
  return {
    uncovered: endpoints.map(key).filter((k) => !covered.has(k) && !(k in publicRoutes)),
    stalePublic: Object.keys(publicRoutes).filter((k) => !keys.has(k)),
    unrouted,
  };
}

// ---- reading describeSecurity(...) calls from the test files ----

class UnreadableCase extends Error {}

/** The string values an expression can take: literals, consts, template literals and `for (const x of [...])` loop variables. */
function valuesOf(node: ts.Expression, scope: ts.SourceFile): string[] {
  if (ts.isAsExpression(node) || ts.isParenthesizedExpression(node) || ts.isSatisfiesExpression(node))
    return valuesOf(node.expression, scope);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) {
    let out = [node.head.text];
    for (const span of node.templateSpans) {
      const parts = valuesOf(span.expression, scope);
      out = out.flatMap((prefix) => parts.map((p) => prefix + p + span.literal.text));
    }
    return out;
  }
  if (ts.isIdentifier(node)) return valuesOfName(node, scope);
  throw new UnreadableCase(`cannot read ${node.getText(scope)}`);
}

function valuesOfName(id: ts.Identifier, scope: ts.SourceFile): string[] {
  // A loop over a literal array around the call: `for (const method of ['GET', 'DELETE'] as const)`.
  for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
    if (ts.isForOfStatement(n) && ts.isVariableDeclarationList(n.initializer)) {
      const decl = n.initializer.declarations[0];
      if (decl && ts.isIdentifier(decl.name) && decl.name.text === id.text) {
        let list: ts.Expression = n.expression;
        while (ts.isAsExpression(list) || ts.isParenthesizedExpression(list)) list = list.expression;
        if (!ts.isArrayLiteralExpression(list)) throw new UnreadableCase(`loop over ${list.getText(scope)}`);
        return list.elements.flatMap((e) => valuesOf(e, scope));
      }
    }
  }
  // A top-level `const someId = '…'`.
  for (const statement of scope.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (ts.isIdentifier(decl.name) && decl.name.text === id.text && decl.initializer)
        return valuesOf(decl.initializer, scope);
    }
  }
  throw new UnreadableCase(`cannot resolve ${id.text}`);
}

function property(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && p.name.getText() === name) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return p.name;
  }
  return undefined;
}

/** Every describeSecurity(name, app, { method, path, … }) call in a source text, expanded over its loops. */
function securityCasesIn(fileName: string, text: string): SecurityCase[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const cases: SecurityCase[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      (node.expression.text === 'describeSecurity' || node.expression.text === 'describeSessionSecurity')
    ) {
      const at = `${fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      const route = node.arguments[2];
      const method = route && ts.isObjectLiteralExpression(route) ? property(route, 'method') : undefined;
      const path = route && ts.isObjectLiteralExpression(route) ? property(route, 'path') : undefined;
      if (!method || !path) throw new Error(`${at}: describeSecurity needs an object literal with method and path`);
      try {
        for (const m of valuesOf(method, source))
          for (const p of valuesOf(path, source)) cases.push({ method: m, path: p, at });
      } catch (err) {
        if (!(err instanceof UnreadableCase)) throw err;
        throw new Error(
          `${at}: ${err.message}; write method and path as literals, top-level consts or for-of over a literal array`,
        );
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return cases;
}

async function testFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await testFiles(path)));
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

async function allSecurityCases(): Promise<SecurityCase[]> {
  const files = await testFiles('tests/server');
  const perFile = await Promise.all(
    files.map(async (f) => securityCasesIn(relative(root, join(root, f)), await readFile(join(root, f), 'utf8'))),
  );
  return perFile.flat();
}

/** The app with every optional surface switched on (sandbox, local blobs, embed), built without touching a database. */
async function fullApp() {
  const refuse = async (): Promise<never> => {
    throw new Error('building the app must not query the database');
  };
  const db: Db = {
    driver: 'pglite',
    query: refuse,
    get tables() {
      return bindTables(this);
    },
    exec: refuse,
    transaction: refuse,
    close: async () => {},
  };
  const sandbox = await createSandboxWhop();
  const { app, deps } = await createTestApp(db, {
    identity: { appId: sandbox.appId, verifier: { verify: refuse }, whop: sandbox.api, sandbox },
    // The sandbox's OAuth server mounted too, so its routes are audited like the others.
    signIn: await buildSignIn(parseEnv({}), {
      appId: sandbox.appId,
      verifier: { verify: refuse },
      whop: sandbox.api,
      sandbox,
    }),
    serveEmbed: async (_c, next) => next(),
  });
  return { app, deps };
}

describe('route security coverage', () => {
  it('covers every route with the shared security cases or lists it as public, with a reason', async () => {
    const { app } = await fullApp();
    const endpoints = endpointsOf(app.routes);
    const cases = await allSecurityCases();
    const audit = auditRoutes(endpoints, cases, PUBLIC_ROUTES);
    expect(audit.uncovered, 'routes with neither describeSecurity(...) cases nor a PUBLIC_ROUTES entry').toEqual([]);
    expect(audit.stalePublic, 'PUBLIC_ROUTES entries that are no route of the app').toEqual([]);
    expect(audit.unrouted, 'describeSecurity cases whose method and path reach no route').toEqual([]);
    for (const reason of Object.values(PUBLIC_ROUTES)) expect(reason.length).toBeGreaterThan(20);
    // The app has protected routes at all, and the cases were read (an empty reading would pass vacuously).
    expect(endpoints.length - Object.keys(PUBLIC_ROUTES).length).toBeGreaterThan(20);
    expect(cases.length).toBeGreaterThan(20);
  });

  it('fails for a route added without security cases', async () => {
    const { app } = await fullApp();
    app.get('/api/dashboard/secrets', (c) => c.json({}));
    app.post('/api/videos/:id/publish', (c) => c.json({}));
    const audit = auditRoutes(endpointsOf(app.routes), await allSecurityCases(), PUBLIC_ROUTES);
    expect(audit.uncovered).toEqual(['GET /api/dashboard/secrets', 'POST /api/videos/:id/publish']);
  });

  it('does not count a case on a different method, or on a literal segment, as covering a parameter route', () => {
    const endpoints = [
      { method: 'GET', path: '/api/videos/:id' },
      { method: 'DELETE', path: '/api/videos/:id' },
      { method: 'POST', path: '/api/videos/captions' },
    ];
    const audit = auditRoutes(
      endpoints,
      [
        { method: 'POST', path: '/api/videos/captions', at: 'x' },
        { method: 'GET', path: '/api/videos/v1', at: 'y' },
      ],
      {},
    );
    expect(audit.uncovered).toEqual(['DELETE /api/videos/:id']);
  });

  it('reads cases written with loops, consts and template literals', () => {
    const text = `
      const someId = '00000000-0000-4000-8000-000000000000';
      for (const action of ['complete', 'retry']) {
        describeSecurity('x', () => app, { method: 'POST', path: \`/api/videos/\${someId}/\${action}\`, view: 'dashboard' });
      }
      for (const method of ['GET', 'DELETE'] as const) describeSecurity('y', () => app, { method, path: '/api/chat/sessions/1', view: 'experience' });
    `;
    expect(securityCasesIn('a.test.ts', text).map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/videos/00000000-0000-4000-8000-000000000000/complete',
      'POST /api/videos/00000000-0000-4000-8000-000000000000/retry',
      'GET /api/chat/sessions/1',
      'DELETE /api/chat/sessions/1',
    ]);
    expect(() =>
      securityCasesIn(
        'b.test.ts',
        `describeSecurity('z', () => app, { method: pick(), path: '/api/x', view: 'dashboard' });`,
      ),
    ).toThrow(/b\.test\.ts:1: cannot read pick\(\)/);
  });
});

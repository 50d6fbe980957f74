import { describe, expect, it } from 'vitest';
import { matchPath, matchRoute } from '../../../embed/lib/routes';

describe('matchRoute', () => {
  it.each([
    ['/experiences/exp_123', { name: 'student-chat', experienceId: 'exp_123' }],
    ['/experiences/exp_123/', { name: 'student-chat', experienceId: 'exp_123' }],
    ['/dashboard/biz_abc', { name: 'creator-dashboard', companyId: 'biz_abc' }],
    // Whop notifications append a rest path: it opens that dashboard tab.
    ['/dashboard/biz_abc/usage', { name: 'creator-dashboard', companyId: 'biz_abc', section: 'usage' }],
    ['/dashboard/biz_abc/questions/', { name: 'creator-dashboard', companyId: 'biz_abc', section: 'questions' }],
    ['/discover', { name: 'discover' }],
    ['/sandbox', { name: 'sandbox' }],
    ['/', { name: 'landing' }],
    ['', { name: 'landing' }],
  ])('%s → %o', (pathname, expected) => {
    expect(matchRoute(pathname)).toEqual(expected);
  });

  it('decodes parameters', () => {
    expect(matchRoute('/experiences/exp%20with%20space')).toEqual({ name: 'student-chat', experienceId: 'exp with space' });
  });

  it.each(['/experiences', '/experiences/', '/experiences/exp_1/extra', '/dashboard', '/dashboard/biz_1/settings', '/dashboard/biz_1/usage/x', '/dashboards/biz_1', '/discover/more', '/sandbox/x', '/nope', '/experiences/%E0%A4%A'])(
    'sends %s to not-found',
    (pathname) => {
      expect(matchRoute(pathname)).toEqual({ name: 'not-found', pathname });
    },
  );
});

describe('matchPath', () => {
  it('returns every named parameter', () => {
    expect(matchPath('/a/:first/b/:second', '/a/1/b/2')).toEqual({ first: '1', second: '2' });
  });

  it('does not match a different literal segment', () => {
    expect(matchPath('/a/:first', '/b/1')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { lessonPath, lessonsPath, matchPath, matchRoute, startSecondOf } from '../../../embed/lib/routes';

describe('matchRoute', () => {
  it.each([
    ['/experiences/exp_123', { name: 'student-chat', experienceId: 'exp_123' }],
    ['/experiences/exp_123/', { name: 'student-chat', experienceId: 'exp_123' }],
    ['/experiences/exp_123/lessons', { name: 'student-lessons', experienceId: 'exp_123' }],
    [
      '/experiences/exp_123/lessons/0b6f2c1e-7d3a-4f6b-9a51-2f1f4c6e8a10',
      { name: 'student-lesson', experienceId: 'exp_123', videoId: '0b6f2c1e-7d3a-4f6b-9a51-2f1f4c6e8a10' },
    ],
    ['/dashboard/biz_abc', { name: 'creator-dashboard', companyId: 'biz_abc' }],
    // Whop notifications append a rest path: it opens that dashboard tab.
    ['/dashboard/biz_abc/usage', { name: 'creator-dashboard', companyId: 'biz_abc', section: 'usage' }],
    ['/dashboard/biz_abc/questions/', { name: 'creator-dashboard', companyId: 'biz_abc', section: 'questions' }],
    ['/dashboard/biz_abc/insights', { name: 'creator-dashboard', companyId: 'biz_abc', section: 'insights' }],
    ['/discover', { name: 'discover' }],
    ['/sandbox', { name: 'sandbox' }],
    ['/', { name: 'landing' }],
    ['', { name: 'landing' }],
  ])('%s → %o', (pathname, expected) => {
    expect(matchRoute(pathname)).toEqual(expected);
  });

  it('decodes parameters', () => {
    expect(matchRoute('/experiences/exp%20with%20space')).toEqual({
      name: 'student-chat',
      experienceId: 'exp with space',
    });
  });

  it.each([
    '/experiences',
    '/experiences/',
    '/experiences/exp_1/extra',
    '/dashboard',
    '/dashboard/biz_1/settings',
    '/dashboard/biz_1/usage/x',
    '/dashboards/biz_1',
    '/discover/more',
    '/sandbox/x',
    '/nope',
    '/experiences/%E0%A4%A',
  ])('sends %s to not-found', (pathname) => {
    expect(matchRoute(pathname)).toEqual({ name: 'not-found', pathname });
  });
});

describe('lesson links', () => {
  it('builds the paths the router matches, with the second and the search in the query', () => {
    expect(lessonPath('exp_1', 'v1', 72.9)).toBe('/experiences/exp_1/lessons/v1?t=72.9');
    expect(lessonPath('exp_1', 'v1', 1 / 3)).toBe('/experiences/exp_1/lessons/v1?t=0.333');
    expect(lessonsPath('exp_1', 'rye & flour')).toBe('/experiences/exp_1/lessons?q=rye+%26+flour');
    expect(matchRoute(lessonPath('exp_1', 'v1').split('?')[0]!)).toEqual({
      name: 'student-lesson',
      experienceId: 'exp_1',
      videoId: 'v1',
    });
    expect(startSecondOf('?t=72')).toBe(72);
    expect(startSecondOf('?t=22.6')).toBe(22.6);
    expect(startSecondOf('?t=-3')).toBe(0);
    expect(startSecondOf('?t=abc')).toBe(0);
    expect(startSecondOf('')).toBe(0);
  });
});

describe('matchPath', () => {
  it('returns every named parameter', () => {
    expect(matchPath('/a/:first/b/:second', '/a/1/b/2')).toEqual({ first: '1', second: '2' });
  });

  it('does not match a different literal segment', () => {
    expect(matchPath('/a/:first', '/b/1')).toBeNull();
  });
});

/**
 * The embed's screens, shaped like the views configured in Whop's app settings:
 * experience view `/experiences/[experienceId]`, dashboard view `/dashboard/[companyId]`,
 * discover view `/discover`; plus the local Whop sandbox at `/sandbox`. No router dependency:
 * five patterns do not need one.
 */
/** Dashboard tabs a link can open (`/dashboard/:companyId/:section`): Whop notifications deep-link here. */
export const DASHBOARD_SECTIONS = ['library', 'usage', 'questions'] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

export type Route =
  | { name: 'student-chat'; experienceId: string }
  | { name: 'creator-dashboard'; companyId: string; section?: DashboardSection }
  | { name: 'discover' }
  | { name: 'sandbox' }
  | { name: 'landing' }
  | { name: 'not-found'; pathname: string };

/**
 * Matches `pattern` (segments, `:name` for a parameter) against `pathname`.
 * Returns the decoded parameters, or null. A trailing slash is ignored; a parameter
 * is exactly one non-empty segment.
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const expected = splitPath(pattern);
  const actual = splitPath(pathname);
  if (expected.length !== actual.length) return null;

  const params: Record<string, string> = {};
  for (const [index, part] of expected.entries()) {
    const segment = actual[index];
    if (segment === undefined) return null;
    if (part.startsWith(':')) {
      const value = safeDecode(segment);
      if (value === null || value === '') return null;
      params[part.slice(1)] = value;
    } else if (part !== segment) {
      return null;
    }
  }
  return params;
}

export function matchRoute(pathname: string): Route {
  const student = matchPath('/experiences/:experienceId', pathname);
  if (student?.experienceId) return { name: 'student-chat', experienceId: student.experienceId };

  const creator = matchPath('/dashboard/:companyId', pathname);
  if (creator?.companyId) return { name: 'creator-dashboard', companyId: creator.companyId };
  const section = matchPath('/dashboard/:companyId/:section', pathname);
  const known = DASHBOARD_SECTIONS.find((s) => s === section?.section);
  if (section?.companyId && known) return { name: 'creator-dashboard', companyId: section.companyId, section: known };

  if (matchPath('/discover', pathname)) return { name: 'discover' };
  if (matchPath('/sandbox', pathname)) return { name: 'sandbox' };
  if (matchPath('/', pathname)) return { name: 'landing' };
  return { name: 'not-found', pathname };
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

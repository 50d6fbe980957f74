/**
 * The embed's screens, shaped like the views configured in Whop's app settings:
 * experience view `/experiences/[experienceId]`, dashboard view `/dashboard/[companyId]`,
 * discover view `/discover`; plus the local Whop sandbox at `/sandbox`. No router dependency:
 * five patterns do not need one.
 */
/** Dashboard tabs a link can open (`/dashboard/:companyId/:section`): Whop notifications deep-link here. */
export const DASHBOARD_SECTIONS = ['library', 'usage', 'questions', 'insights'] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

export type Route =
  | { name: 'student-chat'; experienceId: string }
  | { name: 'student-lessons'; experienceId: string }
  | { name: 'student-lesson'; experienceId: string; videoId: string }
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

  const lessons = matchPath('/experiences/:experienceId/lessons', pathname);
  if (lessons?.experienceId) return { name: 'student-lessons', experienceId: lessons.experienceId };

  const lesson = matchPath('/experiences/:experienceId/lessons/:videoId', pathname);
  if (lesson?.experienceId && lesson.videoId)
    return { name: 'student-lesson', experienceId: lesson.experienceId, videoId: lesson.videoId };

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

/** The student view's chat. */
export const chatPath = (experienceId: string) => `/experiences/${encodeURIComponent(experienceId)}`;

/** The lessons list, optionally with a transcript search (`?q=`). */
export function lessonsPath(experienceId: string, query?: string): string {
  const base = `${chatPath(experienceId)}/lessons`;
  return query ? `${base}?${new URLSearchParams({ q: query })}` : base;
}

/** A lesson page, optionally opened at a second (`?t=`): search hits and citations jump there. */
export function lessonPath(experienceId: string, videoId: string, seconds?: number): string {
  const base = `${chatPath(experienceId)}/lessons/${encodeURIComponent(videoId)}`;
  // Not floored: a line starting at 22.6 s opened at 22 s would mark the line before it.
  return seconds === undefined ? base : `${base}?t=${roundMs(Math.max(0, seconds))}`;
}

/** The `?t=` second of a lesson link (to the millisecond), or 0 when absent or not a number. */
export function startSecondOf(search: string): number {
  const t = Number(new URLSearchParams(search).get('t'));
  return Number.isFinite(t) && t > 0 ? roundMs(t) : 0;
}

const roundMs = (seconds: number) => Math.round(seconds * 1000) / 1000;

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

import type { Viewer } from '../../../shared/schemas/viewer';

/** A customer of the demo course, as `GET /api/viewer` answers on the experience view. */
export function studentViewer(overrides: Partial<Viewer> = {}): Viewer {
  return {
    user: { id: 'user_ben', username: 'ben', name: 'Ben Carter' },
    role: 'student',
    view: 'experience',
    creator: { id: 'biz_acme', name: 'Acme Academy', tier: 'PRO' },
    experience: { id: 'exp_course42', name: 'Sourdough Basics' },
    appId: 'app_chronos',
    sandbox: false,
    ...overrides,
  };
}

/** An admin of the company, as answered on the dashboard view. */
export function creatorViewer(overrides: Partial<Viewer> = {}): Viewer {
  return {
    user: { id: 'user_ada', username: 'ada', name: 'Ada Lovelace' },
    role: 'creator',
    view: 'dashboard',
    creator: { id: 'biz_acme', name: 'Acme Academy', tier: 'FREE' },
    experience: null,
    appId: 'app_chronos',
    sandbox: false,
    ...overrides,
  };
}

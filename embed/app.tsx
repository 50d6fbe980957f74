import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { useLocation } from './lib/history';
import { matchRoute } from './lib/routes';
import { NotFoundView } from './views/not-found/not-found-view';
import { StudentChatView } from './views/student-chat/student-chat-view';

/*
 * The student view is what most people open, on phones, inside Whop: it is in the first
 * bundle. Every other view is its own chunk, fetched only when its route is opened, so a
 * student never downloads the creator dashboard, the sandbox or the public pages.
 */
/**
 * A lazy view. Its chunk builds shared schemas as it loads, so zod is told there is no eval
 * (`lib/zod-without-eval.ts`) first: the student chat's first screen has no zod at all and
 * imports it with its first response (`lib/lazy-schema.ts`), which does the same.
 */
function lazyView<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => {
    await import('./lib/zod-without-eval');
    return { default: await load() };
  });
}

const CreatorDashboardView = lazyView(() =>
  import('./views/creator-dashboard/creator-dashboard-view').then((m) => m.CreatorDashboardView),
);
// Lessons are a student's second stop (the chat is where they land): their own chunk too.
const StudentLessonsView = lazyView(() =>
  import('./views/student-lessons/student-lessons-view').then((m) => m.StudentLessonsView),
);
const DiscoverView = lazyView(() => import('./views/discover/discover-view').then((m) => m.DiscoverView));
const LandingView = lazyView(() => import('./views/landing/landing-view').then((m) => m.LandingView));
const SandboxView = lazyView(() => import('./views/sandbox/sandbox-view').then((m) => m.SandboxView));

/** While a view's chunk loads: the same landmark every view has, announced as busy. */
function ViewLoading() {
  return (
    <main className="view-loading" aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading Chronos…
      </p>
    </main>
  );
}

const deferred = (view: ReactNode) => <Suspense fallback={<ViewLoading />}>{view}</Suspense>;

export function App() {
  const { pathname } = useLocation();
  const route = matchRoute(pathname);

  switch (route.name) {
    case 'student-chat':
      // Keyed so moving to another experience starts from a clean view.
      return <StudentChatView key={route.experienceId} experienceId={route.experienceId} />;
    case 'student-lessons':
      return deferred(<StudentLessonsView key={route.experienceId} experienceId={route.experienceId} />);
    case 'student-lesson':
      return deferred(
        <StudentLessonsView key={route.experienceId} experienceId={route.experienceId} videoId={route.videoId} />,
      );
    case 'creator-dashboard':
      return deferred(
        <CreatorDashboardView
          key={route.companyId}
          companyId={route.companyId}
          {...(route.section ? { section: route.section } : {})}
        />,
      );
    case 'discover':
      return deferred(<DiscoverView />);
    case 'sandbox':
      return deferred(<SandboxView />);
    case 'landing':
      return deferred(<LandingView />);
    case 'not-found':
      return <NotFoundView pathname={route.pathname} />;
  }
}

import { useLocation } from './lib/history';
import { matchRoute } from './lib/routes';
import { CreatorDashboardView } from './views/creator-dashboard/creator-dashboard-view';
import { DiscoverView } from './views/discover/discover-view';
import { LandingView } from './views/landing/landing-view';
import { NotFoundView } from './views/not-found/not-found-view';
import { SandboxView } from './views/sandbox/sandbox-view';
import { StudentChatView } from './views/student-chat/student-chat-view';

export function App() {
  const { pathname } = useLocation();
  const route = matchRoute(pathname);

  switch (route.name) {
    case 'student-chat':
      // Keyed so moving to another experience starts from a clean view.
      return <StudentChatView key={route.experienceId} experienceId={route.experienceId} />;
    case 'creator-dashboard':
      return <CreatorDashboardView key={route.companyId} companyId={route.companyId} {...(route.section ? { section: route.section } : {})} />;
    case 'discover':
      return <DiscoverView />;
    case 'sandbox':
      return <SandboxView />;
    case 'landing':
      return <LandingView />;
    case 'not-found':
      return <NotFoundView pathname={route.pathname} />;
  }
}

import { SandboxEntryLink } from '../../features/sandbox/components/sandbox-entry-link';
import { ChronosMark } from '../../ui/chronos-mark';
import { Link } from '../../ui/link';

/** What someone sees opening the app's origin directly, outside Whop. */
export function LandingView() {
  return (
    <main className="page">
      <ChronosMark size={40} />
      <h1 className="page__title">Chronos opens inside Whop</h1>
      <p className="page__lead">
        Chronos is an AI learning assistant for Whop courses. It runs inside a Whop community, not on its own page.
      </p>
      <SandboxEntryLink />
      <ul className="page__list">
        <li>
          <strong>Students</strong> open Chronos from the community's app list and ask questions about the course
          videos.
        </li>
        <li>
          <strong>Creators</strong> open it from their Whop dashboard to add videos and see what students ask.
        </li>
      </ul>
      <p>
        <Link href="/discover">Learn what Chronos does</Link>
      </p>
      <p className="page__fine">
        Whop loads this app at <code>/experiences/&lt;experienceId&gt;</code> for students and{' '}
        <code>/dashboard/&lt;companyId&gt;</code> for creators.
      </p>
    </main>
  );
}

import { EmptyState } from '../../ui/empty-state';
import { Link } from '../../ui/link';

export function NotFoundView({ pathname }: { pathname: string }) {
  return (
    <main className="page">
      <EmptyState
        title="Page not found"
        level={1}
        description={
          <>
            There is no Chronos page at <code>{pathname}</code>.
          </>
        }
      >
        <Link href="/">Go to the start page</Link>
      </EmptyState>
    </main>
  );
}

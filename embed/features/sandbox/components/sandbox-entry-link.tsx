import { Link } from '../../../ui/link';
import { useSandboxInfo } from '../api/get-sandbox-info';
import '../sandbox.css';

/**
 * A way into the local Whop sandbox, shown only when this server runs it
 * (`GET /api/sandbox` answers). With real Whop keys it renders nothing.
 * `target="_top"`: from inside a sandbox frame it replaces the whole sandbox page.
 */
export function SandboxEntryLink() {
  const sandbox = useSandboxInfo();
  if (sandbox.status !== 'success') return null;
  return (
    <aside className="sandbox-entry" aria-label="Local Whop sandbox">
      <div>
        <p className="sandbox-entry__title">Developing Chronos?</p>
        <p className="sandbox-entry__text">
          This server runs a local Whop sandbox: open the student and creator views as demo people, no Whop account
          needed.
        </p>
      </div>
      <Link href="/sandbox" target="_top" className="sandbox-entry__link">
        Open the local Whop sandbox
      </Link>
    </aside>
  );
}

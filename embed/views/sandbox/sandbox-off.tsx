import { ChronosMark } from '../../ui/chronos-mark';
import { Link } from '../../ui/link';

/** `/api/sandbox` is 404: the server has real Whop keys and trusts only Whop's tokens. */
export function SandboxOff() {
  return (
    <main className="page">
      <ChronosMark size={40} />
      <h1 className="page__title">The local Whop sandbox is off</h1>
      <p className="page__lead">
        This server has real Whop keys configured, so it only trusts user tokens from Whop. Open Chronos from your Whop
        community or dashboard instead.
      </p>
      <p className="page__fine">
        The sandbox runs when the server starts without Whop keys (the default <code>npm start</code>).
      </p>
      <p>
        <Link href="/">Go to the start page</Link>
      </p>
    </main>
  );
}

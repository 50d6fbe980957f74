import type { SandboxNotification } from '../../../../shared/schemas/notifications';
import { ErrorNotice } from '../../../ui/error-notice';
import { useSandboxNotifications } from '../api/get-sandbox-notifications';

const audienceOf = (n: SandboxNotification) =>
  n.audience.kind === 'company' ? `Team of ${n.audience.companyId}` : `Students of ${n.audience.experienceId}`;

/**
 * The sandbox's stand-in for Whop's notification inbox: each notification Chronos sent,
 * to whom, and the in-app path a tap on it opens (a link here, as in Whop's apps).
 */
export function SandboxNotifications() {
  const sent = useSandboxNotifications();
  const list = sent.data?.notifications;
  return (
    <section className="sandbox-notifications" aria-labelledby="sandbox-notifications-title">
      <h2 id="sandbox-notifications-title" className="sandbox-notifications__title">
        Notifications sent through Whop
      </h2>
      {sent.status === 'error' && !list ? (
        <ErrorNotice
          error={sent.error}
          title="Could not read the sandbox’s notifications"
          onRetry={() => void sent.refetch()}
        />
      ) : null}
      {sent.isPending ? <p className="sandbox-notifications__empty">Loading…</p> : null}
      {list?.length === 0 ? (
        <p className="sandbox-notifications__empty">
          None yet. Turn notifications on in the dashboard’s Plan &amp; usage tab, then ask for an upgrade as a student
          or add a lesson.
        </p>
      ) : null}
      {list && list.length > 0 ? (
        <ol className="sandbox-notifications__list">
          {list.map((n) => (
            <li key={`${n.at}-${n.title}`} className="sandbox-notifications__item">
              <p className="sandbox-notifications__meta">
                {audienceOf(n)} · <time dateTime={n.at}>{new Date(n.at).toLocaleTimeString()}</time>
              </p>
              <p className="sandbox-notifications__headline">{n.title}</p>
              {n.subtitle ? <p className="sandbox-notifications__text">{n.subtitle}</p> : null}
              <p className="sandbox-notifications__text">{n.content}</p>
              <a className="sandbox-notifications__link" href={n.deepLink} target="_blank" rel="noreferrer">
                Opens {n.deepLink}
              </a>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

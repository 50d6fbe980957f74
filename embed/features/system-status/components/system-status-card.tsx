import type { HealthResponse } from '../../../../shared/schemas/health';
import { Badge } from '../../../ui/badge';
import { Card } from '../../../ui/card';
import { ErrorNotice } from '../../../ui/error-notice';
import { Skeleton } from '../../../ui/skeleton';
import { useHealth } from '../api/get-health';
import { modeBadge, providerRoles } from '../provider-labels';
import { statusAdvice } from '../status-advice';
import '../system-status.css';

/**
 * The creator's Diagnostics tab: first what needs their attention, in plain words with the fix
 * they can make, then the facts to quote when asking for help (database, migration, version, providers).
 */
export function SystemStatusCard() {
  const health = useHealth();
  const data = health.data;

  return (
    <Card
      title="Diagnostics"
      aside={
        data ? (
          <Badge tone={data.status === 'ok' ? 'success' : 'warning'}>{data.status === 'ok' ? 'OK' : 'Degraded'}</Badge>
        ) : null
      }
      aria-busy={health.isFetching}
    >
      {health.status === 'error' ? (
        <ErrorNotice error={health.error} title="Could not load system status" onRetry={() => void health.refetch()} />
      ) : data ? (
        <HealthDetails health={data} />
      ) : (
        <Skeleton lines={6} label="Loading system status" />
      )}
    </Card>
  );
}

function HealthDetails({ health }: { health: HealthResponse }) {
  const { database } = health;
  const advice = statusAdvice(health);
  return (
    <>
      {advice.length === 0 ? (
        <p className="card__note">Everything runs on real services. Nothing needs your attention.</p>
      ) : (
        <ul className="status-advice" aria-label="Needs your attention">
          {advice.map((item) => (
            <li key={item.what} className={`status-advice__item status-advice__item--${item.tone}`}>
              <p className="status-advice__what">{item.what}</p>
              <p className="status-advice__fix">{item.fix}</p>
            </li>
          ))}
        </ul>
      )}
      <h3 className="card__subtitle">Details for support</h3>
      <dl className="facts">
        <div className="facts__row">
          <dt>Database</dt>
          <dd>
            <Badge tone={database.reachable ? 'success' : 'danger'}>
              {database.reachable ? 'Reachable' : 'Unreachable'}
            </Badge>
            <span className="facts__detail">
              {database.driver}
              {database.latencyMs === null ? '' : ` · ${Math.round(database.latencyMs)} ms`}
            </span>
          </dd>
        </div>
        <div className="facts__row">
          <dt>Migration</dt>
          <dd>
            {database.migration ? <code className="facts__code">{database.migration}</code> : 'None applied'}
            <span className="facts__detail">{plural(database.appliedMigrations, 'migration')} applied</span>
          </dd>
        </div>
        <div className="facts__row">
          <dt>Version</dt>
          <dd>
            <code className="facts__code">{health.version}</code>
            <span className="facts__detail">{health.runtime === 'node' ? 'Node' : 'Cloudflare Workers'}</span>
          </dd>
        </div>
      </dl>
      <h3 className="card__subtitle">Providers</h3>
      <ul className="provider-list" aria-label="Providers">
        {providerRoles.map(({ role, label }) => {
          const provider = health.providers[role];
          const badge = modeBadge[provider.mode];
          return (
            <li key={role} className="provider-list__item">
              <span className="provider-list__role">{label}</span>
              <span className="provider-list__name" title={provider.name}>
                {provider.name}
              </span>
              <Badge tone={badge.tone}>{badge.text}</Badge>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

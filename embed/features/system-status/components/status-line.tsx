import { Spinner } from '../../../ui/spinner';
import { ErrorNotice } from '../../../ui/error-notice';
import { useHealth } from '../api/get-health';
import { describeAnswerer } from '../provider-labels';

/** One line of live system status for the student view's footer. */
export function StatusLine() {
  const health = useHealth();

  if (health.status === 'error') {
    return <ErrorNotice error={health.error} onRetry={health.retry} compact />;
  }
  if (health.status === 'loading' && !health.data) {
    return (
      <p className="status-line">
        <Spinner label="Checking system status" /> Checking system status…
      </p>
    );
  }
  const data = health.data;
  if (!data) return null;
  const answerer = data.providers.answerer;
  return (
    <p className="status-line" aria-label="System status">
      <span className={`status-dot status-dot--${data.database.reachable ? 'ok' : 'down'}`} aria-hidden="true" />
      <span>{data.database.reachable ? 'Database reachable' : 'Database unreachable'}</span>
      <span aria-hidden="true">·</span>
      <span className={answerer.mode === 'real' ? undefined : 'status-line__warn'}>{describeAnswerer(answerer)}</span>
    </p>
  );
}

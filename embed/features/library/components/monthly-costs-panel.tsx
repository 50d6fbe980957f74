import { Card } from '../../../ui/card';
import { ErrorNotice } from '../../../ui/error-notice';
import { Skeleton } from '../../../ui/skeleton';
import { useMonthlyCosts } from '../api/get-monthly-costs';
import { formatSpend } from '../video-labels';

const monthName = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2026-11" → "November 2026". */
export function formatMonth(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : monthName.format(date);
}

/** What the AI providers cost per month: transcription, embeddings, answers and the total. */
export function MonthlyCostsPanel() {
  const costs = useMonthlyCosts();
  const months = costs.data?.months;
  const spent = months?.some((month) => month.totalUsd > 0) ?? false;
  return (
    <Card title="Provider costs per month" aria-busy={costs.isPending}>
      {costs.status === 'error' ? (
        <ErrorNotice error={costs.error} title="Could not load costs" onRetry={() => void costs.refetch()} />
      ) : null}
      {costs.isPending ? <Skeleton lines={3} label="Loading costs" /> : null}
      {months && !spent ? (
        <p className="costs__empty">
          Nothing spent yet. Captions, the offline embedder and the offline answerer cost $0; transcription and hosted
          AI providers are charged per use and show up here.
        </p>
      ) : null}
      {months && spent ? (
        <table className="costs">
          <caption className="visually-hidden">Provider costs per month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Transcription</th>
              <th scope="col">Embeddings</th>
              <th scope="col">Answers</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {months.map((month) => (
              <tr key={month.month}>
                <th scope="row">{formatMonth(month.month)}</th>
                <td>{formatSpend(month.transcriptionUsd)}</td>
                <td>{formatSpend(month.embeddingUsd)}</td>
                <td>{formatSpend(month.answerUsd)}</td>
                <td className="costs__total">{formatSpend(month.totalUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Card>
  );
}

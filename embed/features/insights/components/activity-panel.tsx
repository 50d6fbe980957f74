import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import type { ActivityResponse } from '../../../../shared/schemas/insights';
import { ErrorNotice } from '../../../ui/error-notice';
import { Skeleton } from '../../../ui/skeleton';
import { useChatActivity } from '../api/get-chat-activity';
import type { ChartSeries } from './uplot-chart';
import '../insights.css';

// uPlot is only fetched when a chart is first shown: the student view and the other tabs never load it.
const UplotChart = lazy(() => import('./uplot-chart'));

const dayLabel = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const usd = (value: number) => `$${value < 1 ? value.toFixed(4) : value.toFixed(2)}`;

/** A chart and, behind it, the same numbers as a table (for screen readers, and anyone who prefers to read). */
function ChartWithTable({
  title,
  days,
  series,
  summary,
}: {
  title: string;
  days: string[];
  series: ChartSeries[];
  summary: ReactNode;
}) {
  const label = `${title}, last 30 days. The table below has every value.`;
  return (
    <section className="activity-block" aria-label={title}>
      <h3 className="activity-block__title">{title}</h3>
      <p className="activity-block__summary">{summary}</p>
      <Suspense fallback={<Skeleton lines={3} label={`Loading the chart: ${title}`} />}>
        <UplotChart days={days} series={series} label={label} />
      </Suspense>
      <details className="activity-block__table">
        <summary>Show as a table</summary>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {series.map((s) => (
                <th scope="col" key={s.label}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day, i) => (
              <tr key={day}>
                <th scope="row">{dayLabel.format(new Date(`${day}T12:00:00Z`))}</th>
                {series.map((s) => (
                  <td key={s.label}>{(s.format ?? String)(s.values[i] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

function MostCitedLessons({ lessons }: { lessons: ActivityResponse['mostCitedLessons'] }) {
  const top = lessons[0]?.citations ?? 1;
  return (
    <section className="activity-block" aria-labelledby="most-cited-title">
      <h3 id="most-cited-title" className="activity-block__title">
        Most-cited lessons
      </h3>
      {lessons.length === 0 ? (
        <p className="activity-block__summary">No answer cited a lesson in the last 30 days.</p>
      ) : (
        <table className="cited-bars">
          <caption className="visually-hidden">Lessons by citations in answers, last 30 days</caption>
          <thead className="visually-hidden">
            <tr>
              <th scope="col">Lesson</th>
              <th scope="col">Citations</th>
            </tr>
          </thead>
          <tbody>
            {lessons.map((l) => (
              <tr key={l.videoId}>
                <th scope="row">{l.videoTitle}</th>
                <td>
                  <span
                    className="cited-bars__bar"
                    style={{ width: `${Math.max(4, (l.citations / top) * 100)}%` }}
                    aria-hidden="true"
                  />
                  <span className="cited-bars__value">{l.citations.toLocaleString()}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The Insights charts: questions per day (answered vs not), students active, chat cost, most-cited lessons. */
export function ActivityPanel() {
  const query = useChatActivity();
  const data = query.data;
  const charts = useMemo(() => {
    if (!data) return null;
    const days = data.days.map((d) => d.day);
    const sum = (pick: (d: ActivityResponse['days'][number]) => number) => data.days.reduce((n, d) => n + pick(d), 0);
    return {
      days,
      questions: [
        { label: 'Answered', values: data.days.map((d) => d.answered), colorVar: '--accent' },
        { label: 'Not covered', values: data.days.map((d) => d.unanswered), colorVar: '--warning-text' },
      ],
      students: [{ label: 'Students', values: data.days.map((d) => d.students), colorVar: '--success-text' }],
      cost: [{ label: 'Chat cost', values: data.days.map((d) => d.costUsd), colorVar: '--danger-text', format: usd }],
      totals: { answered: sum((d) => d.answered), unanswered: sum((d) => d.unanswered), cost: sum((d) => d.costUsd) },
    };
  }, [data]);

  return (
    <div className="stack" aria-busy={query.isFetching}>
      {query.status === 'error' ? (
        <ErrorNotice error={query.error} title="Could not load the charts" onRetry={() => void query.refetch()} />
      ) : null}
      {!data || !charts ? (
        query.isPending ? (
          <Skeleton lines={5} label="Loading the charts" />
        ) : null
      ) : (
        <>
          <ChartWithTable
            title="Questions per day"
            days={charts.days}
            series={charts.questions}
            summary={`${charts.totals.answered.toLocaleString()} answered, ${charts.totals.unanswered.toLocaleString()} not covered by the course.`}
          />
          <ChartWithTable
            title="Students active per day"
            days={charts.days}
            series={charts.students}
            summary="Students who asked at least one question that day."
          />
          <ChartWithTable
            title="Chat cost per day"
            days={charts.days}
            series={charts.cost}
            summary={`${usd(charts.totals.cost)} in 30 days${data.costPerAnswerUsd === null ? '' : `, ${usd(data.costPerAnswerUsd)} per answer`}.`}
          />
          <MostCitedLessons lessons={data.mostCitedLessons} />
        </>
      )}
    </div>
  );
}

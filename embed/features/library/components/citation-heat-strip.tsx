import { formatTimestamp } from '../../../../shared/format';
import type { CitationHeat } from '../../../../shared/schemas/assistant-settings';
import { ErrorNotice } from '../../../ui/error-notice';
import { Skeleton } from '../../../ui/skeleton';
import { useCitationHeat } from '../api/get-citation-heat';

const citations = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'citation' : 'citations'}`;
const range = (b: { startSeconds: number; endSeconds: number }) =>
  `${formatTimestamp(b.startSeconds)}–${formatTimestamp(b.endSeconds)}`;

/**
 * Where students are sent inside this lesson: one bar per slice of the timeline, taller
 * and stronger where more answers cited it; a cited slice is a button that seeks there
 * (when there is a player). Behind it, the same counts as a table.
 */
export function CitationHeatStrip({
  videoId,
  onSeek,
}: {
  videoId: string;
  onSeek: ((seconds: number) => void) | null;
}) {
  const heat = useCitationHeat(videoId);
  return (
    <section className="heat-strip" aria-labelledby={`heat-${videoId}`}>
      <h3 id={`heat-${videoId}`} className="video-page__subtitle">
        Moments students are sent to
      </h3>
      {heat.status === 'error' ? (
        <ErrorNotice
          error={heat.error}
          title="Could not load where students are sent"
          onRetry={() => void heat.refetch()}
        />
      ) : null}
      {heat.isPending ? <Skeleton lines={1} label="Loading where students are sent" /> : null}
      {heat.data ? <HeatBody heat={heat.data} onSeek={onSeek} /> : null}
    </section>
  );
}

function HeatBody({ heat, onSeek }: { heat: CitationHeat; onSeek: ((seconds: number) => void) | null }) {
  if (heat.totalCitations === 0) {
    return (
      <p className="video-page__note">
        No answer has cited this lesson yet. Once students ask, the moments their answers point to show here.
      </p>
    );
  }
  const top = Math.max(1, ...heat.buckets.map((b) => b.citations));
  const hot = heat.buckets.filter((b) => b.citations > 0);
  return (
    <>
      <p className="video-page__note">
        {citations(heat.totalCitations)} in students&apos; answers, in slices of {heat.bucketSeconds} s.
        {onSeek ? ' Choose a bar to play from there.' : ''}
      </p>
      <div className="heat-strip__bars" role="group" aria-label="Citations along the lesson timeline">
        {heat.buckets.map((b) => {
          const style = {
            height: `${b.citations === 0 ? 8 : 25 + (b.citations / top) * 75}%`,
            opacity: b.citations === 0 ? 1 : 0.45 + (b.citations / top) * 0.55,
          };
          const label = `${range(b)}: ${citations(b.citations)}`;
          return b.citations > 0 && onSeek ? (
            <button
              key={b.startSeconds}
              type="button"
              className="heat-strip__bar heat-strip__bar--hot"
              aria-label={`${label}. Play from ${formatTimestamp(b.startSeconds)}`}
              title={label}
              onClick={() => onSeek(b.startSeconds)}
            >
              <span style={style} />
            </button>
          ) : (
            <span
              key={b.startSeconds}
              className={`heat-strip__bar${b.citations > 0 ? ' heat-strip__bar--hot' : ''}`}
              title={label}
              aria-hidden="true"
            >
              <span style={style} />
            </span>
          );
        })}
      </div>
      <div className="heat-strip__axis" aria-hidden="true">
        <span>0:00</span>
        <span>{formatTimestamp(heat.durationSeconds)}</span>
      </div>
      <details className="heat-strip__table">
        <summary>Show as a table</summary>
        <table>
          <caption>Citations per moment of this lesson (slices with none are left out)</caption>
          <thead>
            <tr>
              <th scope="col">Moment</th>
              <th scope="col">Citations</th>
              {onSeek ? <th scope="col">Play</th> : null}
            </tr>
          </thead>
          <tbody>
            {hot.map((b) => (
              <tr key={b.startSeconds}>
                <th scope="row">{range(b)}</th>
                <td>{b.citations.toLocaleString()}</td>
                {onSeek ? (
                  <td>
                    <button
                      type="button"
                      className="heat-strip__play"
                      onClick={() => onSeek(b.startSeconds)}
                      aria-label={`Play from ${formatTimestamp(b.startSeconds)}`}
                    >
                      Play
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

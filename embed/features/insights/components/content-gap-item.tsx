import { formatTimestamp } from '../../../../shared/format';
import type { ContentGap, GapReason } from '../../../../shared/schemas/insights';
import { Badge } from '../../../ui/badge';

const REASON: Record<GapReason, string> = {
  unanswered: 'not covered',
  thumbs_down: 'rated 👎',
  low_confidence: 'weak match',
};

const TREND: Record<ContentGap['trend'], { label: string; tone?: 'warning' | 'success' }> = {
  new: { label: 'New this week', tone: 'warning' },
  rising: { label: 'Rising', tone: 'warning' },
  steady: { label: 'Steady' },
  falling: { label: 'Falling', tone: 'success' },
};

function plural(n: number, one: string, many: string) {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** One topic students keep asking about: who asked, how it moves, what they said, where the course comes closest. */
export function ContentGapItem({ gap }: { gap: ContentGap }) {
  const trend = TREND[gap.trend];
  return (
    <li className="gap-item">
      <div className="gap-item__head">
        <h3 className="gap-item__label">{gap.label}</h3>
        <Badge tone={trend.tone ?? 'neutral'}>{trend.label}</Badge>
      </div>
      <p className="gap-item__count">
        <strong>{plural(gap.students, 'student', 'students')}</strong> asked {plural(gap.questions, 'time', 'times')} ·{' '}
        {gap.thisWeek} this week, {gap.lastWeek} the week before
      </p>
      <ul className="gap-item__examples" aria-label="Example questions">
        {gap.examples.map((e) => (
          <li key={`${e.askedAt}-${e.question}`}>
            “{e.question}” <span className="gap-item__reason">({REASON[e.reason]})</span>
          </li>
        ))}
      </ul>
      {gap.closestMoments.length > 0 ? (
        <p className="gap-item__closest">
          Closest in your course:{' '}
          {gap.closestMoments.map((m, i) => (
            <span key={`${m.videoId}@${m.startSeconds}`}>
              {i > 0 ? '; ' : ''}
              {m.videoTitle || 'Deleted lesson'} at {formatTimestamp(m.startSeconds)}
            </span>
          ))}
          . Not close enough to answer.
        </p>
      ) : (
        <p className="gap-item__closest">Nothing in your course comes close.</p>
      )}
    </li>
  );
}

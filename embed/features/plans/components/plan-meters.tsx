import type { PlanOverview, TierConfig } from '../../../../shared/schemas/plan';
import { Meter } from '../../../ui/meter';
import { formatCount, formatStorage } from '../plan-labels';
import '../plans.css';

/** Storage and videos against the plan's limits, and what students did this month. */
export function PlanMeters({ overview, plan }: { overview: PlanOverview; plan: TierConfig | undefined }) {
  const { usage } = overview;
  const storageLimit = plan?.storageBytesLimit ?? null;
  const videoLimit = plan?.videoCountLimit ?? null;
  const storageUsed = formatStorage(usage.storageBytesUsed);
  return (
    <div className="plan-usage">
      <div className="meter-grid">
        {storageLimit === null ? (
          <Meter
            label="Storage"
            value={storageUsed}
            fraction={0}
            valueText={`${storageUsed} used, no limit`}
            hint="No storage limit on your plan"
          />
        ) : (
          <Meter
            label="Storage"
            value={storageUsed}
            limit={formatStorage(storageLimit)}
            fraction={usage.storageBytesUsed / storageLimit}
            valueText={`${storageUsed} of ${formatStorage(storageLimit)}`}
            hint="Video and caption files"
          />
        )}
        {videoLimit === null ? (
          <Meter
            label="Videos"
            value={formatCount(usage.videoCount)}
            fraction={0}
            valueText={`${formatCount(usage.videoCount)} videos, no limit`}
            hint="No video limit on your plan"
          />
        ) : (
          <Meter
            label="Videos"
            value={formatCount(usage.videoCount)}
            limit={formatCount(videoLimit)}
            fraction={usage.videoCount / videoLimit}
            valueText={`${formatCount(usage.videoCount)} of ${formatCount(videoLimit)} videos`}
            hint="Videos in your library"
          />
        )}
      </div>
      <dl className="stat-grid" aria-label="Student activity">
        <div className="stat">
          <dt>Questions this month</dt>
          <dd>{formatCount(usage.questionsThisMonth)}</dd>
        </div>
        <div className="stat">
          <dt>Questions today</dt>
          <dd>{formatCount(usage.questionsToday)}</dd>
        </div>
        <div className="stat">
          <dt>Active students this month</dt>
          <dd>{formatCount(usage.studentsThisMonth)}</dd>
        </div>
      </dl>
    </div>
  );
}

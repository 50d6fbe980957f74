import type { Tier } from '../../../../shared/schemas/viewer';
import { upgradeRequestsText } from '../plan-labels';
import '../plans.css';

/**
 * Students who ran out of questions and asked for more. Prominent on Free, where each
 * student has only a few questions in total; a plain line on paid plans; nothing at zero.
 */
export function UpgradeRequestsCallout({ count, tier }: { count: number; tier: Tier }) {
  if (count === 0) return null;
  if (tier !== 'FREE') return <p className="plan__requests">{upgradeRequestsText(count)}</p>;
  return (
    <div className="callout" role="note">
      <span className="callout__icon" aria-hidden="true">
        <HandIcon />
      </span>
      <div>
        <p className="callout__title">{upgradeRequestsText(count)}</p>
        <p className="callout__text">
          They used their free questions and want to keep asking. A paid plan gives every student a daily allowance.
        </p>
      </div>
    </div>
  );
}

function HandIcon() {
  return (
    <svg
      aria-hidden="true"
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M12 3v9M8.5 5.5V12M15.5 5.5V13M19 9v5a7 7 0 0 1-12.6 4.2L4 15a1.6 1.6 0 0 1 2.6-1.9L8.5 15" />
    </svg>
  );
}

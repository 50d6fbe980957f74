import './meter.css';

export interface MeterProps {
  label: string;
  /** Display value; "—" when unknown. */
  value: string;
  /** Display limit, shown as "of …"; leave out when there is none. */
  limit?: string;
  /** 0..1, or null when nothing is measured: the bar stays empty and says so to screen readers. */
  fraction: number | null;
  /** What screen readers hear instead of the percentage, e.g. "1.2 GB of 5 GB". */
  valueText?: string;
  hint?: string;
}

/** Share of a limit used. From 90% the bar turns to the warning colour, at 100% to danger. */
export function Meter({ label, value, limit, fraction, valueText, hint }: MeterProps) {
  const percent = fraction === null ? 0 : Math.round(Math.min(Math.max(fraction, 0), 1) * 100);
  const level = fraction === null ? '' : fraction >= 1 ? ' meter--full' : fraction >= 0.9 ? ' meter--high' : '';
  const spoken = valueText ?? (fraction === null ? 'Not measured yet' : undefined);
  return (
    <div className={`meter${level}`}>
      <div className="meter__label">{label}</div>
      <div className="meter__value">
        <span className="meter__current">{value}</span>
        {limit !== undefined ? <span className="meter__limit"> of {limit}</span> : null}
      </div>
      <div
        className="meter__track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        {...(spoken !== undefined ? { 'aria-valuetext': spoken } : {})}
      >
        <span className="meter__fill" style={{ width: `${percent}%` }} />
      </div>
      {hint ? <p className="meter__hint">{hint}</p> : null}
    </div>
  );
}

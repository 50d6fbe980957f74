export interface MeterProps {
  label: string;
  /** Display value; "—" when unknown. */
  value: string;
  limit: string;
  /** 0..1, or null when nothing is measured: the bar stays empty and says so to screen readers. */
  fraction: number | null;
  hint?: string;
}

export function Meter({ label, value, limit, fraction, hint }: MeterProps) {
  const percent = fraction === null ? 0 : Math.round(Math.min(Math.max(fraction, 0), 1) * 100);
  return (
    <div className="meter">
      <div className="meter__label">{label}</div>
      <div className="meter__value">
        <span className="meter__current">{value}</span>
        <span className="meter__limit"> of {limit}</span>
      </div>
      <div
        className="meter__track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        {...(fraction === null ? { 'aria-valuetext': 'Not measured yet' } : {})}
      >
        <span className="meter__fill" style={{ width: `${percent}%` }} />
      </div>
      {hint ? <p className="meter__hint">{hint}</p> : null}
    </div>
  );
}

/** The Chronos logo: a clock face whose hand points at a moment, like a citation. */
export function ChronosMark({ size = 28, withName = true }: { size?: number; withName?: boolean }) {
  return (
    <span className="chronos-mark">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" className="chronos-mark__tile" />
        <circle cx="16" cy="16" r="9" fill="none" stroke="#fff" strokeWidth="2.5" />
        <path d="M16 10.5V16l4 2.5" fill="none" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      {withName ? (
        <span className="chronos-mark__name">Chronos</span>
      ) : (
        <span className="visually-hidden">Chronos</span>
      )}
    </span>
  );
}

/**
 * Formatting shared by the embed and the server, so a size or a video time reads the same
 * on every screen and in every prompt.
 */

const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

/**
 * Sizes as people read them: "10 MB", "1.2 GB", "350 KB" (binary units, as the limits are set).
 * Nothing is shown in `zeroUnit`: "0 B" for a file, "0 GB" for storage used beside a limit in GB.
 */
export function formatBytes(bytes: number, zeroUnit: 'B' | 'GB' = 'B'): string {
  if (!(bytes > 0)) return `0 ${zeroUnit}`;
  const [size, unit] =
    bytes >= GB
      ? [bytes / GB, 'GB']
      : bytes >= MB
        ? [bytes / MB, 'MB']
        : bytes >= KB
          ? [bytes / KB, 'KB']
          : [bytes, 'B'];
  const digits = size < 10 && unit !== 'B' ? 1 : 0;
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(size)} ${unit}`;
}

/** A video time as the player shows it: m:ss under an hour, h:mm:ss from an hour on; fractions dropped. */
export function formatTimestamp(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

import type { PlanOverview } from '../../../shared/schemas/plan';
import type { Tier } from '../../../shared/schemas/viewer';

export interface WaitForTierChangeOptions {
  from: Tier;
  fetchPlan: (signal: AbortSignal) => Promise<PlanOverview>;
  /** The pause before each read, in ms; their sum is how long to wait in all. */
  delays: readonly number[];
  signal: AbortSignal;
  /** Every overview read, so the page shows the latest numbers while it waits. */
  onPlan?: (plan: PlanOverview) => void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * Reads the plan until its tier is no longer `from`. The Whop webhook, not the checkout
 * window, changes the tier, and it may arrive a little after the window closes.
 * Resolves to the first changed overview, or null when none came in time. A failed read
 * is skipped; only when every read failed is the last error thrown.
 */
export async function waitForTierChange(options: WaitForTierChangeOptions): Promise<PlanOverview | null> {
  const { from, fetchPlan, delays, signal, onPlan, sleep = sleepFor } = options;
  let lastError: unknown;
  let anyAnswer = false;
  for (const delay of delays) {
    await sleep(delay, signal);
    try {
      const plan = await fetchPlan(signal);
      anyAnswer = true;
      onPlan?.(plan);
      if (plan.tier !== from) return plan;
    } catch (error) {
      if (signal.aborted) throw error;
      lastError = error;
    }
  }
  if (!anyAnswer && lastError !== undefined) throw lastError;
  return null;
}

function sleepFor(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';

/**
 * Admission before work. A question is *admitted* when its token is verified, its
 * session found and its quota held (one statement each); its *work* (search, rerank,
 * answer) follows behind the opened stream. Under a burst (a class of 200 asking at
 * once) both compete for the same event loop and database pool, first come first
 * served, so the 200th student's admission queued behind 199 searches and waited
 * seconds for the stream to open. The gate lets work start only when no admission is
 * in flight, or after `maxWaitMs` at the latest (work is never starved): every
 * student learns at once that the question was accepted (or refused, with the reason),
 * and the searches then run as before. Total work is unchanged; only its order is.
 * Measured by `npm run bench concurrent-chats` (first byte vs sources and whole).
 */
export interface AdmissionGate {
  /** Middleware around the admission part of a route: counts the request until its response exists. */
  readonly track: MiddlewareHandler<AppEnv>;
  /** Resolves when no admission is in flight, or after the gate's longest wait. */
  idle(): Promise<void>;
  /** Admissions in flight now (tests, diagnostics). */
  readonly admitting: number;
}

/**
 * The longest a question's work waits for other students' admissions. 200 questions sent at
 * once take ≈ 0.6 s to admit on this 2-core bench (their fetches arrive over that time); a
 * 250 ms cap let searches start halfway and first-byte p95 was 2.7 s, 1 s or more gave 0.6–0.7 s
 * with the searches done no later (npm run bench concurrent-chats, 2026-12-02 07:13 UTC).
 */
export const ADMISSION_MAX_WAIT_MS = 1_000;

export function createAdmissionGate(options: { maxWaitMs?: number } = {}): AdmissionGate {
  const maxWaitMs = options.maxWaitMs ?? ADMISSION_MAX_WAIT_MS;
  let admitting = 0;
  let waiters: (() => void)[] = [];
  const release = () => {
    const ready = waiters;
    waiters = [];
    for (const wake of ready) wake();
  };
  return {
    track: async (_c, next) => {
      admitting++;
      try {
        await next();
      } finally {
        admitting--;
        if (admitting === 0) release();
      }
    },
    idle() {
      if (admitting === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        let done = false;
        const wake = () => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== wake);
          wake();
        }, maxWaitMs);
        waiters.push(wake);
      });
    },
    get admitting() {
      return admitting;
    },
  };
}

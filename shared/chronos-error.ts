/**
 * The one error base. Every error Chronos throws on purpose says what it is (`code`, stable,
 * for logs and mapping), whether trying the same work later can help (`retryable`), and what
 * caused it (`cause`, the provider's or driver's own error, for the logs only).
 *
 * `ApiError` (what a client is answered) and the ports' errors (what adapters map a
 * provider's failure into) extend it. Subclasses set `name` literally: the Worker is minified,
 * so a class's own name is not kept.
 */
export abstract class ChronosError extends Error {
  abstract readonly code: string;
  abstract readonly retryable: boolean;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
}

/**
 * What the student sees when the creator has not named the assistant. Apart from the
 * zod schemas (shared/schemas/assistant-settings.ts re-exports it) so the student's first
 * screen can name the assistant without zod in its first download.
 */
export const DEFAULT_ASSISTANT_NAME = 'Chronos';

// First, before any schema below is built: no eval probe under the CSP (see the file).
import './zod-without-eval';
import { z } from 'zod';

/**
 * Every schema the student chat's first screen parses with, one chunk imported with its
 * first response (`lazy-schema.ts`), never before the first render. They are the shared
 * schemas themselves, re-exported: a fetcher names one here instead of importing it.
 */
export { AuthSession, SignOutResponse } from '../../shared/schemas/auth';
export { ChatStreamEvent } from '../../shared/schemas/chat';
export { ChatSessionList, ChatSessionMessages } from '../../shared/schemas/chat-history';
export { StarterQuestions } from '../../shared/schemas/chat-starters';
export { UpgradeRequestResponse } from '../../shared/schemas/plan';
export { SandboxInfo } from '../../shared/schemas/sandbox';
export { ChatUsage } from '../../shared/schemas/usage';
export { VideoPlayback } from '../../shared/schemas/videos';
export { Viewer } from '../../shared/schemas/viewer';

/** Any answer will do (feedback: the server answers 204 or the saved value). */
export const AnyAnswer = z.unknown();
/** A 204: no body at all. */
export const NoContent = z.undefined();

import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../shared/api-error';
import type { HealthResponse } from '../shared/schemas/health';
import type { LocalBlobServer } from './adapters/blob/local-blob-server';
import type { SandboxStreams } from './adapters/whop/sandbox-courses';
import type { SandboxWhop } from './adapters/whop/sandbox-whop';
import type { WhopImportSource } from './domain/imports/import-ports';
import { createAdmissionGate } from './http/admission-first';
import type { AppEnv } from './http/context';
import { notFound, onError } from './http/on-error';
import { privateNoStore } from './http/private-no-store';
import { limitPerUser, limitWhopCalls } from './http/rate-limit';
import { requestContext } from './http/request-context';
import { sandboxGuard } from './http/sandbox-guard';
import { securityHeaders } from './http/security-headers';
import type { SignInDeps } from './http/sign-in-deps';
import { requireAnyViewer, requireDashboardAdmin, requireExperienceViewer } from './http/whop-auth';
import type { Answerer } from './ports/answerer';
import type { AudioExtractor } from './ports/audio-extractor';
import type { BlobStore } from './ports/blob-store';
import type { Clock } from './ports/clock';
import type { Db } from './ports/db';
import type { Embedder } from './ports/embedder';
import type { JobQueue } from './ports/job-queue';
import type { Logger } from './ports/logger';
import type { RateLimits } from './ports/rate-limiter';
import type { Transcriber } from './ports/transcriber';
import type { UserTokenVerifier } from './ports/user-token-verifier';
import type { WhopApi } from './ports/whop';
import { authCallbackGet } from './routes/auth-callback-get';
import { authLoginGet } from './routes/auth-login-get';
import { authLogoutPost } from './routes/auth-logout-post';
import { mountSandboxOAuth } from './routes/auth-sandbox-oauth';
import { authSessionGet } from './routes/auth-session-get';
import { chatPost } from './routes/chat-post';
import { chatFeedbackPost, chatSessionDelete, chatSessionMessagesGet, chatSessionsGet } from './routes/chat-sessions';
import { chatStartersGet } from './routes/chat-starters-get';
import { courseModuleDelete, courseModulePatch, courseModulesPost } from './routes/course-modules';
import { courseOutlineGet, courseOutlinePut } from './routes/course-outline';
import { dashboardActivityGet } from './routes/dashboard-activity-get';
import { dashboardAssistantSettingsGet, dashboardAssistantSettingsPut } from './routes/dashboard-assistant-settings';
import { dashboardCheckoutPost } from './routes/dashboard-checkout-post';
import { dashboardContentGapsGet } from './routes/dashboard-content-gaps-get';
import { dashboardCostsGet } from './routes/dashboard-costs-get';
import {
  dashboardNoteDelete,
  dashboardNotePatch,
  dashboardNotesGet,
  dashboardNotesPost,
} from './routes/dashboard-notes';
import {
  dashboardNotificationSettingsGet,
  dashboardNotificationSettingsPut,
} from './routes/dashboard-notification-settings';
import { dashboardPlanGet } from './routes/dashboard-plan-get';
import { dashboardQuestionsExportGet } from './routes/dashboard-questions-export-get';
import { dashboardQuestionsGet } from './routes/dashboard-questions-get';
import { dashboardTestBenchPost } from './routes/dashboard-test-bench-post';
import { healthGet } from './routes/health-get';
import { lessonGet, lessonsGet } from './routes/lessons-get';
import { lessonsSearchGet } from './routes/lessons-search-get';
import { localBlobGet, localBlobPut } from './routes/local-blobs';
import { plansGet } from './routes/plans-get';
import { sandboxGet } from './routes/sandbox-get';
import { sandboxMuxGet } from './routes/sandbox-mux-get';
import { sandboxNotificationsGet } from './routes/sandbox-notifications-get';
import { sandboxCheckoutCompletePost, sandboxPlanCancelPost } from './routes/sandbox-plan-events-post';
import { sandboxTokenPost } from './routes/sandbox-token-post';
import { upgradeRequestsPost } from './routes/upgrade-requests-post';
import { usageGet } from './routes/usage-get';
import { videoCompletePost, videoReprocessPost, videoRetryPost } from './routes/video-actions-post';
import { videoCitationHeatGet } from './routes/video-citation-heat-get';
import { videoGet, videoPlaybackGet } from './routes/video-get';
import { videoDelete, videoPatch, videosCaptionsPost, videosGet } from './routes/videos';
import { videosPost } from './routes/videos-post';
import { viewerGet } from './routes/viewer-get';
import { webhooksWhopPost } from './routes/webhooks-whop-post';
import { whopImportCoursesGet } from './routes/whop-import-courses-get';
import { whopImportPost } from './routes/whop-import-post';

/** HTTP hardening that depends on the runtime and configuration; each part left out is off. */
export interface HttpPolicy {
  /** Supabase Storage's origin (videos stream from it, uploads go to it) for the CSP. */
  supabaseOrigin?: string | null;
  /**
   * The port the Node server listens on: sandbox routes answer only a loopback Host on it.
   * Default 80, the port of a Host without one (what `app.request('/path')` sends).
   */
  listenPort?: () => number;
  /** Per-user limits on chat and on Whop-calling requests; without them nothing is limited. */
  rateLimits?: RateLimits;
}

/** Everything the HTTP surface needs; entries build it, tests build their own. */
export interface AppDeps {
  db: Db;
  logger: Logger;
  clock: Clock;
  version: string;
  runtime: HealthResponse['runtime'];
  providers: HealthResponse['providers'];
  identity: {
    appId: string;
    verifier: UserTokenVerifier;
    whop: WhopApi;
    /** Only in the embedded default without Whop keys; null whenever real Whop is configured. */
    sandbox: SandboxWhop | null;
  };
  /** Embeddings and answers: real providers when configured, offline ones otherwise; no transcriber without a provider. */
  ai: { embedder: Embedder; answerer: Answerer; transcriber: Transcriber | null };
  /** Files and background work for the ingestion pipeline. */
  media: {
    /** Null when no storage is configured (Workers without Supabase): uploads answer 503. */
    blobs: BlobStore | null;
    jobs: JobQueue;
    /** A system ffmpeg (Node only) for files uploaded without browser-extracted audio. */
    audioExtractor: AudioExtractor | null;
    /** The disk store's signed-URL routes (embedded default only). */
    localBlobs?: LocalBlobServer | null;
  };
  /** Whop Courses and Mux for importing a creator's course; null/absent: the import answers 503. */
  whopImport?: WhopImportSource | null;
  /** The sandbox's Mux streams (sandbox mode with ffmpeg only), served under /api/sandbox/mux. */
  sandboxStreams?: SandboxStreams | null;
  /** Whop webhook signing secret; null when webhooks are not configured (they answer 503). */
  webhookSecret: string | null;
  /** Serves the embed build for non-API GETs (Node: disk; Workers: the ASSETS binding). */
  serveEmbed?: MiddlewareHandler<AppEnv>;
  http?: HttpPolicy;
  /** Sign in with Whop outside the iframe (sessions); null or absent when not configured. */
  signIn?: SignInDeps | null;
}

/** JSON bodies are small; uploads go straight to storage, never through these routes. */
const JSON_BODY_LIMIT = 64 * 1024;
/** A captions file travels as JSON text: 10 MB of captions plus the envelope. */
const CAPTIONS_BODY_LIMIT = 10 * 1024 * 1024 + 64 * 1024;

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestContext(deps.logger));
  app.use(
    '*',
    securityHeaders({
      supabaseOrigin: deps.http?.supabaseOrigin ?? null,
      allowSelfFraming: Boolean(deps.identity.sandbox),
    }),
  );
  app.use('/api/*', privateNoStore());
  const jsonLimit = bodyLimit({
    maxSize: JSON_BODY_LIMIT,
    onError: () => {
      throw new ApiError('PAYLOAD_TOO_LARGE', `Request bodies are limited to ${JSON_BODY_LIMIT / 1024} KB.`);
    },
  });
  const captionsLimit = bodyLimit({
    maxSize: CAPTIONS_BODY_LIMIT,
    onError: () => {
      throw new ApiError('PAYLOAD_TOO_LARGE', 'Captions files are limited to 10 MB.');
    },
  });
  // Captions travel as JSON text (alone, or with a video); local uploads stream to disk with their own limit.
  app.use('/api/*', (c, next) =>
    c.req.path.startsWith('/api/local-blobs/')
      ? next()
      : c.req.path === '/api/videos/captions' || c.req.path === '/api/videos'
        ? captionsLimit(c, next)
        : jsonLimit(c, next),
  );
  app.onError(onError);

  app.get('/api/health', healthGet(deps));
  app.get('/api/plans', plansGet(deps));
  app.get('/api/viewer', requireAnyViewer(deps), viewerGet(deps));
  app.post('/api/webhooks/whop', webhooksWhopPost(deps));
  app.get('/api/auth/login', authLoginGet(deps));
  app.get('/api/auth/callback', authCallbackGet(deps));
  app.get('/api/auth/session', authSessionGet(deps));
  app.post('/api/auth/logout', authLogoutPost(deps));

  const student = requireExperienceViewer(deps);
  const admin = requireDashboardAdmin(deps);
  app.get('/api/usage', student, usageGet(deps));
  app.post('/api/upgrade-requests', student, upgradeRequestsPost(deps));
  const rateLimits = deps.http?.rateLimits;
  // Admissions first: a question's search waits while other students' questions are being admitted.
  const admissions = createAdmissionGate();
  app.post(
    '/api/chat',
    admissions.track,
    student,
    limitPerUser(rateLimits?.chat, 'You are asking questions faster than Chronos answers them.'),
    chatPost(deps, admissions),
  );
  app.get('/api/chat/sessions', student, chatSessionsGet(deps));
  app.get('/api/chat/sessions/:id', student, chatSessionMessagesGet(deps));
  app.delete('/api/chat/sessions/:id', student, chatSessionDelete(deps));
  app.post('/api/chat/messages/:id/feedback', student, chatFeedbackPost(deps));
  app.get('/api/chat/starters', student, chatStartersGet(deps));
  app.get('/api/lessons', student, lessonsGet(deps));
  // Before `/api/lessons/:id`, which would take "search" for an id.
  app.get('/api/lessons/search', student, lessonsSearchGet(deps));
  app.get('/api/lessons/:id', student, lessonGet(deps));
  // Each try is a real retrieval (a query embedding with a real provider): limited like questions.
  app.post(
    '/api/dashboard/test-bench',
    admin,
    limitPerUser(rateLimits?.chat, 'You are trying questions faster than Chronos answers them.'),
    dashboardTestBenchPost(deps),
  );
  app.get('/api/dashboard/questions', admin, dashboardQuestionsGet(deps));
  app.get('/api/dashboard/questions/export', admin, dashboardQuestionsExportGet(deps));
  app.get('/api/dashboard/insights/gaps', admin, dashboardContentGapsGet(deps));
  app.get('/api/dashboard/insights/activity', admin, dashboardActivityGet(deps));
  app.get('/api/dashboard/notes', admin, dashboardNotesGet(deps));
  app.post('/api/dashboard/notes', admin, dashboardNotesPost(deps));
  app.patch('/api/dashboard/notes/:id', admin, dashboardNotePatch(deps));
  app.delete('/api/dashboard/notes/:id', admin, dashboardNoteDelete(deps));
  app.get('/api/dashboard/plan', admin, dashboardPlanGet(deps));
  app.post('/api/dashboard/checkout', admin, limitWhopCalls(rateLimits?.whop), dashboardCheckoutPost(deps));
  app.get('/api/videos', admin, videosGet(deps));
  app.post('/api/videos/captions', admin, videosCaptionsPost(deps));
  app.post('/api/videos', admin, videosPost(deps));
  app.get('/api/videos/:id', admin, videoGet(deps));
  app.get('/api/videos/:id/citation-heat', admin, videoCitationHeatGet(deps));
  app.get('/api/videos/:id/playback', requireAnyViewer(deps), videoPlaybackGet(deps));
  app.post('/api/videos/:id/complete', admin, videoCompletePost(deps));
  app.post('/api/videos/:id/retry', admin, videoRetryPost(deps));
  app.post('/api/videos/:id/reprocess', admin, videoReprocessPost(deps));
  app.patch('/api/videos/:id', admin, videoPatch(deps));
  app.delete('/api/videos/:id', admin, videoDelete(deps));
  app.get('/api/dashboard/costs', admin, dashboardCostsGet(deps));
  app.get('/api/course/outline', admin, courseOutlineGet(deps));
  app.put('/api/course/outline', admin, courseOutlinePut(deps));
  app.post('/api/course/modules', admin, courseModulesPost(deps));
  app.patch('/api/course/modules/:id', admin, courseModulePatch(deps));
  app.delete('/api/course/modules/:id', admin, courseModuleDelete(deps));
  app.get('/api/dashboard/notification-settings', admin, dashboardNotificationSettingsGet(deps));
  app.put('/api/dashboard/notification-settings', admin, dashboardNotificationSettingsPut(deps));
  app.get('/api/dashboard/assistant-settings', admin, dashboardAssistantSettingsGet(deps));
  app.put('/api/dashboard/assistant-settings', admin, dashboardAssistantSettingsPut(deps));
  app.get('/api/whop-import/courses', admin, limitWhopCalls(rateLimits?.whop), whopImportCoursesGet(deps));
  app.post('/api/whop-import', admin, limitWhopCalls(rateLimits?.whop), whopImportPost(deps));

  const localBlobs = deps.media.localBlobs;
  if (localBlobs) {
    app.put('/api/local-blobs/:token', localBlobPut(localBlobs, deps.db));
    app.on(['GET', 'HEAD'], '/api/local-blobs/:token', localBlobGet(localBlobs));
  }

  const sandbox = deps.identity.sandbox;
  if (sandbox) {
    const listenPort = deps.http?.listenPort ?? (() => 80);
    // Hono's `/api/sandbox/*` also matches `/api/sandbox` itself.
    app.use('/api/sandbox/*', sandboxGuard({ port: listenPort }));
    app.get('/api/sandbox', sandboxGet(sandbox));
    app.post('/api/sandbox/token', sandboxTokenPost(sandbox));
    app.get('/api/sandbox/notifications', sandboxNotificationsGet(sandbox));
    if (deps.sandboxStreams) app.get('/api/sandbox/mux/:playbackId/:file', sandboxMuxGet(deps.sandboxStreams));
    const send = (request: Request) => Promise.resolve(app.fetch(request));
    app.post('/api/sandbox/checkout/complete', sandboxCheckoutCompletePost(sandbox, send));
    app.post('/api/sandbox/plan/cancel', sandboxPlanCancelPost(sandbox, send, deps.db));
    if (deps.signIn?.sandboxOAuth) mountSandboxOAuth(app, deps.signIn.sandboxOAuth, listenPort);
  }

  const serveEmbed = deps.serveEmbed;
  if (serveEmbed) {
    // Everything outside /api is the embed (the SPA routes it); /api misses fall to notFound.
    app.get('*', (c, next) => (c.req.path === '/api' || c.req.path.startsWith('/api/') ? next() : serveEmbed(c, next)));
  }
  app.notFound(notFound);
  return app;
}

import type { NotificationKind } from '../../../shared/schemas/notifications';
import type { TranscribedSegment } from '../transcriber';
import {
  bool,
  creatorTier,
  date,
  int2,
  int4,
  int8,
  jsonb,
  numeric,
  type RowOf,
  table,
  text,
  timestamptz,
  tsvector,
  uuid,
  uuidArray,
  vector,
  videoStatus,
} from './columns';

/**
 * Every table the migrations create (supabase/migrations), column by column: the one
 * typed source of row types. tests/server/adapters/db/declared-schema.test.ts applies
 * the migrations and fails when a table or column here differs from the database
 * (type, nullability, a column or table missing on either side). Text columns with a
 * check constraint narrow to the values it allows (the test does not read checks).
 * Column order follows the database.
 */

/** What a provider call was for (api_costs.operation). */
export type CostOperation = 'transcription' | 'embedding' | 'answer' | 'query_rewrite' | 'query_embedding';

export const apiCosts = table('api_costs', {
  id: int8(),
  creator_id: text(),
  video_id: uuid().orNull(),
  message_id: uuid().orNull(),
  provider: text(),
  operation: text<CostOperation>(),
  model: text(),
  units: numeric(),
  unit_kind: text<'audio_minutes' | 'input_tokens' | 'output_tokens' | 'tokens'>(),
  cost_usd: numeric(),
  created_at: timestamptz(),
});
export const assistantSettings = table('assistant_settings', {
  creator_id: text(),
  name: text(),
  greeting: text(),
  /** The creator's own starter questions, in order. */
  starters: jsonb<string[]>(),
  teaching_mode: text<'answer' | 'guide'>(),
  updated_at: timestamptz(),
});
export const authSessions = table('auth_sessions', {
  id: uuid(),
  id_hash: text(),
  previous_id_hash: text().orNull(),
  previous_valid_until: timestamptz().orNull(),
  whop_user_id: text(),
  csrf_token: text(),
  access_token_sealed: text(),
  refresh_token_sealed: text().orNull(),
  access_expires_at: timestamptz(),
  refreshing_until: timestamptz().orNull(),
  created_at: timestamptz(),
  last_used_at: timestamptz(),
  idle_expires_at: timestamptz(),
  expires_at: timestamptz(),
  revoked_at: timestamptz().orNull(),
  revoked_reason: text<'sign_out' | 'sign_out_everywhere' | 'refresh_rejected' | 'unreadable'>().orNull(),
});
export const authSignInAttempts = table('auth_sign_in_attempts', {
  id_hash: text(),
  state: text(),
  nonce: text(),
  code_verifier_sealed: text(),
  next_path: text(),
  expires_at: timestamptz(),
  created_at: timestamptz(),
});
export const chatMessages = table('chat_messages', {
  id: uuid(),
  session_id: uuid(),
  creator_id: text(),
  user_id: text(),
  role: text<'user' | 'assistant'>(),
  content: text(),
  status: text<'streaming' | 'complete' | 'failed' | 'stopped'>(),
  citations: jsonb(),
  sources: jsonb(),
  latency_ms: int4().orNull(),
  input_tokens: int4().orNull(),
  output_tokens: int4().orNull(),
  cost_usd: numeric(),
  feedback: int2().orNull(),
  created_at: timestamptz(),
  quota_period: date().orNull(),
});
export const chatSessions = table('chat_sessions', {
  id: uuid(),
  creator_id: text(),
  experience_id: text(),
  user_id: text(),
  title: text(),
  created_at: timestamptz(),
  updated_at: timestamptz(),
  asked_as: text<'student' | 'creator'>(),
});
export const chatUsage = table('chat_usage', {
  creator_id: text(),
  user_id: text(),
  period_start: date(),
  questions_used: int4(),
  updated_at: timestamptz(),
});
export const chunks = table('chunks', {
  id: int8(),
  creator_id: text(),
  video_id: uuid(),
  seq: int4(),
  start_seconds: numeric(),
  end_seconds: numeric(),
  text: text(),
  token_count: int4(),
  embedding: vector().orNull(),
  embedding_model: text().orNull(),
  created_at: timestamptz(),
  context: text(),
  tsv: tsvector().orNull(),
});
export const contentGapChecks = table('content_gap_checks', {
  creator_id: text(),
  checked_at: timestamptz(),
  wanted_at: timestamptz().orNull(),
});
export const contentGapNotices = table('content_gap_notices', {
  creator_id: text(),
  gap_key: uuid(),
  noticed_at: timestamptz(),
  members: uuidArray(),
});
export const contentGapResolutions = table('content_gap_resolutions', {
  message_id: uuid(),
  creator_id: text(),
  video_id: uuid().orNull(),
  resolved_at: timestamptz(),
});
export const courseModules = table('course_modules', {
  id: uuid(),
  creator_id: text(),
  title: text(),
  position: int4(),
  created_at: timestamptz(),
  updated_at: timestamptz(),
  whop_chapter_id: text().orNull(),
});
export const courseStats = table('course_stats', {
  creator_id: text(),
  chunks: int4(),
  lexemes: int8(),
});
export const courseTerms = table('course_terms', {
  creator_id: text(),
  lexeme: text(),
  chunks: int4(),
});
export const creatorMemberships = table('creator_memberships', {
  membership_id: text(),
  creator_id: text(),
  plan_id: text(),
  tier: creatorTier(),
  status: text(),
  valid: bool(),
  cancel_at_period_end: bool(),
  whop_updated_at: timestamptz(),
  updated_at: timestamptz(),
});
export const creatorNotes = table('creator_notes', {
  id: uuid(),
  creator_id: text(),
  message_id: uuid().orNull(),
  question: text(),
  body: text(),
  video_id: uuid().orNull(),
  start_seconds: numeric().orNull(),
  embedding: vector().orNull(),
  embedding_model: text(),
  tsv: tsvector().orNull(),
  created_at: timestamptz(),
  updated_at: timestamptz(),
});
export const creatorTierHistory = table('creator_tier_history', {
  id: int8(),
  creator_id: text(),
  from_tier: creatorTier(),
  to_tier: creatorTier(),
  reason: text(),
  webhook_event_id: text().orNull(),
  created_at: timestamptz(),
});
export const creators = table('creators', {
  id: text(),
  name: text().orNull(),
  tier: creatorTier(),
  tier_updated_at: timestamptz().orNull(),
  storage_bytes_used: int8(),
  video_count: int4(),
  created_at: timestamptz(),
  updated_at: timestamptz(),
});
export const experiences = table('experiences', {
  id: text(),
  creator_id: text(),
  name: text().orNull(),
  created_at: timestamptz(),
  updated_at: timestamptz(),
  resolved_at: timestamptz(),
});
export const notificationLog = table('notification_log', {
  id: int8(),
  creator_id: text(),
  kind: text<NotificationKind>(),
  audience: text(),
  title: text(),
  content: text(),
  rest_path: text().orNull(),
  outcome: text<'sent' | 'failed'>(),
  created_at: timestamptz(),
});
export const notificationSettings = table('notification_settings', {
  creator_id: text(),
  upgrade_requests: bool(),
  unanswered_questions: bool(),
  new_lessons: bool(),
  unanswered_threshold: int4(),
  updated_at: timestamptz(),
});
export const notificationWindows = table('notification_windows', {
  creator_id: text(),
  kind: text<NotificationKind>(),
  window_start: timestamptz(),
  sent: int4(),
});
export const tierConfigurations = table('tier_configurations', {
  tier: creatorTier(),
  display_name: text(),
  storage_bytes_limit: int8().orNull(),
  chat_questions_limit: int4().orNull(),
  chat_period: text<'total' | 'day'>(),
  video_count_limit: int4().orNull(),
  price_cents_monthly: int4(),
  sort_order: int2(),
});
export const transcriptSegments = table('transcript_segments', {
  id: int8(),
  creator_id: text(),
  video_id: uuid(),
  seq: int4(),
  start_seconds: numeric(),
  end_seconds: numeric(),
  text: text(),
});
export const upgradeRequests = table('upgrade_requests', {
  creator_id: text(),
  user_id: text(),
  experience_id: text().orNull(),
  created_at: timestamptz(),
});
export const users = table('users', {
  id: text(),
  username: text().orNull(),
  name: text().orNull(),
  created_at: timestamptz(),
  last_seen_at: timestamptz(),
  profile_refreshed_at: timestamptz().orNull(),
});
export const videoAudioParts = table('video_audio_parts', {
  video_id: uuid(),
  creator_id: text(),
  seq: int4(),
  storage_key: text(),
  offset_seconds: numeric(),
  duration_seconds: numeric(),
  size_bytes: int8(),
  /** The part's transcript in video time, once had. */
  transcript: jsonb<TranscribedSegment[]>().orNull(),
  language: text().orNull(),
  transcribed_at: timestamptz().orNull(),
});
export const videos = table('videos', {
  id: uuid(),
  creator_id: text(),
  title: text(),
  source_kind: text<'video' | 'audio' | 'captions'>(),
  storage_key: text().orNull(),
  mime_type: text().orNull(),
  size_bytes: int8(),
  duration_seconds: numeric().orNull(),
  status: videoStatus(),
  progress: numeric(),
  error: text().orNull(),
  attempts: int4(),
  chunk_count: int4(),
  uploaded_at: timestamptz().orNull(),
  completed_at: timestamptz().orNull(),
  created_at: timestamptz(),
  updated_at: timestamptz(),
  transcript_source: text<'captions' | 'transcription'>().orNull(),
  language: text().orNull(),
  processing_started_at: timestamptz().orNull(),
  stage_started_at: timestamptz().orNull(),
  upload_expires_at: timestamptz().orNull(),
  lease_expires_at: timestamptz().orNull(),
  lease_token: uuid().orNull(),
  position: int4().orNull(),
  module_id: uuid().orNull(),
  students_notified_at: timestamptz().orNull(),
});
export const webhookEvents = table('webhook_events', {
  id: text(),
  type: text(),
  company_id: text().orNull(),
  payload: jsonb(),
  received_at: timestamptz(),
  processed_at: timestamptz().orNull(),
  outcome: text().orNull(),
});
export const whopAccessCache = table('whop_access_cache', {
  user_id: text(),
  resource_id: text(),
  access_level: text<'admin' | 'customer' | 'no_access'>(),
  checked_at: timestamptz(),
  expires_at: timestamptz(),
});
export const whopLessonImports = table('whop_lesson_imports', {
  creator_id: text(),
  whop_lesson_id: text(),
  video_id: uuid().orNull(),
  course_id: text(),
  course_title: text(),
  chapter_id: text(),
  chapter_title: text(),
  chapter_order: int4(),
  lesson_order: int4(),
  lesson_title: text(),
  mux_asset_id: text().orNull(),
  mux_playback_id: text().orNull(),
  mux_playback_signed: bool(),
  content_hash: text(),
  transcript_from: text<'captions' | 'audio'>(),
  removed_at: timestamptz().orNull(),
  imported_at: timestamptz(),
  updated_at: timestamptz(),
});
export const whopPlanTiers = table('whop_plan_tiers', {
  plan_id: text(),
  tier: creatorTier(),
  created_at: timestamptz(),
});

/** Every declared table, for the declared-schema test. */
export const declaredTables = [
  apiCosts,
  assistantSettings,
  authSessions,
  authSignInAttempts,
  chatMessages,
  chatSessions,
  chatUsage,
  chunks,
  contentGapChecks,
  contentGapNotices,
  contentGapResolutions,
  courseModules,
  courseStats,
  courseTerms,
  creatorMemberships,
  creatorNotes,
  creatorTierHistory,
  creators,
  experiences,
  notificationLog,
  notificationSettings,
  notificationWindows,
  tierConfigurations,
  transcriptSegments,
  upgradeRequests,
  users,
  videoAudioParts,
  videos,
  webhookEvents,
  whopAccessCache,
  whopLessonImports,
  whopPlanTiers,
];

export type ApiCostRow = RowOf<typeof apiCosts>;
export type AssistantSettingRow = RowOf<typeof assistantSettings>;
export type AuthSessionRow = RowOf<typeof authSessions>;
export type AuthSignInAttemptRow = RowOf<typeof authSignInAttempts>;
export type ChatMessageRow = RowOf<typeof chatMessages>;
export type ChatSessionRow = RowOf<typeof chatSessions>;
export type ChatUsageRow = RowOf<typeof chatUsage>;
export type ChunkRow = RowOf<typeof chunks>;
export type ContentGapCheckRow = RowOf<typeof contentGapChecks>;
export type ContentGapNoticeRow = RowOf<typeof contentGapNotices>;
export type ContentGapResolutionRow = RowOf<typeof contentGapResolutions>;
export type CourseModuleRow = RowOf<typeof courseModules>;
export type CourseStatRow = RowOf<typeof courseStats>;
export type CourseTermRow = RowOf<typeof courseTerms>;
export type CreatorMembershipRow = RowOf<typeof creatorMemberships>;
export type CreatorNoteRow = RowOf<typeof creatorNotes>;
export type CreatorTierHistoryRow = RowOf<typeof creatorTierHistory>;
export type CreatorRow = RowOf<typeof creators>;
export type ExperienceRow = RowOf<typeof experiences>;
export type NotificationLogRow = RowOf<typeof notificationLog>;
export type NotificationSettingRow = RowOf<typeof notificationSettings>;
export type NotificationWindowRow = RowOf<typeof notificationWindows>;
export type TierConfigurationRow = RowOf<typeof tierConfigurations>;
export type TranscriptSegmentRow = RowOf<typeof transcriptSegments>;
export type UpgradeRequestRow = RowOf<typeof upgradeRequests>;
export type UserRow = RowOf<typeof users>;
export type VideoAudioPartRow = RowOf<typeof videoAudioParts>;
export type VideoRow = RowOf<typeof videos>;
export type WebhookEventRow = RowOf<typeof webhookEvents>;
export type WhopAccessCacheRow = RowOf<typeof whopAccessCache>;
export type WhopLessonImportRow = RowOf<typeof whopLessonImports>;
export type WhopPlanTierRow = RowOf<typeof whopPlanTiers>;

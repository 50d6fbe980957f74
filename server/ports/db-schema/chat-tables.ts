import type { NotificationKind } from '../../../shared/schemas/notifications';
import {
  bool,
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
} from './columns';

/**
 * Students' questions and what answers them: sessions, messages, usage, the creator's notes and
 * assistant, content gaps, notifications. (The conventions are in tables.ts, which gathers every
 * area.)
 */

export const assistantSettings = table('assistant_settings', {
  creator_id: text(),
  name: text(),
  greeting: text(),
  /** The creator's own starter questions, in order. */
  starters: jsonb<string[]>(),
  teaching_mode: text<'answer' | 'guide'>(),
  updated_at: timestamptz(),
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

export type AssistantSettingRow = RowOf<typeof assistantSettings>;
export type ChatMessageRow = RowOf<typeof chatMessages>;
export type ChatSessionRow = RowOf<typeof chatSessions>;
export type ChatUsageRow = RowOf<typeof chatUsage>;
export type ContentGapCheckRow = RowOf<typeof contentGapChecks>;
export type ContentGapNoticeRow = RowOf<typeof contentGapNotices>;
export type ContentGapResolutionRow = RowOf<typeof contentGapResolutions>;
export type CreatorNoteRow = RowOf<typeof creatorNotes>;
export type NotificationLogRow = RowOf<typeof notificationLog>;
export type NotificationSettingRow = RowOf<typeof notificationSettings>;
export type NotificationWindowRow = RowOf<typeof notificationWindows>;

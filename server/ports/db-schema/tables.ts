/**
 * Every table the migrations create (supabase/migrations), column by column: the one
 * typed source of row types, declared by area in the files below and gathered here.
 * tests/server/adapters/db/declared-schema.test.ts applies the migrations and fails
 * when a table or column differs from the database (type, nullability, a column or
 * table missing on either side). Text columns with a check constraint narrow to the
 * values it allows (the test does not read checks). Column order follows the database.
 */
import {
  assistantSettings,
  chatMessages,
  chatSessions,
  chatUsage,
  contentGapChecks,
  contentGapNotices,
  contentGapResolutions,
  creatorNotes,
  notificationLog,
  notificationSettings,
  notificationWindows,
} from './chat-tables';
import { authSessions, authSignInAttempts, creators, experiences, users, whopAccessCache } from './identity-tables';
import {
  chunks,
  courseModules,
  courseStats,
  courseTerms,
  transcriptSegments,
  videoAudioParts,
  videos,
  whopLessonImports,
} from './lessons-tables';
import {
  apiCosts,
  creatorMemberships,
  creatorTierHistory,
  tierConfigurations,
  upgradeRequests,
  webhookEvents,
  whopPlanTiers,
} from './plans-tables';

export * from './chat-tables';
export * from './identity-tables';
export * from './lessons-tables';
export * from './plans-tables';

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

import { z } from 'zod';

/** What a creator can be told through Whop, and what students can be told. */
export const NotificationKind = z.enum(['upgrade_request', 'unanswered_question', 'content_gap', 'new_lessons']);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** The creator's opt-ins: every kind is off until the creator turns it on. */
export const NotificationSettings = z.object({
  upgradeRequests: z.boolean(),
  unansweredQuestions: z.boolean(),
  newLessons: z.boolean(),
  /** Times a question goes without a grounded answer before the creator hears of it. */
  unansweredThreshold: z.number().int().min(1).max(100),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

/** PUT /api/dashboard/notification-settings: the whole settings, replaced. */
export const NotificationSettingsUpdate = z
  .object({
    upgradeRequests: z.boolean(),
    unansweredQuestions: z.boolean(),
    newLessons: z.boolean(),
    unansweredThreshold: z.number().int().min(1, 'At least 1.').max(100, 'At most 100.'),
  })
  .strict();
export type NotificationSettingsUpdate = z.infer<typeof NotificationSettingsUpdate>;

/** Sandbox only: a notification as the sandbox's Whop received it. */
export const SandboxNotification = z.object({
  at: z.string(),
  audience: z.union([
    z.object({ kind: z.literal('company'), companyId: z.string() }),
    z.object({ kind: z.literal('experience'), experienceId: z.string() }),
  ]),
  title: z.string(),
  subtitle: z.string().nullable(),
  content: z.string(),
  /** Where a tap opens the app: the view path with the rest path appended. */
  deepLink: z.string(),
});
export type SandboxNotification = z.infer<typeof SandboxNotification>;

export const SandboxNotificationList = z.object({ notifications: z.array(SandboxNotification) });
export type SandboxNotificationList = z.infer<typeof SandboxNotificationList>;

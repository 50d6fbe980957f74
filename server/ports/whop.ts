import { ChronosError } from '../../shared/chronos-error';
/** What Chronos asks Whop. Real: Whop's REST API v1; local: the sandbox's demo community. */
export type WhopAccessLevel = 'admin' | 'customer' | 'no_access';

export interface WhopExperience {
  id: string;
  name: string | null;
  companyId: string;
  companyName: string | null;
}

export interface WhopCompany {
  id: string;
  name: string | null;
}

export interface WhopUser {
  id: string;
  username: string | null;
  name: string | null;
}

/**
 * A push notification in Whop's web and mobile apps. A company audience is its team
 * (the creator); an experience audience is everyone with access to it (the students).
 * `restPath` is appended to the app's view path, so a tap opens the right screen.
 */
export interface WhopNotification {
  audience: { kind: 'company'; companyId: string } | { kind: 'experience'; experienceId: string };
  title: string;
  content: string;
  subtitle?: string;
  restPath?: string;
}

export interface WhopApi {
  /** null when Whop has no such experience. */
  getExperience(experienceId: string): Promise<WhopExperience | null>;
  getCompany(companyId: string): Promise<WhopCompany | null>;
  getUser(userId: string): Promise<WhopUser | null>;
  /** Access level of a user on an experience or company. */
  checkAccess(userId: string, resourceId: string): Promise<WhopAccessLevel>;
  /** A checkout for one of our plans, carrying metadata back to us in the membership webhooks. */
  createCheckout(input: { planId: string; metadata: Record<string, string> }): Promise<{ id: string; planId: string }>;
  /** Queues a notification at Whop; throws WhopUnavailableError when Whop does not take it. */
  sendNotification(notification: WhopNotification): Promise<void>;
}

/** Thrown by adapters when Whop cannot answer (down, timed out, refused our key). */
export class WhopUnavailableError extends ChronosError {
  readonly code = 'WHOP_UNAVAILABLE';
  readonly retryable = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WhopUnavailableError';
  }
}

import type { WebhookEventRow } from '../db-schema/tables';

/** The `webhook_events` table: Whop deliveries, once per webhook id. */
export interface WebhookEventsTable {
  /** Records a delivery; false when its id was recorded before (a redelivery). */
  recordOnce(event: Pick<WebhookEventRow, 'id' | 'type' | 'company_id'> & { payload: unknown }): Promise<boolean>;
  /** Marks it processed now, with what came of it. */
  finish(input: { id: string; outcome: string }): Promise<void>;
}

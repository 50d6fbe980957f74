import type { ApiCostRow, CostOperation } from '../db-schema/tables';

/** One billed provider call. */
export interface NewApiCost {
  creatorId: string;
  videoId: string | null;
  /** Linked only while the message exists (a conversation deleted mid-answer leaves its costs unlinked). */
  messageId: string | null;
  provider: string;
  operation: CostOperation;
  model: string;
  units: number;
  unitKind: ApiCostRow['unit_kind'];
  costUsd: number;
}

/** Spend of one UTC month (exact text sums). */
export interface MonthlyCostRow {
  /** `YYYY-MM`. */
  month: string;
  transcription_usd: string | null;
  embedding_usd: string | null;
  answer_usd: string | null;
  audio_minutes: string;
  tokens: string;
}

/** One lesson's spend per operation, model and unit. */
export type VideoCostRow = Pick<ApiCostRow, 'operation' | 'model' | 'unit_kind' | 'units' | 'cost_usd'>;

/** The `api_costs` table (server/adapters/db/tables/api-costs-table.ts). */
export interface ApiCostsTable {
  /** Every entry in one statement. */
  insertMany(entries: readonly NewApiCost[]): Promise<void>;
  /** The last 12 UTC months that had any spend, newest first. */
  monthlyTotals(creatorId: string): Promise<MonthlyCostRow[]>;
  /** What one lesson cost, per operation, model and unit, by operation. */
  totalsForVideo(input: { creatorId: string; videoId: string }): Promise<VideoCostRow[]>;
  /** Chat spend (answers, rewrites, query embeddings) per UTC day from `since` (`YYYY-MM-DD`), days with any only. */
  dailyChatCosts(input: { creatorId: string; since: string }): Promise<{ day: string; cost_usd: number }[]>;
}

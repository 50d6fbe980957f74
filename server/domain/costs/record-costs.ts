import type { Db } from '../../ports/db';
import type { CostOperation } from '../../ports/db-schema/tables';

/** One billed provider call, as `api_costs` keeps it. */
export interface CostEntry {
  creatorId: string;
  /** The lesson an ingestion cost belongs to. */
  videoId?: string | null;
  /**
   * The answer a chat cost belongs to, linked through a lookup: a conversation deleted while the
   * answer streamed takes the message with it, and its costs stay, unlinked.
   */
  messageId?: string | null;
  provider: string;
  operation: CostOperation;
  model: string;
  units: number;
  unitKind: 'tokens' | 'audio_minutes';
  costUsd: number;
}

/** The one place provider costs are written: every entry in one statement, in the caller's transaction. */
export async function recordCosts(db: Pick<Db, 'tables'>, entries: readonly CostEntry[]): Promise<void> {
  await db.tables.apiCosts.insertMany(
    entries.map((e) => ({
      creatorId: e.creatorId,
      videoId: e.videoId ?? null,
      messageId: e.messageId ?? null,
      provider: e.provider,
      operation: e.operation,
      model: e.model,
      units: e.units,
      unitKind: e.unitKind,
      costUsd: e.costUsd,
    })),
  );
}

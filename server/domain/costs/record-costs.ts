import type { Db } from '../../ports/db';

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
  operation: 'answer' | 'query_rewrite' | 'query_embedding' | 'embedding' | 'transcription';
  model: string;
  units: number;
  unitKind: 'tokens' | 'audio_minutes';
  costUsd: number;
}

/** The one place provider costs are written: every entry in one statement, in the caller's transaction. */
export async function recordCosts(db: Pick<Db, 'query'>, entries: readonly CostEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const params: unknown[] = [];
  const rows = entries.map((e) => {
    const at = params.length;
    params.push(
      e.creatorId,
      e.videoId ?? null,
      e.messageId ?? null,
      e.provider,
      e.operation,
      e.model,
      e.units,
      e.unitKind,
      e.costUsd,
    );
    const p = (k: number) => `$${at + k}`;
    return `(${p(1)}, ${p(2)}::uuid, (select id from chat_messages where id = ${p(3)}::uuid), ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)})`;
  });
  await db.query(
    `insert into api_costs (creator_id, video_id, message_id, provider, operation, model, units, unit_kind, cost_usd)
     values ${rows.join(', ')}`,
    params,
  );
}

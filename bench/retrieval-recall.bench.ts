import { createOfflineLexicalEmbedder } from '../server/adapters/embedder/offline-lexical-embedder';
import { HNSW_SCAN_SETTINGS, setLocalSql, VECTOR_CANDIDATES_SQL } from '../server/domain/chat/retrieval-sql';
import { CANDIDATES_PER_LIST } from '../server/domain/chat/retrieve-sources';
import type { Db } from '../server/ports/db';
import { openBenchDatabase } from './support/bench-database';
import { creatorIdOf, sampleQuestions } from './support/course-corpus';
import { median, ms } from './support/latency-stats';

const QUERIES = 200;
/** retrieve-sources.ts asks for 30 candidates per list (CANDIDATES_PER_LIST); recall is judged on the top 10. */
const CANDIDATES = CANDIDATES_PER_LIST;
const K = 10;
/** Tried in order when the production setting misses the recall target. */
const EF_SEARCH_LADDER = [200, 400, 800];

/** The exact answer: the same statement with every index scan off, so Postgres computes each distance. */
const EXACT_SETTINGS = { enable_indexscan: 'off', enable_bitmapscan: 'off', enable_indexonlyscan: 'off' };

interface Variant {
  settings: Readonly<Record<string, string>>;
  sql?: string;
}

/**
 * The same statement with the creator filter hidden from partition pruning (the
 * same rows qualify, but Postgres must scan every creator's partition and filter):
 * the exact scan of one shared chunks table, the design this replaced.
 */
const WHOLE_TABLE_SQL = VECTOR_CANDIDATES_SQL.replace('where c.creator_id = $1\n', "where (c.creator_id || '') = $1\n");
// A silent no-op would compare production with itself.
if (WHOLE_TABLE_SQL === VECTOR_CANDIDATES_SQL)
  throw new Error('retrieval-recall: the creator filter of VECTOR_CANDIDATES_SQL changed; update WHOLE_TABLE_SQL');

async function nearest(db: Db, variant: Variant, params: unknown[]) {
  const started = performance.now();
  const rows = await db.transaction(async (tx) => {
    await tx.query(setLocalSql(variant.settings));
    return tx.query<{ id: string | number }>(variant.sql ?? VECTOR_CANDIDATES_SQL, params);
  });
  return { ids: rows.map((r) => Number(r.id)), ms: performance.now() - started };
}

/**
 * How the vector list reads chunks under these settings: the first scan of the plan,
 * with how many partitions it reads when more than one ("Seq Scan … × 50 partitions").
 */
async function scanUsed(db: Db, variant: Variant, params: unknown[]): Promise<string> {
  const plan = await db.transaction(async (tx) => {
    await tx.query(setLocalSql(variant.settings));
    return tx.query<{ 'QUERY PLAN': string }>(`explain ${variant.sql ?? VECTOR_CANDIDATES_SQL}`, params);
  });
  // The first statement of the plan is the nearest-chunks CTE; later scans of chunks fetch its rows by id.
  const scans = plan.map((r) => r['QUERY PLAN']).filter((l) => /Scan/.test(l) && / on chunks_/.test(l));
  const partitions = new Set(scans.map((l) => / on (chunks_\w+)/.exec(l)![1]));
  const first = (scans[0] ?? 'unknown')
    .trim()
    .replace(/^->\s*/, '')
    .replace(/\s+\(cost.*$/, '')
    .replace(/ on chunks_\w+ \w+$/, '');
  return partitions.size > 2 ? `${first} × ${partitions.size} partitions` : `${first} (one creator's partition)`;
}

/**
 * The vector half of production retrieval (VECTOR_CANDIDATES_SQL: the HNSW index
 * of the creator's own partition, iterative scan) against exact scans returning
 * the same rows: of the creator's partition (every index off: the best exact plan
 * on this schema) and of the whole table (no partition pruning: one shared table's
 * exact scan). Median latency of each, the speed-ups, and recall@10.
 * Target (issue #6): ≥ 10× faster than an exact scan at recall@10 ≥ 0.95.
 */
export async function benchRetrievalRecall() {
  const { db, creators, chunks } = await openBenchDatabase();
  const embedder = createOfflineLexicalEmbedder();
  const questions = sampleQuestions(QUERIES, creators, 11);
  const { vectors } = await embedder.embed(questions.map((q) => q.text));
  const params = questions.map((q, i) => [
    creatorIdOf(q.creator),
    q.text,
    `[${vectors[i]!.join(',')}]`,
    embedder.model,
    CANDIDATES,
  ]);

  const production: Variant = { settings: HNSW_SCAN_SETTINGS };
  const exact: Variant = { settings: EXACT_SETTINGS };
  const wholeTable: Variant = { settings: EXACT_SETTINGS, sql: WHOLE_TABLE_SQL };
  // Each plan runs over every question once before it is measured: its pages are then
  // in the cache, as they are for a database in use (all the plans' pages together
  // do not fit, so a plan measured cold would mostly time the reads of the one before).
  const warm = async (variant: Variant) => {
    for (const p of params) await nearest(db, variant, p);
  };
  await warm(exact);
  const truth: number[][] = [];
  const exactMs: number[] = [];
  for (const p of params) {
    const r = await nearest(db, exact, p);
    truth.push(r.ids.slice(0, K));
    exactMs.push(r.ms);
  }

  const measure = async (variant: Variant) => {
    await warm(variant);
    const times: number[] = [];
    let found = 0;
    for (const [i, p] of params.entries()) {
      const r = await nearest(db, variant, p);
      times.push(r.ms);
      const top = new Set(r.ids.slice(0, K));
      found += truth[i]!.filter((id) => top.has(id)).length;
    }
    const expected = truth.reduce((sum, t) => sum + t.length, 0);
    return { median: median(times), recall: expected ? found / expected : 1 };
  };

  const prod = await measure(production);
  const table = await measure(wholeTable);
  const exactMedian = median(exactMs);
  const figures: Record<string, string> = {
    queries: `${QUERIES}, each filtered to one creator (${(chunks / creators).toLocaleString('en')} of ${chunks.toLocaleString('en')} chunks)`,
    'production plan': await scanUsed(db, production, params[0]!),
    'production median': `${ms(prod.median)}, recall@10 ${prod.recall.toFixed(3)}`,
    'exact, creator': `${await scanUsed(db, exact, params[0]!)}: median ${ms(exactMedian)}`,
    'exact, whole table': `${await scanUsed(db, wholeTable, params[0]!)}: median ${ms(table.median)}, recall@10 ${table.recall.toFixed(3)}`,
    'speed-up vs table': `${(table.median / prod.median).toFixed(1)}×`,
    'speed-up vs creator': `${(exactMedian / prod.median).toFixed(1)}×`,
  };
  if (prod.recall < 0.95) {
    for (const ef of EF_SEARCH_LADDER) {
      const tuned = await measure({ settings: { ...HNSW_SCAN_SETTINGS, 'hnsw.ef_search': String(ef) } });
      figures[`ef_search ${ef}`] = `recall@10 ${tuned.recall.toFixed(3)}, median ${ms(tuned.median)}`;
      if (tuned.recall >= 0.95) break;
    }
  }
  const verdict = (baseline: number) => (baseline / prod.median >= 10 && prod.recall >= 0.95 ? 'met' : 'MISSED');
  figures.target = '≥ 10× faster, recall@10 ≥ 0.95';
  figures['verdict vs table'] = verdict(table.median);
  figures['verdict vs creator'] = verdict(exactMedian);
  return { name: 'vector retrieval: HNSW of the creator partition vs exact scans', figures };
}

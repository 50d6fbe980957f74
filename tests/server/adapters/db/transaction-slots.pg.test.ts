import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transactionSlots } from '../../../../server/adapters/db/postgres-db';
import type { Db } from '../../../../server/ports/db';
import { createTestDb, testDbDriver } from '../../../support/test-db';

/**
 * The pool keeps a fifth of its connections from transactions (postgres-db.ts), so a
 * single statement (the question's hold, which opens a student's stream) is not queued
 * behind searches that reserve every connection. Only a real server's pool shows it.
 */
const POOL = 10;
const HOLD_MS = 600;

let db: Db;
beforeAll(async () => {
  if (testDbDriver() !== 'postgres') throw new Error('transaction slots are a postgres.js pool matter: server-pg only');
  db = await createTestDb({ poolSize: POOL });
});
afterAll(() => db?.close());

/** A transaction that holds its connection for HOLD_MS. */
const slowTransaction = () =>
  db.transaction(async (tx) => {
    await tx.query(`select pg_sleep(${HOLD_MS / 1000})`);
  });

describe('transactions leave connections for single statements', () => {
  it('keeps a fifth of a pool of five or more, nothing of a smaller one', () => {
    expect(transactionSlots(20)).toBe(16);
    expect(transactionSlots(10)).toBe(8);
    expect(transactionSlots(5)).toBe(4);
    expect(transactionSlots(4)).toBe(4);
    expect(transactionSlots(1)).toBe(1);
  });

  it('answers a single statement at once while more transactions than connections are running', async () => {
    const running = Array.from({ length: POOL * 2 }, slowTransaction);
    // Let every transaction ask for its connection first, as the searches of earlier students do.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    const [row] = await db.query<{ one: number }>(`select 1 as one`);
    const waited = performance.now() - started;
    await Promise.all(running);
    expect(row?.one).toBe(1);
    // Without the slots it waits for a transaction to end (HOLD_MS at least).
    expect(waited).toBeLessThan(HOLD_MS / 2);
  });

  it('still runs every transaction, at most the slots at a time', async () => {
    let open = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: POOL * 2 }, () =>
        db.transaction(async (tx) => {
          open++;
          most = Math.max(most, open);
          await tx.query(`select pg_sleep(0.05)`);
          open--;
        }),
      ),
    );
    expect(most).toBe(transactionSlots(POOL));
  });

  it('frees the slot of a transaction that fails', async () => {
    const failures = await Promise.allSettled(
      Array.from({ length: POOL * 2 }, () =>
        db.transaction(async (tx) => {
          await tx.query(`select 1 / 0`);
        }),
      ),
    );
    expect(failures.every((f) => f.status === 'rejected')).toBe(true);
    const [row] = await db.transaction((tx) => tx.query<{ two: number }>(`select 2 as two`));
    expect(row?.two).toBe(2);
  });
});

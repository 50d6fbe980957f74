import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkTranscript } from '../../../server/domain/ingestion/chunk-transcript';
import { parseCaptions } from '../../../server/domain/ingestion/parse-captions';
import type { Db } from '../../../server/ports/db';
import { makeCaptions } from '../../support/fixtures/make-captions';
import { healthLatencyDuring } from '../../support/health-latency';
import { createTestApp } from '../../support/test-app';
import { createTestDb } from '../../support/test-db';
import { installWhopWorld, world } from '../../support/whop-world';
import { adminHeaders, videoOf } from './upload-support';

// One large captions file used to freeze the server: parsing, the transcript write,
// chunking, embedding and the chunk write ran without giving the event loop (or
// PGlite's one connection) back for seconds. /api/health is asked 100 ms after each
// answer throughout; each answer is timed from the moment it was due, so a blocked
// loop counts as well as a slow database.
installWhopWorld();
let db: Db;
let harness: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  db = await createTestDb();
  harness = await createTestApp(db);
  await db.query(`update creators set tier = 'ENTERPRISE'`);
});
afterAll(() => db.close());

describe('a large captions ingest', () => {
  it('leaves /api/health answering within 1 s throughout', { timeout: 180_000 }, async () => {
    const vtt = makeCaptions({ durationSeconds: 4 * 3600, seed: 11 });
    const expectedChunks = chunkTranscript((await parseCaptions(vtt, 'vtt')).segments).length;
    const headers = { ...(await adminHeaders(world.A)), 'content-type': 'application/json' };
    // Warm up first: the first requests pay for Whop facts and lazy imports, not the ingest.
    await harness.app.request('/api/health');
    await harness.app.request('/api/videos', { headers });
    let id = '';
    const latencies = await healthLatencyDuring(harness.app, async () => {
      const res = await harness.app.request('/api/videos/captions', {
        method: 'POST',
        headers,
        body: JSON.stringify({ title: 'Four hours', fileName: 'long.vtt', text: vtt }),
      });
      expect(res.status).toBe(201);
      ({ id } = (await res.json()) as { id: string });
      await harness.jobs.idle();
    });

    expect(await videoOf(harness.app, world.A, id)).toMatchObject({ status: 'completed', chunkCount: expectedChunks });
    expect(latencies.length).toBeGreaterThan(10);
    expect(Math.max(...latencies)).toBeLessThan(1000);
  });
});

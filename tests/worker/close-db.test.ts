import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { closeDbAfterResponse } from '../../server/entry/worker-deps';
import type { Db } from '../../server/ports/db';

function fakeDb() {
  const state = { closed: 0 };
  const db = { driver: 'postgres', close: async () => void state.closed++ } as unknown as Db;
  return { db, state };
}

describe('closing the per-request database client', () => {
  it('closes right away after an ordinary response', async () => {
    const { db, state } = fakeDb();
    const ctx = createExecutionContext();
    const res = closeDbAfterResponse(Response.json({ ok: true }), db, ctx);
    await waitOnExecutionContext(ctx);
    expect(state.closed).toBe(1);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('waits for a server-sent-events body to finish, since the route still queries while streaming', async () => {
    const { db, state } = fakeDb();
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    const writer = writable.getWriter();
    const ctx = createExecutionContext();
    const streamed = new Response(readable, { headers: { 'content-type': 'text/event-stream' } });
    const res = closeDbAfterResponse(streamed, db, ctx);
    const reading = res.text();

    await writer.write(new TextEncoder().encode('event: token\ndata: hi\n\n'));
    await new Promise((r) => setTimeout(r, 20));
    expect(state.closed).toBe(0);

    await writer.close();
    expect(await reading).toBe('event: token\ndata: hi\n\n');
    await waitOnExecutionContext(ctx);
    expect(state.closed).toBe(1);
  });
});

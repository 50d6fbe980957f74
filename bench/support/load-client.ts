import { Agent } from 'node:http';
import { type ReadChatStream, readChatStreamOverHttp } from './sse-reader';

/**
 * The 200 students of the concurrent-chats benchmark, in a process of their own
 * (forked by load-client-process.ts). In production 200 students are 200 browsers:
 * their fetches, TLS and SSE parsing never run on the server's event loop. A load
 * generator inside the server's process charges the server for its clients (a quarter
 * of the event loop's time while streams open, measured with --cpu-prof), which is
 * what load tools (k6, autocannon, wrk) avoid by running apart. Timing is taken here,
 * on the client's clock, from the moment each request is sent.
 */
export interface LoadRequest {
  path: string;
  init: RequestInit;
}

export type LoadMessage =
  | { type: 'warm'; base: string; requests: LoadRequest[] }
  | { type: 'burst'; base: string; requests: LoadRequest[] };

export type LoadReply =
  | { type: 'ready' }
  | { type: 'warmed'; failures: string[] }
  | { type: 'done'; results: ReadChatStream[] };

const reply = (message: LoadReply) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

/** One at a time, bodies read to the end: students who already opened the app. */
async function warm(base: string, requests: LoadRequest[]): Promise<string[]> {
  const failures: string[] = [];
  for (const { path, init } of requests) {
    const res = await fetch(`${base}${path}`, init);
    const body = await res.text();
    if (!res.ok) failures.push(`${path} answered ${res.status}: ${body.slice(0, 200)}`);
  }
  return failures;
}

/**
 * Every request sent at once; each stream read to its end. Over node:http rather than
 * fetch: on this machine the clients share the server's two cores, and fetch's WHATWG
 * Request, Response and streams cost the client process ≈ 1 ms of CPU per stream while
 * the burst opens (process.cpuUsage: 200–260 ms in the first 700 ms), time taken from
 * the server and the database under test. A browser spends it on the student's machine.
 * Sockets are kept alive, as fetch (undici) and browsers keep them.
 */
const agent = new Agent({ keepAlive: true });

async function burst(base: string, requests: LoadRequest[]): Promise<ReadChatStream[]> {
  return Promise.all(
    requests.map(async ({ path, init }): Promise<ReadChatStream> => {
      const at = performance.now();
      try {
        return await readChatStreamOverHttp(new URL(path, base), httpInit(init), agent);
      } catch (err) {
        const t = performance.now() - at;
        return {
          status: 0,
          firstByteMs: t,
          metaMs: t,
          totalMs: t,
          events: [],
          meta: null,
          error: (err as Error).message,
        };
      }
    }),
  );
}

/** The bench's requests carry plain header records and string bodies (bench-app.ts). */
function httpInit(init: RequestInit) {
  if (init.body !== undefined && typeof init.body !== 'string') throw new Error('The load client sends string bodies.');
  return {
    method: init.method,
    headers: init.headers as Record<string, string> | undefined,
    body: init.body ?? undefined,
  };
}

process.on('message', async (message: LoadMessage) => {
  if (message.type === 'warm') await reply({ type: 'warmed', failures: await warm(message.base, message.requests) });
  else await reply({ type: 'done', results: await burst(message.base, message.requests) });
});
await reply({ type: 'ready' });

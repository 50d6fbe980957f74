import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadMessage, LoadReply, LoadRequest } from './load-client';
import type { ReadChatStream } from './sse-reader';

/** The benchmark's clients in a second Node process (load-client.ts says why). */
export interface LoadClient {
  /** Sends these one by one and reads them to the end; throws if any failed. */
  warm(requests: LoadRequest[]): Promise<void>;
  /** Sends all at once; resolves with each stream's timings, in the order given. */
  burst(requests: LoadRequest[]): Promise<ReadChatStream[]>;
  close(): void;
}

export async function startLoadClient(base: string): Promise<LoadClient> {
  const child = fork(fileURLToPath(new URL('./load-client.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await next(child, 'ready');
  return {
    async warm(requests) {
      child.send({ type: 'warm', base, requests } satisfies LoadMessage);
      const { failures } = await next(child, 'warmed');
      if (failures.length > 0) throw new Error(`warm-up: ${failures.length} failed (first: ${failures[0]})`);
    },
    async burst(requests) {
      child.send({ type: 'burst', base, requests } satisfies LoadMessage);
      return (await next(child, 'done')).results;
    },
    close: () => child.kill(),
  };
}

function next<T extends LoadReply['type']>(child: ChildProcess, type: T): Promise<Extract<LoadReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: LoadReply) => {
      if (message.type !== type) return;
      cleanup();
      resolve(message as Extract<LoadReply, { type: T }>);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`The load client exited (${code}) before answering '${type}'.`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * How long `/api/health` takes to answer while `during` runs: asked 100 ms after each
 * answer, each answer timed from the moment it was due, so a blocked event loop (a
 * late timer) counts as well as a slow database. Latencies in ms, sorted; a health
 * answer other than 200 fails the probe. Shared by the captions-responsiveness test
 * and benchmark.
 */
export async function healthLatencyDuring(
  app: { request(path: string): Response | Promise<Response> },
  during: () => Promise<void>,
): Promise<number[]> {
  const latencies: number[] = [];
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const due = performance.now() + 100;
      await new Promise((r) => setTimeout(r, 100));
      const res = await app.request('/api/health');
      if (res.status !== 200) throw new Error(`/api/health answered ${res.status}`);
      await res.arrayBuffer();
      latencies.push(performance.now() - due);
    }
  })();
  try {
    await during();
  } finally {
    polling = false;
    await poll;
  }
  return latencies.sort((a, b) => a - b);
}

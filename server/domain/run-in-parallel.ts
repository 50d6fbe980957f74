/**
 * Runs `work` over `items`, at most `limit` at a time. After the first failure no new
 * item starts; those in flight finish (whatever they saved is kept), then the first
 * error is thrown. Used where provider calls go out a few at a time: audio parts to
 * transcribe, embedding batches.
 */
export async function runInParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async () => {
    while (!failure && next < items.length) {
      const index = next++;
      try {
        await work(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure) throw (failure as { error: unknown }).error;
}

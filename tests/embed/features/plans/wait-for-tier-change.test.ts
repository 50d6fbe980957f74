import { beforeEach, describe, expect, it, vi } from 'vitest';
import { waitForTierChange } from '../../../../embed/features/plans/wait-for-tier-change';
import { ApiError } from '../../../../shared/api-error';
import type { PlanOverview } from '../../../../shared/schemas/plan';
import { planOverview } from '../../support/plan-fixture';

function script(...answers: (PlanOverview | Error)[]) {
  let index = 0;
  return vi.fn(async () => {
    const answer = answers[Math.min(index++, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    if (!answer) throw new Error('no answer');
    return answer;
  });
}

describe('waitForTierChange', () => {
  const sleep = vi.fn(async (_ms: number, _signal: AbortSignal) => undefined);
  // Each test reads only its own pauses: the setup's restoreAllMocks restores spies, not a vi.fn's calls.
  beforeEach(() => {
    sleep.mockClear();
  });

  it('reads until the tier changes, showing every read, and pauses as told', async () => {
    const fetchPlan = script(planOverview(), planOverview(), planOverview({ tier: 'PRO' }));
    const seen: string[] = [];
    const plan = await waitForTierChange({
      from: 'FREE',
      fetchPlan,
      delays: [0, 1000, 2000, 3000],
      signal: new AbortController().signal,
      onPlan: (next) => seen.push(next.tier),
      sleep,
    });
    expect(plan?.tier).toBe('PRO');
    expect(fetchPlan).toHaveBeenCalledTimes(3);
    expect(seen).toEqual(['FREE', 'FREE', 'PRO']);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([0, 1000, 2000]);
  });

  it('gives null when the tier did not change in time', async () => {
    const fetchPlan = script(planOverview());
    const plan = await waitForTierChange({
      from: 'FREE',
      fetchPlan,
      delays: [0, 10, 10],
      signal: new AbortController().signal,
      sleep,
    });
    expect(plan).toBeNull();
    expect(fetchPlan).toHaveBeenCalledTimes(3);
  });

  it('skips a failed read, and throws only when every read failed', async () => {
    const down = new ApiError('SERVICE_UNAVAILABLE', 'down', { requestId: 'req_poll' });
    const recovered = await waitForTierChange({
      from: 'FREE',
      fetchPlan: script(down, planOverview({ tier: 'BASIC' })),
      delays: [0, 0],
      signal: new AbortController().signal,
      sleep,
    });
    expect(recovered?.tier).toBe('BASIC');
    await expect(
      waitForTierChange({
        from: 'FREE',
        fetchPlan: script(down),
        delays: [0, 0],
        signal: new AbortController().signal,
        sleep,
      }),
    ).rejects.toBe(down);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetchPlan = script(planOverview());
    await expect(
      waitForTierChange({ from: 'FREE', fetchPlan, delays: [5, 5], signal: controller.signal }),
    ).rejects.toBeDefined();
    expect(fetchPlan).not.toHaveBeenCalled();
  });
});

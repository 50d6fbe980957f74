import { describe, expect, it } from 'vitest';
import {
  formatPrice,
  formatStorage,
  questionsAllowance,
  storageAllowance,
  upgradeRequestsText,
  videosAllowance,
} from '../../../../embed/features/plans/plan-labels';
import { tierConfigs } from '../../support/plan-fixture';

const GB = 1024 ** 3;

describe('plan labels', () => {
  it('formats storage in GB and MB', () => {
    expect(formatStorage(0)).toBe('0 GB');
    expect(formatStorage(5 * GB)).toBe('5 GB');
    expect(formatStorage(1.24 * GB)).toBe('1.2 GB');
    expect(formatStorage(350 * 1024 ** 2)).toBe('350 MB');
    expect(formatStorage(500 * GB)).toBe('500 GB');
  });

  it('formats prices per month', () => {
    expect(formatPrice(0)).toBe('$0 / month');
    expect(formatPrice(2900)).toBe('$29 / month');
    expect(formatPrice(29950)).toBe('$299.50 / month');
  });

  it('describes each tier’s allowances', () => {
    const [free, basic, , enterprise] = tierConfigs();
    if (!free || !basic || !enterprise) throw new Error('fixture');
    expect(questionsAllowance(free)).toBe('3 per student in total');
    expect(questionsAllowance(basic)).toBe('100 per student per day');
    expect(questionsAllowance(enterprise)).toBe('Unlimited');
    expect(storageAllowance(basic)).toBe('25 GB');
    expect(storageAllowance({ ...enterprise, storageBytesLimit: null })).toBe('Unlimited');
    expect(videosAllowance(free)).toBe('10 videos');
    expect(videosAllowance(enterprise)).toBe('Unlimited');
  });

  it('counts upgrade requests', () => {
    expect(upgradeRequestsText(1)).toBe('1 student asked you to upgrade');
    expect(upgradeRequestsText(3)).toBe('3 students asked you to upgrade');
  });
});

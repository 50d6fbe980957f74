import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * axe-core over a page and every frame in it (a view framed by the sandbox host is
 * checked inside its iframe). What the suite holds every view to: no violation of
 * impact serious or critical, WCAG 2.0–2.2 A/AA plus axe's best practices. A view added
 * later joins with one line: `await expectNoSeriousViolations(page, 'lessons, dark')`.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const BLOCKING = new Set(['serious', 'critical']);

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  /** Where, and axe's own explanation (a contrast ratio, a missing name). */
  nodes: string[];
}

/** The serious and critical violations axe finds on the page as it is now. */
export async function seriousViolations(page: Page, options: { exclude?: string[] } = {}): Promise<AxeFinding[]> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)}`),
    }));
}

/** Fails with a readable list (rule, what, where) when axe finds anything serious or critical. */
export async function expectNoSeriousViolations(
  page: Page,
  label: string,
  options: { exclude?: string[] } = {},
): Promise<void> {
  const found = await seriousViolations(page, options);
  const report = found.map((f) => `${f.impact} ${f.id}: ${f.help}\n    ${f.nodes.join('\n    ')}`).join('\n');
  expect(found.length, `axe on ${label}:\n${report}`).toBe(0);
}

/** Every view is one page to a screen reader: a `main` landmark and one h1 naming it. */
export async function expectViewStructure(target: Pick<Page, 'locator'>, label: string): Promise<void> {
  expect(await target.locator('main').count(), `${label}: a <main> landmark`).toBeGreaterThanOrEqual(1);
  expect(await target.locator('h1').count(), `${label}: exactly one h1`).toBe(1);
}

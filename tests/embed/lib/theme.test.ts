import { afterEach, describe, expect, it } from 'vitest';
import { applyTheme, themeFromSearch, themeFromWhop, WHOP_THEME_EVENT } from '../../../embed/lib/theme';

const root = document.documentElement;
let stop: () => void = () => {};
afterEach(() => {
  stop();
  delete root.dataset.theme;
});

/** What Whop's iframe SDK dispatches when Whop's page tells it the colour theme. */
const whopSays = (detail: unknown) => root.dispatchEvent(new CustomEvent(WHOP_THEME_EVENT, { detail }));

describe('theme', () => {
  it('reads light or dark from ?theme= and ignores anything else', () => {
    expect(themeFromSearch('?theme=dark')).toBe('dark');
    expect(themeFromSearch('?x=1&theme=light')).toBe('light');
    expect(themeFromSearch('?theme=blue')).toBeNull();
    expect(themeFromSearch('')).toBeNull();
  });

  it('pins the theme on <html data-theme> and clears it when absent', () => {
    stop = applyTheme(root, '?theme=dark');
    expect(root.dataset.theme).toBe('dark');
    stop();
    stop = applyTheme(root, '');
    expect(root.dataset.theme).toBeUndefined();
  });

  it('follows Whop’s appearance when Whop tells it, and each change after', () => {
    stop = applyTheme(root, '');
    whopSays({ appearance: 'dark', accentColor: 'blue' });
    expect(root.dataset.theme).toBe('dark');
    whopSays({ appearance: 'light' });
    expect(root.dataset.theme).toBe('light');
    // Colours without an appearance leave the theme as it was.
    whopSays({ accentColor: 'red' });
    expect(root.dataset.theme).toBe('light');
  });

  it('a ?theme= pin wins over Whop', () => {
    stop = applyTheme(root, '?theme=light');
    whopSays({ appearance: 'dark' });
    expect(root.dataset.theme).toBe('light');
  });

  it('reads only light or dark from Whop’s message', () => {
    expect(themeFromWhop({ appearance: 'dark' })).toBe('dark');
    expect(themeFromWhop({ appearance: 'sepia' })).toBeNull();
    expect(themeFromWhop(null)).toBeNull();
    expect(themeFromWhop('dark')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { applyTheme, themeFromSearch } from '../../../embed/lib/theme';

describe('theme', () => {
  it('reads light or dark from ?theme= and ignores anything else', () => {
    expect(themeFromSearch('?theme=dark')).toBe('dark');
    expect(themeFromSearch('?x=1&theme=light')).toBe('light');
    expect(themeFromSearch('?theme=blue')).toBeNull();
    expect(themeFromSearch('')).toBeNull();
  });

  it('pins the theme on <html data-theme> and clears it when absent', () => {
    const root = document.documentElement;
    applyTheme(root, '?theme=dark');
    expect(root.dataset.theme).toBe('dark');
    applyTheme(root, '');
    expect(root.dataset.theme).toBeUndefined();
  });
});

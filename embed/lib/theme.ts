/**
 * Light and dark follow `prefers-color-scheme` unless `?theme=dark|light` pins one;
 * the pin lands on `<html data-theme>` so tests and screenshots are deterministic.
 */
export type Theme = 'light' | 'dark';

export function themeFromSearch(search: string): Theme | null {
  const value = new URLSearchParams(search).get('theme');
  return value === 'light' || value === 'dark' ? value : null;
}

export function applyTheme(root: HTMLElement, search: string): void {
  const theme = themeFromSearch(search);
  if (theme) root.dataset.theme = theme;
  else delete root.dataset.theme;
}

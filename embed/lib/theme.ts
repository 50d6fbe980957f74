/**
 * Light or dark, in this order: `?theme=dark|light` pins one (tests, screenshots);
 * else Whop's own appearance setting when Whop tells it; else the OS
 * (`prefers-color-scheme`, in styles.css). A pin or Whop's choice lands on
 * `<html data-theme>`; with neither, the attribute is absent and the OS decides.
 *
 * Whop tells it through its iframe SDK (`lib/whop-iframe.tsx`): on start and on every
 * change the SDK asks Whop's page for the colour theme and dispatches
 * `frosted-ui:set-theme` on `<html>` with `{ appearance: 'light' | 'dark', ... }`
 * (the event Whop's Frosted UI theme listens to). We follow the same event.
 */
export type Theme = 'light' | 'dark';

export const WHOP_THEME_EVENT = 'frosted-ui:set-theme';

export function themeFromSearch(search: string): Theme | null {
  const value = new URLSearchParams(search).get('theme');
  return value === 'light' || value === 'dark' ? value : null;
}

/** Whop's appearance from a `frosted-ui:set-theme` event's detail, or null when it has none. */
export function themeFromWhop(detail: unknown): Theme | null {
  const appearance =
    typeof detail === 'object' && detail !== null ? (detail as { appearance?: unknown }).appearance : undefined;
  return appearance === 'light' || appearance === 'dark' ? appearance : null;
}

/** Applies the pin (if any) and, unless pinned, follows Whop's appearance; returns a stop. */
export function applyTheme(root: HTMLElement, search: string): () => void {
  const pinned = themeFromSearch(search);
  if (pinned) root.dataset.theme = pinned;
  else delete root.dataset.theme;
  if (pinned) return () => {};
  const follow = (event: Event) => {
    const theme = themeFromWhop((event as CustomEvent<unknown>).detail);
    if (theme) root.dataset.theme = theme;
  };
  root.addEventListener(WHOP_THEME_EVENT, follow);
  return () => root.removeEventListener(WHOP_THEME_EVENT, follow);
}

import { useSyncExternalStore } from 'react';

/**
 * History navigation for the tiny router: `navigate` pushes a path, `useLocation`
 * re-renders on pushes and on back/forward. The browser keeps the real state.
 */

const NAVIGATE_EVENT = 'chronos:navigate';

export interface AppLocation {
  pathname: string;
  search: string;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

// A string snapshot keeps useSyncExternalStore stable between renders.
function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export function useLocation(): AppLocation {
  const current = useSyncExternalStore(subscribe, snapshot, () => '/');
  const queryStart = current.indexOf('?');
  return queryStart === -1
    ? { pathname: current, search: '' }
    : { pathname: current.slice(0, queryStart), search: current.slice(queryStart) };
}

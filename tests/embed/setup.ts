import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { installModalDialog } from './support/modal-dialog';
// The first screen's schemas arrive as a chunk beside the first request (embed/lib/lazy-schema.ts),
// which main.tsx starts importing before the first render. Loaded here the same way, up front, so a
// test's first response is not parsed behind the test runner transforming zod and every schema
// (seconds on a loaded machine, past Testing Library's one-second waits).
import '../../embed/lib/first-screen-schemas';
// Likewise the player, which the student chat loads with the first citation opened.
import '../../embed/features/player/components/player-panel';

// The focus and Esc behaviour of a modal <dialog> that happy-dom leaves out (see there).
installModalDialog();

// Vitest globals are off, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
  delete document.documentElement.dataset.theme;
});

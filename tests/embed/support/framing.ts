import { afterEach } from 'vitest';

/**
 * Puts the test window under a parent of the given kind. happy-dom's `window.parent`
 * is a plain writable property; the original is restored after each test.
 */
export type ParentKind = 'none' | 'same-origin' | 'cross-origin' | 'other-origin' | 'opaque';

const original = Object.getOwnPropertyDescriptor(window, 'parent');

export function frameWindowAs(kind: ParentKind): { postMessage: (...args: unknown[]) => void; messages: unknown[][] } {
  const messages: unknown[][] = [];
  const postMessage = (...args: unknown[]) => {
    messages.push(args);
  };
  const parent =
    kind === 'none'
      ? window
      : kind === 'same-origin'
        ? { location: { origin: window.location.origin }, postMessage }
        : kind === 'other-origin'
          ? { location: { origin: 'https://attacker.example' }, postMessage }
          : kind === 'opaque'
            ? { location: { origin: 'null' }, postMessage }
            : {
                postMessage,
                get location(): Location {
                  // What a browser does when a page reads a cross-origin parent's location.
                  throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
                },
              };
  Object.defineProperty(window, 'parent', { configurable: true, writable: true, value: parent });
  return { postMessage, messages };
}

export function restoreParent(): void {
  if (original) Object.defineProperty(window, 'parent', original);
}

/** Call once at the top of a test file that frames the window. */
export function restoreParentAfterEach(): void {
  afterEach(restoreParent);
}

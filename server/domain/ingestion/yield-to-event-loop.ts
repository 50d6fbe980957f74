/**
 * Gives the event loop a turn (a macrotask, not a microtask: a resolved promise
 * would run before any I/O), so long work on a large file lets other requests —
 * /api/health, students' questions — in between its batches. setTimeout is one of
 * the universal globals (ports/universal-globals.d.ts).
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

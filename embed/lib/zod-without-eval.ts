import { z } from 'zod';

/**
 * The app's CSP has no 'unsafe-eval'. Zod 4 probes for it with `new Function('')` on
 * its first parse; the probe is caught, but the browser still reports a CSP violation.
 * jitless skips the probe (zod's interpreted parsers, the ones it falls back to anyway).
 * Imported first by main.tsx, before any schema parses.
 */
z.config({ jitless: true });

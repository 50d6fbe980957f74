import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/**
 * Real Chromium for the e2e suite. We drive the system's browser with playwright-core
 * (no bundled browser download), so the machine must have one installed.
 */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** `CHROMIUM_PATH` when set, else the first installed candidate; throws saying what to install. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points at ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    `No Chromium found (looked at ${CHROMIUM_CANDIDATES.join(', ')}). ` +
      'Install it with `sudo apt-get install --no-install-recommends chromium` ' +
      '(or run .ci/run, which does), or set CHROMIUM_PATH to a Chromium/Chrome binary.',
  );
}

/** `extraArgs` add to the standard flags (e.g. `--autoplay-policy=no-user-gesture-required`). */
export async function launchChromium(
  options: { extraArgs?: string[] } = {},
): Promise<{ browser: Browser; executablePath: string }> {
  const executablePath = findChromium();
  const browser = await chromium.launch({ executablePath, args: [...LAUNCH_ARGS, ...(options.extraArgs ?? [])] });
  return { browser, executablePath };
}

import { createSandboxCourses, type SandboxStreams } from './adapters/whop/sandbox-courses';
import { createWhopCoursesApi } from './adapters/whop/whop-courses-api';
import { createMuxMediaSource } from './adapters/whop/whop-courses-mux-media';
import type { WhopImportSource } from './domain/imports/import-ports';
import type { Env } from './env';
import type { Logger } from './ports/logger';

/**
 * Whop Courses and Mux for the import: Whop's REST API with the app's key when Whop
 * is configured; the sandbox's demo course when `readDemoCaptions` is given (the Node
 * entry in sandbox mode); otherwise none (the import answers 503).
 */
export function buildWhopImport(
  env: Env,
  options: {
    logger: Logger;
    readDemoCaptions?: (fileName: string) => Promise<string>;
    sandboxStreams?: SandboxStreams | null;
  },
): WhopImportSource | null {
  if (env.WHOP_API_KEY) {
    return {
      courses: createWhopCoursesApi({
        apiKey: env.WHOP_API_KEY,
        ...(env.WHOP_API_BASE_URL ? { baseUrl: env.WHOP_API_BASE_URL } : {}),
        logger: options.logger,
      }),
      media: createMuxMediaSource(),
    };
  }
  if (options.readDemoCaptions) {
    const sandbox = createSandboxCourses(options.readDemoCaptions, options.sandboxStreams ?? null);
    return { courses: sandbox.api, media: sandbox.media };
  }
  return null;
}

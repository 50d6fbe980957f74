import type { z } from 'zod';

type FirstScreenSchemas = typeof import('./first-screen-schemas');

let firstScreenSchemas: Promise<FirstScreenSchemas> | undefined;

/** The schemas' chunk, imported once; a failed import (offline, a new deploy) is tried again next time. */
function loadFirstScreenSchemas(): Promise<FirstScreenSchemas> {
  firstScreenSchemas ??= import('./first-screen-schemas').catch((cause: unknown) => {
    firstScreenSchemas = undefined;
    throw cause;
  });
  return firstScreenSchemas;
}

/**
 * Starts importing the schemas now (main.tsx, before the first render), so they download while
 * React renders and the first request is made, not after. A failure is left for the first parse.
 */
export function preloadFirstScreenSchemas(): void {
  loadFirstScreenSchemas().catch(() => undefined);
}

/**
 * A shared schema fetched with the first response it checks, not with the page.
 *
 * The student view paints before zod arrives: its fetchers name their schema with
 * `lazySchema((schemas) => schemas.Viewer)` (`first-screen-schemas.ts`), and `apiRequest`
 * starts importing it beside the request, so zod downloads while the server
 * answers instead of before the first render. Every response is still parsed with the one
 * shared schema.
 */
export class LazySchema<S extends z.ZodType> {
  constructor(private readonly pick: (schemas: FirstScreenSchemas) => S) {}

  load(): Promise<S> {
    return loadFirstScreenSchemas().then(this.pick);
  }
}

export function lazySchema<S extends z.ZodType>(pick: (schemas: FirstScreenSchemas) => S): LazySchema<S> {
  return new LazySchema(pick);
}

/** A schema given either way, as the schema. */
export function schemaOf<S extends z.ZodType>(schema: S | LazySchema<S>): Promise<S> {
  return schema instanceof LazySchema ? schema.load() : Promise.resolve(schema);
}

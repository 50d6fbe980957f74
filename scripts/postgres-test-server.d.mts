/** Types for postgres-test-server.mjs, so the TypeScript suites can start the server. */
export interface PostgresTestServer {
  /** postgres://… of the `postgres` database (pgvector created there). */
  url: string;
  /** false when TEST_POSTGRES_URL was already set and that server is used. */
  started: boolean;
  dir?: string;
  /** Stops the cluster and deletes its files (a no-op for an adopted server). */
  stop(): Promise<void>;
}
export function ensurePostgresPackages(): void;
export function ensurePgvector(): Promise<void>;
export function startPostgresTestServer(options?: {
  env?: Record<string, string | undefined>;
  /** A persistent cluster in this directory (created on first use, kept by stop()). */
  dataDir?: string;
  /** Extra server settings, passed as -c name=value. */
  settings?: Record<string, string | number>;
}): Promise<PostgresTestServer>;

/**
 * The embedded default's stand-in for storage URLs: the Node server receives the
 * PUT and serves the GET (with Range) behind signed, expiring tokens.
 */
export interface LocalBlobServer {
  /**
   * Stores a PUT body under the token's key; refuses more bytes than the grant allows.
   * `gate` decides whether the key may still be written: it is called with a no-op
   * before the body is read and with the final rename once it is, and may throw.
   */
  receive(
    token: string,
    body: ReadableStream<Uint8Array> | null,
    contentLength: number | null,
    gate?: UploadGate,
  ): Promise<{ sizeBytes: number }>;
  /** Serves the token's object; honours a single `Range: bytes=…`. */
  serve(token: string, range: string | null, method: 'GET' | 'HEAD'): Promise<Response>;
}

/** Runs `store` only if `key` may still be written (see storeUploadWhileOpen). */
export type UploadGate = <T>(key: string, store: () => Promise<T>) => Promise<T>;

/**
 * The embedded default's stand-in for storage URLs: the Node server receives the
 * PUT and serves the GET (with Range) behind signed, expiring tokens.
 */
export interface LocalBlobServer {
  /** Stores a PUT body under the token's key; refuses more bytes than the grant allows. */
  receive(token: string, body: ReadableStream<Uint8Array> | null, contentLength: number | null): Promise<{ sizeBytes: number }>;
  /** Serves the token's object; honours a single `Range: bytes=…`. */
  serve(token: string, range: string | null, method: 'GET' | 'HEAD'): Promise<Response>;
}

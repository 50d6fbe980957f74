/**
 * Secrets of the sign-in path. Cookie values are stored only as digests; Whop's tokens
 * and PKCE verifiers are sealed with a key the database never holds.
 */
export interface SessionCrypto {
  /** A fresh unguessable value (≥ 256 bits, URL-safe) for a cookie, CSRF token or state. */
  randomToken(): string;
  /** One-way digest stored in place of a cookie value. */
  digest(value: string): Promise<string>;
  /** Authenticated encryption of a token at rest. */
  seal(plain: string): Promise<string>;
  /** Throws when the sealed text was changed or sealed under another key. */
  open(sealed: string): Promise<string>;
}

import type { SessionCrypto } from '../../ports/session-crypto';

/**
 * SessionCrypto on WebCrypto (Node and Workers alike): SHA-256 digests, AES-256-GCM
 * sealing as `v1.<iv>.<ciphertext>` (base64url), a fresh 96-bit IV per seal.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/** Reads `SESSION_ENCRYPTION_KEY`: 32 bytes, base64 or base64url. */
export function decodeSessionKey(text: string): Uint8Array<ArrayBuffer> {
  const bytes = fromBase64Url(text.trim().replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
  if (bytes.length !== 32) throw new Error('the session key must be 32 bytes');
  return bytes;
}

export async function createWebCryptoSessionCrypto(keyBytes: Uint8Array<ArrayBuffer>): Promise<SessionCrypto> {
  if (keyBytes.length !== 32) throw new Error('the session key must be 32 bytes');
  const key = await crypto.subtle.importKey('raw', keyBytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
  return {
    randomToken: () => toBase64Url(crypto.getRandomValues(new Uint8Array(32))),
    async digest(value) {
      return toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(value))));
    },
    async seal(plain) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(plain));
      return `v1.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(sealed))}`;
    },
    async open(sealed) {
      const [version, iv, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !body) throw new Error('not a sealed token');
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64Url(iv) }, key, fromBase64Url(body));
      return decoder.decode(plain);
    },
  };
}

/** A key made at boot (the local sandbox): tokens sealed before a restart cannot be read after it, so those sessions end at their next refresh. */
export async function createEphemeralSessionCrypto(): Promise<SessionCrypto> {
  return createWebCryptoSessionCrypto(crypto.getRandomValues(new Uint8Array(32)));
}

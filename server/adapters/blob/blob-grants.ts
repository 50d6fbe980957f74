/**
 * Short-lived signed grants for the local disk store's URLs, the local stand-in for
 * Supabase's signed upload/download URLs: `<payload>.<signature>`, both base64url,
 * HMAC-SHA-256 over the payload with a key that never leaves the server.
 * WebCrypto only, so it runs on Node and Workers alike.
 */
export interface BlobGrant {
  /** The object key the grant is for. */
  key: string;
  op: 'put' | 'get';
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** put: the most bytes accepted. */
  max?: number;
  /** The content type to store (put) or serve (get). */
  type?: string;
}

const encoder = new TextEncoder();

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

export interface BlobGrantSigner {
  sign(grant: BlobGrant): Promise<string>;
  /** The grant, or null when the token is forged, malformed or expired. */
  verify(token: string, nowSeconds: number): Promise<BlobGrant | null>;
}

export async function createBlobGrantSigner(secret: Uint8Array): Promise<BlobGrantSigner> {
  if (secret.length < 32) throw new Error('The blob grant secret must be at least 32 bytes.');
  const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  return {
    async sign(grant) {
      const payload = toBase64Url(encoder.encode(JSON.stringify(grant)));
      const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(payload)));
      return `${payload}.${toBase64Url(signature)}`;
    },
    async verify(token, nowSeconds) {
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) return null;
      const signatureBytes = fromBase64Url(signature);
      const payloadBytes = fromBase64Url(payload);
      if (!signatureBytes || !payloadBytes) return null;
      const valid = await crypto.subtle.verify('HMAC', key, signatureBytes, encoder.encode(payload));
      if (!valid) return null;
      try {
        const grant = JSON.parse(new TextDecoder().decode(payloadBytes)) as BlobGrant;
        if (
          typeof grant.key !== 'string' ||
          (grant.op !== 'put' && grant.op !== 'get') ||
          typeof grant.exp !== 'number'
        )
          return null;
        return grant.exp > nowSeconds ? grant : null;
      } catch {
        return null;
      }
    },
  };
}

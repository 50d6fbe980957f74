/**
 * Standard Webhooks verification (what Whop's API v1 webhooks use), on WebCrypto
 * so it runs on Workers and Node alike.
 * Signed content: `${webhook-id}.${webhook-timestamp}.${rawBody}`; signature header:
 * space-separated `v1,<base64 HMAC-SHA256>` entries.
 * Key: the secret's raw bytes; a `whsec_<base64>` secret is base64-decoded first,
 * as Standard Webhooks libraries do.
 */
export const WEBHOOK_TOLERANCE_SECONDS = 300;
const WEBHOOK_ID = /^[\x21-\x7e]{1,256}$/;

export type WebhookVerdict =
  | { ok: true; id: string; timestamp: number }
  | { ok: false; reason: 'missing_headers' | 'stale_timestamp' | 'bad_signature' };

function secretBytes(secret: string): Uint8Array {
  if (secret.startsWith('whsec_')) {
    const raw = atob(secret.slice('whsec_'.length));
    return Uint8Array.from(raw, (ch) => ch.charCodeAt(0));
  }
  return new TextEncoder().encode(secret);
}

function toBase64(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Constant-time comparison of two strings of the same length class. */
function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export async function signStandardWebhook(
  secret: string,
  id: string,
  timestamp: number,
  body: string,
): Promise<string> {
  // Stryker disable next-line BooleanLiteral: the key is never exported, so an extractable one signs the same.
  const key = await crypto.subtle.importKey('raw', secretBytes(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${id}.${timestamp}.${body}`));
  return `v1,${toBase64(mac)}`;
}

export async function verifyStandardWebhook(
  secret: string,
  headers: { id?: string | undefined; timestamp?: string | undefined; signature?: string | undefined },
  rawBody: string,
  nowSeconds: number,
): Promise<WebhookVerdict> {
  const { id, timestamp, signature } = headers;
  // The id becomes webhook_events.id (the dedupe key): printable ASCII of a sane length, as Standard Webhooks ids are.
  if (!id || !WEBHOOK_ID.test(id) || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp))
    return { ok: false, reason: 'missing_headers' };
  const ts = Number(timestamp);
  if (Math.abs(nowSeconds - ts) > WEBHOOK_TOLERANCE_SECONDS) return { ok: false, reason: 'stale_timestamp' };
  const expected = (await signStandardWebhook(secret, id, ts, rawBody)).slice('v1,'.length);
  const matches = signature
    .split(' ')
    .map((entry) => entry.split(','))
    .some(([version, value]) => version === 'v1' && value !== undefined && timingSafeEqual(value, expected));
  return matches ? { ok: true, id, timestamp: ts } : { ok: false, reason: 'bad_signature' };
}

import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import {
  signStandardWebhook,
  verifyStandardWebhook,
  WEBHOOK_TOLERANCE_SECONDS,
} from '../../../server/http/standard-webhook';

/**
 * Webhook signatures, checked against the third-party `standardwebhooks` signer
 * (the library Whop's own examples use), so a change that still agrees with
 * itself but no longer with Whop fails here.
 */
const SECRET = 'ws_unit_secret_0123456789abcdef';
const NOW = 1_800_000_000;
const BODY = '{"type":"membership.activated","data":{"id":"mem_1"}}';

/** Whop's signature for BODY: the library takes the secret base64-encoded. */
const whopSignature = (id: string, at: number, body = BODY, secret = SECRET) =>
  new Webhook(btoa(secret)).sign(id, new Date(at * 1000), body);

const verify = (headers: { id?: string; timestamp?: string; signature?: string }, body = BODY, now = NOW) =>
  verifyStandardWebhook(SECRET, headers, body, now);

describe('signStandardWebhook', () => {
  it('signs exactly as the Standard Webhooks library does, for raw and whsec_ secrets', async () => {
    const expected = whopSignature('msg_1', NOW);
    expect(await signStandardWebhook(SECRET, 'msg_1', NOW, BODY)).toBe(expected);
    expect(await signStandardWebhook(`whsec_${btoa(SECRET)}`, 'msg_1', NOW, BODY)).toBe(expected);
    // A secret that merely contains the prefix elsewhere is taken as raw text.
    expect(await signStandardWebhook(`x_whsec_${SECRET}`, 'msg_1', NOW, BODY)).toBe(
      whopSignature('msg_1', NOW, BODY, `x_whsec_${SECRET}`),
    );
  });

  it('covers the id, the timestamp and the body', async () => {
    const base = await signStandardWebhook(SECRET, 'msg_1', NOW, BODY);
    expect(await signStandardWebhook(SECRET, 'msg_2', NOW, BODY)).not.toBe(base);
    expect(await signStandardWebhook(SECRET, 'msg_1', NOW + 1, BODY)).not.toBe(base);
    expect(await signStandardWebhook(SECRET, 'msg_1', NOW, `${BODY} `)).not.toBe(base);
  });
});

describe('verifyStandardWebhook', () => {
  it('accepts Whop’s signature and returns the id and timestamp', async () => {
    expect(await verify({ id: 'msg_1', timestamp: String(NOW), signature: whopSignature('msg_1', NOW) })).toEqual({
      ok: true,
      id: 'msg_1',
      timestamp: NOW,
    });
  });

  it.each([
    ['no id', { timestamp: String(NOW), signature: 'v1,x' }],
    ['no timestamp', { id: 'msg_1', signature: 'v1,x' }],
    ['no signature', { id: 'msg_1', timestamp: String(NOW) }],
    ['an empty id', { id: '', timestamp: String(NOW), signature: 'v1,x' }],
    ['a timestamp that is not a number', { id: 'msg_1', timestamp: `${NOW}s`, signature: 'v1,x' }],
    ['a timestamp with a sign', { id: 'msg_1', timestamp: `-${NOW}`, signature: 'v1,x' }],
    ['a timestamp of 13 digits (milliseconds)', { id: 'msg_1', timestamp: `${NOW}000`, signature: 'v1,x' }],
  ])('refuses %s as missing headers', async (_label, headers) => {
    expect(await verify(headers)).toEqual({ ok: false, reason: 'missing_headers' });
  });

  it('accepts a timestamp up to the tolerance away, in either direction, and not one second more', async () => {
    for (const at of [NOW - WEBHOOK_TOLERANCE_SECONDS, NOW + WEBHOOK_TOLERANCE_SECONDS]) {
      const verdict = await verify({ id: 'msg_t', timestamp: String(at), signature: whopSignature('msg_t', at) });
      expect(verdict).toEqual({ ok: true, id: 'msg_t', timestamp: at });
    }
    for (const at of [NOW - WEBHOOK_TOLERANCE_SECONDS - 1, NOW + WEBHOOK_TOLERANCE_SECONDS + 1]) {
      const verdict = await verify({ id: 'msg_t', timestamp: String(at), signature: whopSignature('msg_t', at) });
      expect(verdict).toEqual({ ok: false, reason: 'stale_timestamp' });
    }
    expect(WEBHOOK_TOLERANCE_SECONDS).toBe(300);
  });

  it('accepts when any of several space-separated signatures matches (key rotation)', async () => {
    const good = whopSignature('msg_r', NOW);
    const old = whopSignature('msg_r', NOW, BODY, 'ws_previous_secret_abcdef');
    expect(await verify({ id: 'msg_r', timestamp: String(NOW), signature: `${old} ${good}` })).toMatchObject({
      ok: true,
    });
    expect(await verify({ id: 'msg_r', timestamp: String(NOW), signature: `${good} ${old}` })).toMatchObject({
      ok: true,
    });
  });

  it.each([
    ['another secret', () => whopSignature('msg_b', NOW, BODY, 'ws_someone_elses_secret_00')],
    ['another body', () => whopSignature('msg_b', NOW, `${BODY} `)],
    ['another id', () => whopSignature('msg_other', NOW)],
    ['the right value under another version', () => whopSignature('msg_b', NOW).replace(/^v1,/, 'v2,')],
    ['the right value with no version', () => whopSignature('msg_b', NOW).slice('v1,'.length)],
    ['a version with no value', () => 'v1'],
    ['an empty value', () => 'v1,'],
    ['the value with its last character changed', () => flipLast(whopSignature('msg_b', NOW))],
    ['the value with its first character changed', () => flipFirstValueChar(whopSignature('msg_b', NOW))],
    ['the value cut short', () => whopSignature('msg_b', NOW).slice(0, -2)],
    ['the value with more after it', () => `${whopSignature('msg_b', NOW)}AA`],
  ])('refuses a signature made with %s', async (_label, signature) => {
    expect(await verify({ id: 'msg_b', timestamp: String(NOW), signature: signature() })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });
});

function flipLast(signature: string): string {
  const last = signature.at(-1) === 'A' ? 'B' : 'A';
  return signature.slice(0, -1) + last;
}

function flipFirstValueChar(signature: string): string {
  const first = signature['v1,'.length] === 'A' ? 'B' : 'A';
  return `v1,${first}${signature.slice('v1,'.length + 1)}`;
}

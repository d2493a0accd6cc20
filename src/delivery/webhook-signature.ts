/**
 * Webhook signatures. Every delivery carries
 *   Lifeguard-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 * Receivers recompute the HMAC over the raw body bytes, compare in constant time, and reject timestamps
 * outside a tolerance (replay protection). Several v1 entries may appear (secret rotation): any match passes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const signatureHeader = 'Lifeguard-Signature';
export const deliveryIdHeader = 'Lifeguard-Delivery';
export const attemptHeader = 'Lifeguard-Attempt';

/** The signature header value for `body` at `unixSeconds`. */
export function signWebhook(secret: string, body: string, unixSeconds: number = Math.floor(Date.now() / 1000)): string {
  return `t=${unixSeconds},v1=${hmac(secret, unixSeconds, body)}`;
}

/** True when `header` is a valid signature of `body` by `secret`, made within `toleranceSec` of now. */
export function verifyWebhookSignature(secret: string, header: string | null | undefined, body: string, toleranceSec = 300, nowSec: number = Math.floor(Date.now() / 1000)): boolean {
  if (typeof header !== 'string' || header.length > 4096) return false;
  let t: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    const v = part.slice(i + 1).trim();
    if (k === 't' && /^\d{1,12}$/.test(v)) t = Number(v);
    else if (k === 'v1' && /^[0-9a-f]{64}$/.test(v)) candidates.push(v);
  }
  if (t === undefined || candidates.length === 0 || Math.abs(nowSec - t) > toleranceSec) return false;
  const expected = Buffer.from(hmac(secret, t, body), 'hex');
  return candidates.some((c) => timingSafeEqual(Buffer.from(c, 'hex'), expected));
}

function hmac(secret: string, t: number, body: string): string {
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
}

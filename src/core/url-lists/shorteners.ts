/**
 * Hosts of URL shorteners. A link through one cannot be checked against a list without following it (which
 * Lifeguard never does: fetching an unknown link can fetch abuse material), so it is flagged as unresolvable.
 */
export const shortenerHosts: ReadonlySet<string> = new Set([
  'bit.ly', 'bitly.com', 'buff.ly', 'cutt.ly', 'goo.gl', 'is.gd', 'ow.ly', 'rb.gy', 'rebrand.ly', 's.id',
  'shorturl.at', 't.co', 't.ly', 'tiny.cc', 'tinyurl.com', 'v.gd', 'x.co', 'lnkd.in', 'shorte.st', 'adf.ly',
  'bl.ink', 'short.io', 'tiny.one', 'qr.ae', 'soo.gd', 'clck.ru', 'u.to', 'urlz.fr', 'did.li', 'n9.cl',
]);

/** True when `host` (normalised, no `www.`) is a known URL shortener. */
export const isShortener = (host: string): boolean => shortenerHosts.has(host);

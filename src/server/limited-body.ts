/** A request body's chunks under a byte limit, streamed, so a lying or absent Content-Length cannot bypass it. */
import type { LifeguardError } from '../core/lifeguard-error.ts';

/**
 * The chunks of `req`'s body, or null when it has none. Throws `tooLarge()` at once when Content-Length
 * declares more than `maxBytes`, and while reading as soon as the chunks pass it (the rest is cancelled).
 */
export function limitedBody(req: Request, maxBytes: number, tooLarge: () => LifeguardError): AsyncIterable<Uint8Array> | null {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (req.body === null) return null;
  const reader = req.body.getReader();
  return (async function* () {
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      yield value;
    }
  })();
}

/** Reading request bodies under a byte limit (streamed, so a lying or absent Content-Length cannot bypass it). */
import type { z } from 'zod';
import { invalidInput, tooLarge, unsupported } from '../core/lifeguard-error.ts';
import { limitedBody } from './limited-body.ts';

/** Reads the whole body, failing with 413 `body_too_large` as soon as it passes `maxBytes`. */
export async function readBodyLimited(req: Request, maxBytes: number): Promise<Buffer> {
  const body = limitedBody(req, maxBytes, () => bodyTooLarge(maxBytes));
  if (body === null) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

const bodyTooLarge = (maxBytes: number) => tooLarge('body_too_large', `the request body is larger than the limit of ${maxBytes} bytes`, { maxBytes });

/** Parses a JSON body under `maxBytes` and validates it with `schema` (400 `malformed_json` / `invalid_body`). */
export async function readJsonBody<S extends z.ZodType>(req: Request, schema: S, maxBytes: number): Promise<z.infer<S>> {
  return validate(schema, await readJson(req, maxBytes), 'invalid_body', 'body');
}

/** Parses a JSON body under `maxBytes` (415 when another type is declared, 400 `malformed_json`). */
export async function readJson(req: Request, maxBytes: number): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (type !== '' && !/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw unsupported('unsupported_media_type', `expected an application/json body, got '${type}'`);
  }
  const bytes = await readBodyLimited(req, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw invalidInput('malformed_json', `the request body is not valid JSON: ${(e as Error).message}`);
  }
  return value;
}

/** Validates `value` with `schema` or throws 400 `code` listing the first issues with their paths. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, code: string, what: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0];
  const where = first && first.path ? `${what}.${first.path}` : what;
  throw invalidInput(code, `invalid ${what}: ${where}: ${first?.message ?? 'invalid'}`, { issues });
}

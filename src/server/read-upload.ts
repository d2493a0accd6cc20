/**
 * Reads a content upload: multipart/form-data (field `file`, plus text fields) or a raw body (the bytes
 * themselves, options in the query string). The byte limit applies while streaming.
 */
import { invalidInput, tooLarge } from '../core/lifeguard-error.ts';
import { readBodyLimited } from './request-body.ts';

export interface Upload {
  bytes: Buffer;
  /** Declared media type (file part type or Content-Type); may be octet-stream. */
  mediaType: string;
  /** Text fields of a multipart upload merged over the query string. */
  fields: Record<string, string>;
}

/** Reads an upload from `req` under `maxBytes`. */
export async function readUpload(req: Request, maxBytes: number): Promise<Upload> {
  const url = new URL(req.url);
  const fields: Record<string, string> = Object.fromEntries(url.searchParams);
  const type = (req.headers.get('content-type') ?? 'application/octet-stream').toLowerCase();
  // Multipart framing adds a little; allow 64 KiB of it on top of the file limit.
  const raw = await readBodyLimited(req, type.startsWith('multipart/') ? maxBytes + 65_536 : maxBytes);
  if (!type.startsWith('multipart/form-data')) {
    if (raw.length === 0) throw invalidInput('empty_body', 'the upload is empty: send the file as the body or as multipart field `file`');
    return { bytes: raw, mediaType: type.split(';')[0]!.trim(), fields };
  }
  let form: FormData;
  try {
    form = await new Response(raw, { headers: { 'content-type': req.headers.get('content-type')! } }).formData();
  } catch {
    throw invalidInput('malformed_multipart', 'the multipart body could not be parsed');
  }
  let file: File | undefined;
  for (const [name, value] of form) {
    if (typeof value === 'string') fields[name] = value;
    else if (name === 'file' || file === undefined) file = value;
  }
  if (file === undefined) throw invalidInput('missing_file', 'the multipart body has no file part (name it `file`)');
  const bytes = Buffer.from(await file.arrayBuffer());
  if (bytes.length === 0) throw invalidInput('empty_body', 'the uploaded file is empty');
  if (bytes.length > maxBytes) throw tooLarge('body_too_large', `the upload is larger than the limit of ${maxBytes} bytes`, { maxBytes });
  return { bytes, mediaType: (file.type || 'application/octet-stream').toLowerCase(), fields };
}

/** The one error type of Lifeguard: a stable machine-readable code, an HTTP-style status and a message. */
export class LifeguardError extends Error {
  readonly code: string;
  readonly status: number;
  readonly detail?: Record<string, unknown>;

  constructor(code: string, status: number, message: string, detail?: Record<string, unknown>) {
    super(message);
    this.name = 'LifeguardError';
    this.code = code;
    this.status = status;
    if (detail !== undefined) this.detail = detail;
  }

  /** Plain JSON form used by the CLI and the HTTP edge. */
  toJSON(): { code: string; message: string; detail?: Record<string, unknown> } {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}

type Detail = Record<string, unknown> | undefined;

/** Bad input from the caller (400). */
export const invalidInput = (code: string, message: string, detail?: Detail) =>
  new LifeguardError(code, 400, message, detail);
/** Missing or bad credentials (401). */
export const unauthorized = (message = 'a valid API key is required', detail?: Detail) =>
  new LifeguardError('unauthorized', 401, message, detail);
/** Authenticated but not allowed (403). */
export const forbidden = (message: string, detail?: Detail) =>
  new LifeguardError('forbidden', 403, message, detail);
/** Authenticated but refused for a stated reason with its own code (403), e.g. `reviewer_disabled`. */
export const refused = (code: string, message: string, detail?: Detail) =>
  new LifeguardError(code, 403, message, detail);
/** Unknown id (404). */
export const notFound = (code: string, message: string, detail?: Detail) =>
  new LifeguardError(code, 404, message, detail);
/** State conflict, e.g. a name already taken (409). */
export const conflict = (code: string, message: string, detail?: Detail) =>
  new LifeguardError(code, 409, message, detail);
/** Input over a size, pixel or count limit (413). */
export const tooLarge = (code: string, message: string, detail?: Detail) =>
  new LifeguardError(code, 413, message, detail);
/** A media or content type that is not supported (415). */
export const unsupported = (code: string, message: string, detail?: Detail) =>
  new LifeguardError(code, 415, message, detail);
/** Too many requests (429). */
export const rateLimited = (message: string, detail?: Detail) =>
  new LifeguardError('rate_limited', 429, message, detail);
/** A dependency (database, ffmpeg, broker) is not available (503). */
export const unavailable = (code: string, message: string, detail?: Detail) =>
  new LifeguardError(code, 503, message, detail);
/** A failure that is ours (500); the HTTP edge never leaks its message. */
export const internal = (code: string, message: string, detail?: Detail) =>
  new LifeguardError(code, 500, message, detail);

/** True when `e` is a LifeguardError. */
export const isLifeguardError = (e: unknown): e is LifeguardError => e instanceof LifeguardError;

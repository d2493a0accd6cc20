/**
 * The service configuration, declared once: each field names its environment variable, its default and a
 * description, so `readEnv`, the error messages and the README config table all come from this registry.
 */
import { z } from 'zod';

const bool = z.union([z.boolean(), z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])]).transform((v) =>
  typeof v === 'boolean' ? v : ['1', 'true', 'yes', 'on'].includes(v),
);
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((u) => protocols.some((p) => u.startsWith(`${p}://`)), { message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}` });

/** One configuration setting: environment variable, optional CLI flag, schema and documentation. */
export interface Setting {
  env: string;
  flag?: string;
  schema: z.ZodType;
  default?: string;
  description: string;
}

export const settings = {
  host: { env: 'LIFEGUARD_HOST', flag: '--host', schema: z.string().min(1), default: '127.0.0.1', description: 'Address the HTTP server listens on.' },
  port: { env: 'LIFEGUARD_PORT', flag: '--port', schema: int(0, 65535), default: '8787', description: 'TCP port (0 picks a free one).' },
  dataDir: { env: 'LIFEGUARD_DATA_DIR', flag: '--data-dir', schema: z.string().min(1), default: './data', description: 'Directory for the embedded SQLite database and the generated media key.' },
  databaseUrl: {
    env: 'LIFEGUARD_DATABASE_URL',
    flag: '--database-url',
    schema: z.string().min(1),
    description: 'postgres://… to use PostgreSQL; otherwise a SQLite file path. Default: <data dir>/lifeguard.sqlite.',
  },
  pgSchema: { env: 'LIFEGUARD_PG_SCHEMA', schema: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier'), description: 'PostgreSQL schema to use (created if missing).' },
  natsUrl: { env: 'LIFEGUARD_NATS_URL', schema: url(['nats', 'tls']), description: 'NATS JetStream URL; when set, events travel over NATS between API and worker processes.' },
  natsStream: {
    env: 'LIFEGUARD_NATS_STREAM',
    schema: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -'),
    default: 'LIFEGUARD_EVENTS',
    description: 'JetStream stream name; every API and worker process of one deployment must use the same.',
  },
  workers: { env: 'LIFEGUARD_WORKERS', flag: '--workers', schema: bool, default: 'true', description: 'Run the event and webhook workers in this process (`--no-workers` for API-only processes).' },
  webhookUrl: { env: 'LIFEGUARD_WEBHOOK_URL', schema: url(['http', 'https']), description: 'Where effects are delivered (HMAC-signed POST). Unset: effects are only pollable and no deliveries are queued (effects from before a URL is set are not sent; poll them).' },
  webhookSecret: { env: 'LIFEGUARD_WEBHOOK_SECRET', schema: z.string().min(16, 'must be at least 16 characters'), description: 'HMAC-SHA256 secret for webhook signatures, at least 16 characters (required with LIFEGUARD_WEBHOOK_URL).' },
  mediaKey: {
    env: 'LIFEGUARD_MEDIA_KEY',
    schema: z.string().regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, 'must be 32 bytes as 64 hex digits or base64'),
    description: 'AES-256-GCM key for retained media. Unset: generated once into <data dir>/media.key (set it explicitly when several processes share PostgreSQL).',
  },
  policyFile: {
    env: 'LIFEGUARD_POLICY_FILE',
    flag: '--policy',
    schema: z.string().min(1),
    description: 'Policy file (age tiers, child-safe defaults, guardian thresholds). Default: policy/default-policy.json.',
  },
  metricsToken: { env: 'LIFEGUARD_METRICS_TOKEN', schema: z.string().min(16, 'must be at least 16 characters'), description: 'Bearer token that may read /metrics without an admin key.' },
  maxUploadBytes: { env: 'LIFEGUARD_MAX_UPLOAD_BYTES', schema: int(1, 2 ** 31), default: String(25 * 1024 * 1024), description: 'Largest content upload (bytes); larger → 413 `body_too_large`.' },
  maxImagePixels: { env: 'LIFEGUARD_MAX_IMAGE_PIXELS', schema: int(1, 2 ** 31), default: String(50_000_000), description: 'Largest decoded image (width × height); larger → 413 `image_too_large`.' },
  maxJsonBytes: { env: 'LIFEGUARD_MAX_JSON_BYTES', schema: int(1, 2 ** 31), default: String(8 * 1024 * 1024), description: 'Largest JSON request body (bytes).' },
  maxImportBytes: { env: 'LIFEGUARD_MAX_IMPORT_BYTES', schema: int(1, 2 ** 40), default: String(2 * 1024 ** 3), description: 'Largest streamed hash-list import (bytes).' },
  maxBatchEvents: { env: 'LIFEGUARD_MAX_BATCH_EVENTS', schema: int(1, 100_000), default: '1000', description: 'Most events in one POST /v1/events batch.' },
  rateLimitRps: { env: 'LIFEGUARD_RATE_LIMIT_RPS', schema: z.coerce.number().min(0).max(1e6), default: '200', description: 'Requests per second per API key (token bucket refill, per process); 0 disables.' },
  rateLimitBurst: { env: 'LIFEGUARD_RATE_LIMIT_BURST', schema: int(1, 1e7), default: '400', description: 'Token bucket size per API key.' },
  logLevel: { env: 'LIFEGUARD_LOG_LEVEL', schema: z.enum(['debug', 'info', 'warn', 'error', 'silent']), default: 'info', description: 'JSON log level (logs go to stderr).' },
  // Image decoding under load (issue 10): a queue sized to the machine and budgets in decoded pixels.
  decodeConcurrency: {
    env: 'LIFEGUARD_DECODE_CONCURRENCY',
    schema: z.union([z.literal('auto'), int(1, 256)]),
    default: 'auto',
    description: 'Images and videos decoded at once; `auto` = the number of CPU cores. More wait in a queue (30 s at most, then 503 `decoder_busy` with `Retry-After`).',
  },
  decodeMemoryMb: {
    env: 'LIFEGUARD_DECODE_MEMORY_MB',
    schema: int(16, 1 << 20),
    default: '256',
    description: 'Memory budget (MB) for decoded pixels held at once by all decodes in flight; a decode waits until its estimate fits.',
  },
  hashFullPixels: {
    env: 'LIFEGUARD_HASH_FULL_PIXELS',
    schema: int(1_000_000, 2 ** 31),
    default: String(16_000_000),
    description: 'Images up to this many pixels are hashed at full resolution (PDQ bit-exact with the reference); larger ones are reduced to it in the decoder (docs/large-images.md).',
  },
  maxBatchPixels: {
    env: 'LIFEGUARD_MAX_BATCH_PIXELS',
    schema: int(1, 2 ** 40),
    default: String(200_000_000),
    description: 'Total pixels (from the headers) of the frames sent as image bytes in one POST /v1/events; more → 413 `batch_pixels_too_large`.',
  },
  ffmpegPath: {
    env: 'LIFEGUARD_FFMPEG',
    schema: z.string().min(1),
    default: 'ffmpeg',
    description: 'The ffmpeg binary that enables video (optional; Debian package `ffmpeg`). Not found: video uploads get 415 `video_unsupported`.',
  },
  consoleSecureCookies: {
    env: 'LIFEGUARD_CONSOLE_SECURE_COOKIES',
    schema: bool,
    default: 'true',
    description: 'Console and report-form cookies are `Secure` with the `__Host-` prefix (HTTPS only). Set `false` only for plain http://127.0.0.1 (tests, local trials).',
  },
  consoleSessionMinutes: { env: 'LIFEGUARD_CONSOLE_SESSION_MINUTES', schema: int(1, 7 * 24 * 60), default: '480', description: 'How long a console sign-in lasts (minutes).' },
  consoleSecret: {
    env: 'LIFEGUARD_CONSOLE_SECRET',
    schema: z.string().min(32, 'must be at least 32 characters'),
    description: 'Key for the public report form\'s CSRF tokens. Unset: random per process (set it when several processes serve /report).',
  },
  loginMaxFailures: { env: 'LIFEGUARD_LOGIN_MAX_FAILURES', schema: int(1, 1000), default: '5', description: 'Failed console sign-ins per account in 15 minutes before it is locked for the rest of the window (per address: 4×).' },
  oidcIssuer: { env: 'LIFEGUARD_OIDC_ISSUER', schema: url(['http', 'https']), description: 'OpenID Connect issuer for console sign-in (discovery at /.well-known/openid-configuration). Unset: local accounts only.' },
  oidcClientId: { env: 'LIFEGUARD_OIDC_CLIENT_ID', schema: z.string().min(1), description: 'OpenID Connect client id (required with LIFEGUARD_OIDC_ISSUER).' },
  oidcClientSecret: { env: 'LIFEGUARD_OIDC_CLIENT_SECRET', schema: z.string().min(1), description: 'OpenID Connect client secret; unset: a public client (PKCE only).' },
  oidcRedirectUrl: {
    env: 'LIFEGUARD_OIDC_REDIRECT_URL',
    schema: url(['http', 'https']),
    description: 'The console\'s callback as the provider knows it, ending in /console/oidc/callback (required with LIFEGUARD_OIDC_ISSUER).',
  },
  oidcAutoProvision: { env: 'LIFEGUARD_OIDC_AUTO_PROVISION', schema: bool, default: 'false', description: 'Create a `reviewer` for an OpenID Connect sign-in that matches no person (default: refuse it).' },
  oidcAllowHttp: { env: 'LIFEGUARD_OIDC_ALLOW_HTTP', schema: bool, default: 'false', description: 'Allow an http:// issuer (only for a local test provider).' },
  revealSeconds: { env: 'LIFEGUARD_REVEAL_SECONDS', schema: int(1, 600), default: '20', description: 'Longest a revealed media item stays visible in the console before it blurs again (seconds).' },
  dailyRevealCap: { env: 'LIFEGUARD_DAILY_REVEAL_CAP', schema: int(0, 10_000), default: '60', description: 'Most media reveals per person per day (UTC); people may set a lower cap.' },
  breakEvery: { env: 'LIFEGUARD_BREAK_EVERY', schema: int(1, 10_000), default: '15', description: 'Prompt a break after this many reveals.' },
  forceGreyscale: { env: 'LIFEGUARD_FORCE_GREYSCALE', schema: bool, default: 'false', description: 'Revealed media stays greyscale for everyone (otherwise each person chooses; greyscale by default).' },
  reportsPerHour: { env: 'LIFEGUARD_REPORTS_PER_HOUR', schema: int(0, 100_000), default: '10', description: 'Public report form: reports per client address per hour (0 disables the form).' },
  cybertiplineUrl: {
    env: 'LIFEGUARD_CYBERTIPLINE_URL',
    schema: url(['http', 'https']),
    description: 'NCMEC CyberTipline API base URL for sending referrals (e.g. https://exttest.cybertip.org/ispws). Unset: referrals can be drafted and exported, not sent.',
  },
  cybertiplineUsername: { env: 'LIFEGUARD_CYBERTIPLINE_USERNAME', schema: z.string().min(1), description: 'CyberTipline API user (required with LIFEGUARD_CYBERTIPLINE_URL).' },
  cybertiplinePassword: { env: 'LIFEGUARD_CYBERTIPLINE_PASSWORD', schema: z.string().min(1), description: 'CyberTipline API password (required with LIFEGUARD_CYBERTIPLINE_URL).' },
  referralPlatform: { env: 'LIFEGUARD_REFERRAL_PLATFORM', schema: z.string().min(1).max(200), description: 'The platform\'s full name as the reporter of referrals (required with LIFEGUARD_CYBERTIPLINE_URL).' },
  evidencePurgeSeconds: { env: 'LIFEGUARD_EVIDENCE_PURGE_SECONDS', schema: int(0, 7 * 86_400), default: '3600', description: 'How often the worker removes the media of cases whose preservation hold expired (hashes and the audit log stay); 0: never (run `lifeguard evidence purge` yourself).' },
  referralRetrySeconds: { env: 'LIFEGUARD_REFERRAL_RETRY_SECONDS', schema: int(0, 86_400), default: '60', description: 'How often the worker looks for referrals left unfinished (authority unreachable, sender killed) and resumes them with back-off; 0: never.' },
  referralEmail: { env: 'LIFEGUARD_REFERRAL_EMAIL', schema: z.string().email().max(300), description: 'The reporter\'s contact e-mail in referrals (required with LIFEGUARD_CYBERTIPLINE_URL).' },
  apiReviewers: {
    env: 'LIFEGUARD_API_REVIEWERS',
    schema: z.enum(['people', 'vouched']),
    default: 'people',
    description:
      'Who the case API may act for. `people`: the `X-Lifeguard-Reviewer` must be a person in the console\'s people store (id or e-mail); their stored roles apply (the roles header can only narrow them), disabled or unknown people get 403. `vouched`: people-store entries are still checked the same way, and any other id is taken on trust from the key with the roles in the header.',
  },
} as const satisfies Record<string, Setting>;

export type SettingName = keyof typeof settings;

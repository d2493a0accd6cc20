/**
 * Reads the service configuration once, at the edge: environment variables, overridden by CLI flags,
 * validated against `settings` and frozen. Bad values produce one message naming every offending variable.
 */
import { availableParallelism } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { invalidInput } from '../core/lifeguard-error.ts';
import { settings, type SettingName } from './config-schema.ts';

/** The validated, frozen service configuration passed down to the server, stores and workers. */
export interface Config {
  readonly host: string;
  readonly port: number;
  /** Absolute path. */
  readonly dataDir: string;
  /** `postgres://…` or an absolute SQLite file path. */
  readonly databaseUrl: string;
  readonly databaseKind: 'sqlite' | 'postgres';
  readonly pgSchema?: string;
  readonly natsUrl?: string;
  readonly natsStream: string;
  readonly workers: boolean;
  readonly webhook?: { readonly url: string; readonly secret: string };
  readonly mediaKey?: string;
  readonly metricsToken?: string;
  /** Absolute path of the policy file, when one is configured. */
  readonly policyFile?: string;
  readonly limits: {
    readonly maxUploadBytes: number;
    readonly maxImagePixels: number;
    readonly maxJsonBytes: number;
    readonly maxImportBytes: number;
    readonly maxBatchEvents: number;
  };
  readonly rateLimit: { readonly rps: number; readonly burst: number };
  /** Image/video decoding: concurrent decodes, memory budget for decoded pixels, full-resolution hash limit. */
  readonly decode: { readonly concurrency: number; readonly memoryBytes: number; readonly hashFullPixels: number; readonly maxBatchPixels: number };
  /** The ffmpeg binary (video support is probed at start-up). */
  readonly ffmpegPath: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** The reviewer console and the public report form. */
  readonly console: {
    readonly secureCookies: boolean;
    readonly sessionMinutes: number;
    readonly secret?: string;
    readonly loginMaxFailures: number;
    readonly reportsPerHour: number;
    /** The organisation's wellbeing limits. */
    readonly wellbeing: { readonly maxRevealSeconds: number; readonly dailyRevealCap: number; readonly breakEvery: number; readonly forceGreyscale: boolean };
    readonly oidc?: { readonly issuer: string; readonly clientId: string; readonly clientSecret?: string; readonly redirectUrl: string; readonly autoProvision: boolean; readonly allowHttp: boolean };
  };
  /** Where referrals are sent (NCMEC CyberTipline) and the reporter they name; absent when not configured. */
  readonly cybertipline?: { readonly url: string; readonly username: string; readonly password: string; readonly platform: string; readonly email: string };
  /** Who the case API may act for: only people in the people store (`people`), or also ids the key vouches for (`vouched`). */
  readonly apiReviewers: 'people' | 'vouched';
  /** Background evidence jobs: the expiry purge and referral resends (seconds between passes; 0: off). */
  readonly evidenceJobs: { readonly purgeSeconds: number; readonly referralRetrySeconds: number };
}

/** Values given as CLI flags; they win over the environment. */
export type ConfigFlags = Partial<Record<SettingName, string | boolean | undefined>>;

/** Validates `env` (+ `flags`) into a frozen Config, or throws `invalid_config` listing every bad value. */
export function readEnv(env: Record<string, string | undefined>, flags: ConfigFlags = {}, cwd: string = process.cwd()): Config {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, s] of Object.entries(settings) as [SettingName, (typeof settings)[SettingName]][]) {
    const flagValue = flags[name];
    const envValue = env[s.env] === '' ? undefined : env[s.env];
    const source = flagValue !== undefined ? `${'flag' in s ? s.flag : name}` : envValue !== undefined ? s.env : undefined;
    const raw = flagValue ?? envValue ?? ('default' in s ? s.default : undefined);
    if (raw === undefined) continue;
    const parsed = s.schema.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else {
      const why = parsed.error.issues.map((i) => i.message).join('; ');
      problems.push(`${source ?? s.env}=${JSON.stringify(raw)}: ${why}`);
    }
  }
  // A secret that is set but invalid was reported above; only a missing one is reported here.
  const secretGiven = (env[settings.webhookSecret.env] ?? '') !== '';
  if (values.webhookUrl !== undefined && !secretGiven) {
    problems.push('LIFEGUARD_WEBHOOK_SECRET must be set when LIFEGUARD_WEBHOOK_URL is set');
  }
  if (values.oidcIssuer !== undefined && (values.oidcClientId === undefined || values.oidcRedirectUrl === undefined)) {
    problems.push('LIFEGUARD_OIDC_CLIENT_ID and LIFEGUARD_OIDC_REDIRECT_URL must be set when LIFEGUARD_OIDC_ISSUER is set');
  }
  if (values.cybertiplineUrl !== undefined && (['cybertiplineUsername', 'cybertiplinePassword', 'referralPlatform', 'referralEmail'] as const).some((k) => values[k] === undefined)) {
    problems.push('LIFEGUARD_CYBERTIPLINE_USERNAME, LIFEGUARD_CYBERTIPLINE_PASSWORD, LIFEGUARD_REFERRAL_PLATFORM and LIFEGUARD_REFERRAL_EMAIL must be set when LIFEGUARD_CYBERTIPLINE_URL is set');
  }
  if (problems.length > 0) {
    throw invalidInput('invalid_config', `invalid configuration:\n  ${problems.join('\n  ')}`, { problems });
  }

  const dataDir = resolve(cwd, values.dataDir as string);
  const rawDb = values.databaseUrl as string | undefined;
  const isPg = rawDb !== undefined && /^postgres(ql)?:\/\//.test(rawDb);
  const databaseUrl = rawDb === undefined ? join(dataDir, 'lifeguard.sqlite') : isPg || rawDb === ':memory:' || isAbsolute(rawDb) ? rawDb : resolve(cwd, rawDb);
  const opt = <T>(k: SettingName) => (values[k] === undefined ? {} : { [k]: values[k] as T });
  const config: Config = {
    host: values.host as string,
    port: values.port as number,
    dataDir,
    databaseUrl,
    databaseKind: isPg ? 'postgres' : 'sqlite',
    ...opt<string>('pgSchema'),
    ...opt<string>('natsUrl'),
    natsStream: values.natsStream as string,
    workers: values.workers as boolean,
    ...(values.webhookUrl !== undefined ? { webhook: Object.freeze({ url: values.webhookUrl as string, secret: values.webhookSecret as string }) } : {}),
    ...opt<string>('mediaKey'),
    ...opt<string>('metricsToken'),
    ...(values.policyFile !== undefined ? { policyFile: resolve(cwd, values.policyFile as string) } : {}),
    limits: Object.freeze({
      maxUploadBytes: values.maxUploadBytes as number,
      maxImagePixels: values.maxImagePixels as number,
      maxJsonBytes: values.maxJsonBytes as number,
      maxImportBytes: values.maxImportBytes as number,
      maxBatchEvents: values.maxBatchEvents as number,
    }),
    rateLimit: Object.freeze({ rps: values.rateLimitRps as number, burst: values.rateLimitBurst as number }),
    logLevel: values.logLevel as Config['logLevel'],
    decode: Object.freeze({
      concurrency: values.decodeConcurrency === 'auto' ? Math.max(1, availableParallelism()) : (values.decodeConcurrency as number),
      memoryBytes: (values.decodeMemoryMb as number) * 1024 * 1024,
      hashFullPixels: values.hashFullPixels as number,
      maxBatchPixels: values.maxBatchPixels as number,
    }),
    ffmpegPath: values.ffmpegPath as string,
    console: Object.freeze({
      secureCookies: values.consoleSecureCookies as boolean,
      sessionMinutes: values.consoleSessionMinutes as number,
      ...(values.consoleSecret !== undefined ? { secret: values.consoleSecret as string } : {}),
      loginMaxFailures: values.loginMaxFailures as number,
      reportsPerHour: values.reportsPerHour as number,
      wellbeing: Object.freeze({
        maxRevealSeconds: values.revealSeconds as number,
        dailyRevealCap: values.dailyRevealCap as number,
        breakEvery: values.breakEvery as number,
        forceGreyscale: values.forceGreyscale as boolean,
      }),
      ...(values.oidcIssuer !== undefined
        ? {
            oidc: Object.freeze({
              issuer: values.oidcIssuer as string,
              clientId: values.oidcClientId as string,
              ...(values.oidcClientSecret !== undefined ? { clientSecret: values.oidcClientSecret as string } : {}),
              redirectUrl: values.oidcRedirectUrl as string,
              autoProvision: values.oidcAutoProvision as boolean,
              allowHttp: values.oidcAllowHttp as boolean,
            }),
          }
        : {}),
    }),
    ...(values.cybertiplineUrl !== undefined
      ? {
          cybertipline: Object.freeze({
            url: values.cybertiplineUrl as string,
            username: values.cybertiplineUsername as string,
            password: values.cybertiplinePassword as string,
            platform: values.referralPlatform as string,
            email: values.referralEmail as string,
          }),
        }
      : {}),
    apiReviewers: values.apiReviewers as Config['apiReviewers'],
    evidenceJobs: Object.freeze({ purgeSeconds: values.evidencePurgeSeconds as number, referralRetrySeconds: values.referralRetrySeconds as number }),
  };
  return Object.freeze(config);
}

/** Markdown table of every setting, for the README. */
export function configTable(): string {
  const rows = Object.values(settings).map((s) => {
    const flag = 'flag' in s ? ` (\`${s.flag}\`)` : '';
    const def = 'default' in s ? `\`${s.default}\`` : '—';
    return `| \`${s.env}\`${flag} | ${def} | ${s.description} |`;
  });
  return ['| variable (flag) | default | meaning |', '|---|---|---|', ...rows].join('\n');
}

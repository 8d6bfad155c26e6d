/**
 * The BFF's configuration, parsed once at boot from the environment. A bad or missing variable stops the
 * process with a message naming every bad variable (in English, for the operator). No secret has a default
 * here: only the dev entry point (dev-server.ts) generates development secrets.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { isLoopback, productionProblems } from './production-safety';

const booleanString = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** "chrome:155,edge:155,firefox:140,safari:16" → { chrome: 155, … } */
const browserMinimums = z
  .string()
  .regex(/^[a-z]+:\d{1,4}(,[a-z]+:\d{1,4})*$/, 'expected "browser:major,…", e.g. "chrome:155,firefox:140"')
  .transform((value) => {
    const entries = value.split(',').map((pair): [string, number] => {
      const [name = '', major = ''] = pair.split(':');
      return [name, Number(major)];
    });
    return Object.fromEntries(entries);
  })
  .pipe(
    z.strictObject({
      chrome: z.number().int().positive(),
      edge: z.number().int().positive(),
      firefox: z.number().int().positive(),
      safari: z.number().int().positive(),
    }),
  );

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** The URL users open; the OIDC redirect URIs and the Origin check derive from it. */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin),
    TRUST_PROXY: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
    /** Bearer token opening GET /metrics; unset: /metrics answers 404 (docs/observability.md). */
    METRICS_TOKEN: z
      .string()
      .min(32, 'must be at least 32 characters')
      .regex(/^[\x21-\x7e]+$/, 'printable ASCII characters only, no spaces')
      .optional(),

    PSC_DISCOVERY_URL: z.url({ protocol: /^https?$/ }),
    PSC_CLIENT_ID: z.string().min(1),
    PSC_CLIENT_SECRET: z.string().min(16, 'must be at least 16 characters'),
    /** Only for a simulator or sandbox on plain HTTP. */
    PSC_ALLOW_HTTP: booleanString.default(false),
    PSC_TIMEOUT_MS: z.coerce.number().int().min(500).max(60000).default(8000),
    /** Accepted ACR values, weakest first; PSC uses eidas1 (substantial) and above. */
    PSC_ACCEPTED_ACR: z
      .string()
      .default('eidas1,eidas2,eidas3')
      .transform((v) => v.split(',').map((s) => s.trim())),

    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters'),
    /**
     * Keys encrypting sessions at rest (32 bytes, hex), comma-separated: the first encrypts, all decrypt (a
     * rotation). Unset: a key derived from SESSION_SECRET.
     */
    SESSION_ENCRYPTION_KEY: z
      .string()
      .regex(
        /^[0-9a-fA-F]{64}(,[0-9a-fA-F]{64})*$/,
        'expected 64 hex characters (32 bytes), comma-separated for a rotation',
      )
      .transform((v) => v.split(',').map((hex) => Buffer.from(hex, 'hex')))
      .optional(),
    SESSION_STORE: z.enum(['sqlite', 'redis']).default('sqlite'),
    /** Default: DATA_DIR/sessions.sqlite. */
    SESSION_SQLITE_PATH: z.string().min(1).optional(),
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(12),

    // About a year behind the current releases: hospital desktops update late (docs/configuration.md).
    BROWSER_MIN_VERSIONS: browserMinimums.default({ chrome: 140, edge: 140, firefox: 140, safari: 17 }),

    /** The national contact point's API (ours, /v1). */
    CONTACT_POINT_URL: z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin),
    CONTACT_POINT_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(10_000),
    /** EC P-256 private key (PKCS#8 PEM) signing the HCP and TRC assertions. */
    ASSERTION_KEY_FILE: z.string().min(1),
    ASSERTION_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
    /** Largest document accepted from a member state. */
    DOCUMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(64 * 1024)
      .max(50 * 1024 * 1024)
      .default(5 * 1024 * 1024),

    /** An LTR export (one XML file per value set) added to, and winning over, the shipped terminology. */
    TERMINOLOGY_DIR: z.string().min(1).optional(),
    /** How long a recorded consent lasts within a session (docs/consent.md). */
    CONSENT_TTL_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(240),

    /** Built SPA to serve (client/dist); unset when the SPA is served elsewhere (Vite dev server). */
    STATIC_DIR: z.string().min(1).optional(),

    /** Where the embedded stores keep their files: the audit trail is DATA_DIR/audit.sqlite. */
    DATA_DIR: z.string().min(1).default('.data'),
    /** The audit trail in PostgreSQL (several instances); unset: SQLite in DATA_DIR. */
    AUDIT_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    /** Key of the HMAC that designates patients in the audit trail (national identifiers are never stored). */
    AUDIT_HMAC_KEY: z.string().min(32, 'must be at least 32 characters'),
    /** Abuse limits (several instances share them through Redis when SESSION_STORE=redis). */
    RATE_LIMIT_SEARCH_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
    RATE_LIMIT_SEARCH_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(120),
    RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
    /** A QA platform on one machine: loopback http:// URLs allowed in production. */
    SESALI_QA_MODE: z.enum(['true', 'false']).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.SESSION_STORE === 'redis' && !env.REDIS_URL) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_URL'], message: 'required when SESSION_STORE=redis' });
    }
    if (env.NODE_ENV === 'production')
      for (const problem of productionProblems(env)) {
        const [name = '(environment)', ...rest] = problem.split(': ');
        ctx.addIssue({ code: 'custom', path: [name], message: rest.join(': ') });
      }
    if (new URL(env.PSC_DISCOVERY_URL).protocol === 'http:' && !pscHttpAllowed(env)) {
      ctx.addIssue({
        code: 'custom',
        path: ['PSC_DISCOVERY_URL'],
        message: 'is http: set PSC_ALLOW_HTTP=true for a simulator',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/**
 * Plain-HTTP PSC: with PSC_ALLOW_HTTP (development, refused in production), or on a QA platform's loopback
 * simulator (SESALI_QA_MODE=true), where production mode runs against the simulators.
 */
function pscHttpAllowed(env: Pick<Env, 'PSC_ALLOW_HTTP' | 'SESALI_QA_MODE' | 'PSC_DISCOVERY_URL'>): boolean {
  return env.PSC_ALLOW_HTTP || (env.SESALI_QA_MODE === 'true' && isLoopback(new URL(env.PSC_DISCOVERY_URL)));
}

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  publicUrl: string;
  secureCookies: boolean;
  trustProxy: string | undefined;
  logLevel: Env['LOG_LEVEL'];
  /** Opens GET /metrics when set (Authorization: Bearer). */
  metricsToken: string | undefined;
  psc: {
    discoveryUrl: string;
    clientId: string;
    clientSecret: string;
    allowHttp: boolean;
    timeoutMs: number;
    acceptedAcr: string[];
    redirectUri: string;
    postLogoutRedirectUri: string;
  };
  session: {
    secret: string;
    /** Keys of the sessions' encryption at rest; unset: derived from the secret (stores/session-cipher.ts). */
    encryptionKeys?: Buffer[];
    store: { kind: 'sqlite'; path: string } | { kind: 'redis'; url: string };
    idleMinutes: number;
    maxHours: number;
  };
  browserMinVersions: Env['BROWSER_MIN_VERSIONS'];
  contactPoint: { url: string; timeoutMs: number; maxDocumentBytes: number };
  assertions: { keyFile: string; ttlSeconds: number };
  consentTtlMinutes: number;
  terminologyDir: string | undefined;
  staticDir: string | undefined;
  audit: AuditConfig;
  rateLimits: { searchPerMinute: number; searchPerHour: number; loginPerMinute: number };
}

export interface AuditConfig {
  store: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };
  hmacKey: string;
}

/** The audit store a configuration names: PostgreSQL when AUDIT_DATABASE_URL is set, else DATA_DIR/audit.sqlite. */
export function auditConfigOf(env: {
  DATA_DIR: string;
  AUDIT_DATABASE_URL?: string;
  AUDIT_HMAC_KEY: string;
}): AuditConfig {
  return { store: auditStoreOf(env), hmacKey: env.AUDIT_HMAC_KEY };
}

/** Where the audit trail is, from the same variables as the BFF (the `audit` command needs no other). */
export function auditStoreOf(env: { DATA_DIR?: string; AUDIT_DATABASE_URL?: string }): AuditConfig['store'] {
  return env.AUDIT_DATABASE_URL
    ? { kind: 'postgres', url: env.AUDIT_DATABASE_URL }
    : { kind: 'sqlite', path: join(env.DATA_DIR ?? '.data', 'audit.sqlite') };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(source: Record<string, string | undefined>): Config {
  // Empty strings count as unset, as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL,
    secureCookies: env.PUBLIC_URL.startsWith('https:'),
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    psc: {
      discoveryUrl: env.PSC_DISCOVERY_URL,
      clientId: env.PSC_CLIENT_ID,
      clientSecret: env.PSC_CLIENT_SECRET,
      allowHttp: pscHttpAllowed(env),
      timeoutMs: env.PSC_TIMEOUT_MS,
      acceptedAcr: env.PSC_ACCEPTED_ACR,
      redirectUri: `${env.PUBLIC_URL}/auth/callback`,
      postLogoutRedirectUri: `${env.PUBLIC_URL}/`,
    },
    session: {
      secret: env.SESSION_SECRET,
      encryptionKeys: env.SESSION_ENCRYPTION_KEY,
      store:
        env.SESSION_STORE === 'redis' && env.REDIS_URL
          ? { kind: 'redis', url: env.REDIS_URL }
          : { kind: 'sqlite', path: env.SESSION_SQLITE_PATH ?? join(env.DATA_DIR, 'sessions.sqlite') },
      idleMinutes: env.SESSION_IDLE_MINUTES,
      maxHours: env.SESSION_MAX_HOURS,
    },
    browserMinVersions: env.BROWSER_MIN_VERSIONS,
    contactPoint: {
      url: env.CONTACT_POINT_URL,
      timeoutMs: env.CONTACT_POINT_TIMEOUT_MS,
      maxDocumentBytes: env.DOCUMENT_MAX_BYTES,
    },
    assertions: { keyFile: env.ASSERTION_KEY_FILE, ttlSeconds: env.ASSERTION_TTL_SECONDS },
    consentTtlMinutes: env.CONSENT_TTL_MINUTES,
    terminologyDir: env.TERMINOLOGY_DIR,
    audit: auditConfigOf(env),
    rateLimits: {
      searchPerMinute: env.RATE_LIMIT_SEARCH_PER_MINUTE,
      searchPerHour: env.RATE_LIMIT_SEARCH_PER_HOUR,
      loginPerMinute: env.RATE_LIMIT_LOGIN_PER_MINUTE,
    },
    staticDir: env.STATIC_DIR,
    metricsToken: env.METRICS_TOKEN,
  };
}

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** Validated runtime configuration. Built once at start-up by `loadConfig`. */
export class AppConfig {
  readonly port!: number;
  readonly issuer!: string;
  readonly databaseUrl!: string | undefined;
  /** Connections to PostgreSQL (DATABASE_POOL_SIZE). */
  readonly databasePoolSize!: number;
  readonly dataDir!: string;
  readonly masterKey!: Buffer;
  readonly nodeEnv!: string;
  readonly logLevel!: string;
  readonly trustProxy!: boolean;
  /** Days a signing key signs before the next one takes over. */
  readonly keyRotationDays!: number;
  /** Hours a freshly generated key is published in JWKS before it signs. */
  readonly keyPublishAheadHours!: number;
  readonly accessTokenTtlSeconds!: number;
  /** When set, GET /metrics asks for it as a bearer token (NEXINID_METRICS_TOKEN). */
  readonly metricsToken!: string | undefined;
  readonly rateLimits!: {
    /** Tenant registrations per IP per hour. */
    registration: { limit: number; windowSeconds: number };
  };

  constructor(values: Omit<AppConfig, 'production' | 'embeddedDatabase'>) {
    Object.assign(this, values);
  }

  get production(): boolean {
    return this.nodeEnv === 'production';
  }

  get embeddedDatabase(): boolean {
    return !this.databaseUrl;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

function parseMasterKey(raw: string, problems: string[]): Buffer | undefined {
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) {
    problems.push('NEXINID_MASTER_KEY must be 32 bytes, as 64 hex characters or base64 (e.g. `openssl rand -base64 32`)');
    return undefined;
  }
  return key;
}

/** Outside production a missing master key is generated once and kept in the data folder. */
function developmentMasterKey(dataDir: string): Buffer {
  if (dataDir.startsWith('memory://')) return randomBytes(32);
  const file = join(dataDir, 'master.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV || 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, production or test (got "${nodeEnv}")`);
  }
  const production = nodeEnv === 'production';
  const port = integer(env, 'PORT', 3000, 0, 65535, problems);

  const issuer = (env.NEXINID_ISSUER || `http://localhost:${port}`).replace(/\/+$/, '');
  let issuerUrl: URL | undefined;
  try {
    issuerUrl = new URL(issuer);
  } catch {
    problems.push(`NEXINID_ISSUER must be an absolute URL (got "${issuer}")`);
  }
  if (issuerUrl && (issuerUrl.search || issuerUrl.hash)) problems.push('NEXINID_ISSUER must not have a query or fragment');
  if (issuerUrl && production && issuerUrl.protocol !== 'https:') {
    problems.push('NEXINID_ISSUER must use https in production');
  }

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  if (production && !databaseUrl && env.NEXINID_ALLOW_EMBEDDED_DB !== 'true') {
    problems.push('production needs DATABASE_URL (or NEXINID_ALLOW_EMBEDDED_DB=true to run on the embedded database)');
  }
  const databasePoolSize = integer(env, 'DATABASE_POOL_SIZE', 20, 1, 500, problems);
  const dataDir = env.NEXINID_DATA_DIR || './.data';

  let masterKey: Buffer | undefined;
  if (env.NEXINID_MASTER_KEY) masterKey = parseMasterKey(env.NEXINID_MASTER_KEY, problems);
  else if (production) problems.push('NEXINID_MASTER_KEY is required in production');

  const logLevel = env.NEXINID_LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(`NEXINID_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`);
  }
  const keyRotationDays = integer(env, 'NEXINID_KEY_ROTATION_DAYS', 90, 1, 3650, problems);
  const keyPublishAheadHours = integer(env, 'NEXINID_KEY_PUBLISH_AHEAD_HOURS', 24, 0, 24 * 30, problems);
  const accessTokenTtlSeconds = integer(env, 'NEXINID_ACCESS_TOKEN_TTL', 600, 60, 86400, problems);

  const registrationRateLimit = integer(env, 'NEXINID_REGISTRATION_RATE_LIMIT', 20, 1, 1_000_000, problems);
  const metricsToken = env.NEXINID_METRICS_TOKEN || undefined;
  if (metricsToken && !/^[\x21-\x7e]{16,256}$/.test(metricsToken)) {
    problems.push('NEXINID_METRICS_TOKEN must be 16 to 256 printable characters without spaces');
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return new AppConfig({
    port,
    issuer,
    databaseUrl,
    databasePoolSize,
    dataDir,
    masterKey: masterKey ?? developmentMasterKey(dataDir),
    nodeEnv,
    logLevel,
    trustProxy: env.NEXINID_TRUST_PROXY === 'true',
    keyRotationDays,
    keyPublishAheadHours,
    accessTokenTtlSeconds,
    metricsToken,
    rateLimits: {
      registration: { limit: registrationRateLimit, windowSeconds: 3600 },
    },
  });
}

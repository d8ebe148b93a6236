import path from 'node:path';
import { createHash } from 'node:crypto';
import ipaddr from 'ipaddr.js';

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  testClock: boolean;
  /** Load demo data into an empty database. */
  demo: boolean;
  /** With the demo data, also file the demo cases (weeks of history); off in tests and benchmarks. */
  demoCases: boolean;
  /** The center's zone decides which calendar date an instant falls on. */
  timeZone: string;
  logLevel: string;
  secureCookies: boolean;
  /** SMTP server for e-mail notices (smtp:// or smtps:// URL); console when unset. */
  smtpUrl?: string;
  smtpFrom: string;
  /** Where people open the web app (https://banshi.example.gov.cn): e-mail notices link there; relative links when unset. */
  publicUrl?: string;
  /** HTTP SMS gateway: POST URL, body template with {{phone}} {{text}}, content type, bearer token; console when unset. */
  smsGatewayUrl?: string;
  smsBodyTemplate: string;
  smsContentType: string;
  smsGatewayToken?: string;
  /** Payments (src/fees): receipts confirmed by POSTing to this URL; the manual receipt-number transport when unset. */
  paymentVerifyUrl?: string;
  paymentVerifyToken?: string;
  /**
   * Addresses/CIDRs of the reverse proxies in front of the server (BANSHI_TRUST_PROXY, comma
   * separated). Only a request arriving from one of them has its X-Forwarded-For believed;
   * false (the default) means the socket address is the client — a forged header changes nothing.
   */
  trustProxy: string[] | false;
  /** Failed logins per account and per address within 15 minutes before logins are refused for 15 minutes. */
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  /** Party building: alert this many days before a committee's or branch's term expires. */
  partyTermAlertDays: number;
  /** Sends per second allowed per channel, across all instances (SMS_RATE_PER_SECOND, EMAIL_RATE_PER_SECOND); unlimited when unset. */
  rateLimits: Partial<Record<'sms' | 'email', number>>;
  /** Notices each instance sends at once (OUTBOX_CONCURRENCY). */
  outboxConcurrency: number;
  /** /metrics: bearer token (BANSHI_METRICS_TOKEN) and/or allowed client addresses or CIDR ranges (BANSHI_METRICS_ALLOW); refused when neither matches. */
  metricsToken?: string;
  metricsAllow: string[];
  /** Documents, plans, reports, leave and praise may be dated this many years either side of today's year. */
  businessYears: number;
  /** The key-encryption key of the electronic seals' private keys (src/licences; BANSHI_SEAL_KEK). */
  sealKek: SealKek;
}

/** A 32-byte AES key; `id` names it on every key it wraps, so a wrong key is told apart from a damaged one. */
export interface SealKek { key: Buffer; id: string; devDefault: boolean }

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: dataDirFrom(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL || undefined,
    testClock: env.BANSHI_TEST_CLOCK === '1',
    demo: env.BANSHI_DEMO !== '0',
    demoCases: env.BANSHI_DEMO_CASES !== '0',
    timeZone: env.BANSHI_TZ ?? 'Asia/Shanghai',
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.BANSHI_SECURE_COOKIES === '1',
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM ?? 'Banshi <noreply@localhost>',
    publicUrl: env.BANSHI_PUBLIC_URL || undefined,
    smsGatewayUrl: env.SMS_GATEWAY_URL || undefined,
    smsBodyTemplate: env.SMS_BODY_TEMPLATE ?? '{"phone":"{{phone}}","text":"{{text}}"}',
    smsContentType: env.SMS_CONTENT_TYPE ?? 'application/json',
    smsGatewayToken: env.SMS_GATEWAY_TOKEN || undefined,
    paymentVerifyUrl: env.PAYMENT_VERIFY_URL || undefined,
    paymentVerifyToken: env.PAYMENT_VERIFY_TOKEN || undefined,
    trustProxy: trustProxyFrom(env.BANSHI_TRUST_PROXY),
    loginMaxFailuresPerAccount: positiveInt('BANSHI_LOGIN_MAX_FAILURES_ACCOUNT', env.BANSHI_LOGIN_MAX_FAILURES_ACCOUNT, 5),
    loginMaxFailuresPerAddress: positiveInt('BANSHI_LOGIN_MAX_FAILURES_ADDRESS', env.BANSHI_LOGIN_MAX_FAILURES_ADDRESS, 20),
    partyTermAlertDays: Number(env.BANSHI_PARTY_TERM_ALERT_DAYS ?? 90),
    rateLimits: { sms: positive(env.SMS_RATE_PER_SECOND), email: positive(env.EMAIL_RATE_PER_SECOND) },
    outboxConcurrency: positive(env.OUTBOX_CONCURRENCY) ?? 4,
    metricsToken: env.BANSHI_METRICS_TOKEN || undefined,
    metricsAllow: (env.BANSHI_METRICS_ALLOW ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    businessYears: businessYearsFrom(env.BANSHI_BUSINESS_YEARS),
    sealKek: sealKekFrom(env.BANSHI_SEAL_KEK, { demo: env.BANSHI_DEMO !== '0', embedded: !env.DATABASE_URL }),
  };
}

/** A positive number from the environment, or undefined when unset or not positive. */
function positive(v: string | undefined): number | undefined {
  const n = Number(v);
  return v && Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * The embedded database's folder: an absolute path or one starting with ./ or ../ — anything
 * else (a `memory:` typo, a bare word) is refused rather than silently created as a folder.
 */
export function dataDirFrom(value: string | undefined): string {
  const dir = value || './data';
  if (!path.isAbsolute(dir) && !/^\.\.?\//.test(dir)) {
    throw new Error(`DATA_DIR must be an absolute path or start with ./ (got "${dir}")`);
  }
  return path.resolve(dir);
}

/** proxy-addr's names for address ranges, accepted besides addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * BANSHI_TRUST_PROXY: "10.0.0.5, 10.1.0.0/16, loopback" → the list Fastify's trustProxy takes.
 * Unset or empty → false. "true" or "*" is refused: trusting every hop makes X-Forwarded-For
 * (and with it the login limit's address) anyone's choice.
 */
export function trustProxyFrom(value: string | undefined): string[] | false {
  const list = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!list.length) return false;
  for (const entry of list) {
    const ok = PROXY_RANGE_NAMES.has(entry) || (entry.includes('/') ? ipaddr.isValidCIDR(entry) : ipaddr.isValid(entry));
    if (!ok) throw new Error(`BANSHI_TRUST_PROXY: "${entry}" is not an IP address, a CIDR range or loopback/linklocal/uniquelocal`);
  }
  return list;
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1 (got "${value}")`);
  return n;
}

/** Years either side of today a business date may lie in (default 10); a bad value refuses to start. */
export function businessYearsFrom(value: string | undefined): number {
  const n = Number(value ?? 10);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`BANSHI_BUSINESS_YEARS must be a whole number of years from 1 to 100 (got "${value}")`);
  return n;
}

/**
 * DEVELOPMENT ONLY — NEVER A PRODUCTION KEY. Wraps the seals' private keys when BANSHI_SEAL_KEK
 * is unset in the demo or on the embedded database, so `npm start` works out of the box. It is
 * public (it is in this file): a production deployment sets BANSHI_SEAL_KEK (or keeps the seals
 * in a signing server / HSM, docs/licences.md) and start-up refuses to go on without it.
 */
const DEV_SEAL_KEK = createHash('sha256').update('banshi-dev-seal-kek: demo and embedded mode only, never production').digest();

/**
 * BANSHI_SEAL_KEK: 32 random bytes as base64 (44 characters) or hex (64), e.g. `openssl rand -base64 32`.
 * Unset: the development key above in the demo or on the embedded database; refused otherwise.
 */
export function sealKekFrom(value: string | undefined, mode: { demo: boolean; embedded: boolean }): SealKek {
  const v = (value ?? '').trim();
  if (!v) {
    if (!mode.demo && !mode.embedded) throw new Error('BANSHI_SEAL_KEK must be set on PostgreSQL without the demo (32 random bytes as base64 or hex: openssl rand -base64 32)');
    return { key: DEV_SEAL_KEK, id: 'dev', devDefault: true };
  }
  const key = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, 'hex') : /^[A-Za-z0-9+/]{43}=$/.test(v) ? Buffer.from(v, 'base64') : null;
  if (!key || key.length !== 32) throw new Error('BANSHI_SEAL_KEK must be 32 bytes as base64 (44 characters) or hex (64 characters)');
  return { key, id: createHash('sha256').update(key).digest('hex').slice(0, 12), devDefault: false };
}

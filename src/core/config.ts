import path from 'node:path';

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
  /** Party building: alert this many days before a committee's or branch's term expires. */
  partyTermAlertDays: number;
  /** Documents, plans, reports, leave and praise may be dated this many years either side of today's year. */
  businessYears: number;
}

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
    partyTermAlertDays: Number(env.BANSHI_PARTY_TERM_ALERT_DAYS ?? 90),
    businessYears: businessYearsFrom(env.BANSHI_BUSINESS_YEARS),
  };
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

/** Years either side of today a business date may lie in (default 10); a bad value refuses to start. */
export function businessYearsFrom(value: string | undefined): number {
  const n = Number(value ?? 10);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`BANSHI_BUSINESS_YEARS must be a whole number of years from 1 to 100 (got "${value}")`);
  return n;
}

/**
 * The logger's configuration (pino, through Fastify). Personal data never reaches a log line,
 * whoever writes it (domain §12):
 * - every finished line passes through `scrubText`: 18-digit ID numbers and mainland mobile
 *   numbers anywhere in it (messages, error texts, stacks, URLs) are masked as lists show them;
 * - errors are serialized without their SQL parameters (drizzle puts them in the message
 *   and stack: names, ID numbers, phones of the row being written) and without the values
 *   PostgreSQL quotes in `detail` (`Key (id_number)=(…)`, `Failing row contains (…)`);
 * - known person-name fields are masked (王立军 → 王*军), cookies and tokens removed;
 * - a string message with SQL parameters (a job's "failed: …" line) loses them too.
 * Request ids (`reqId` on each line) come from Fastify's genReqId (src/app.ts).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { DestinationStream, LoggerOptions } from 'pino';
import { maskIdNumber, maskName, maskPhone } from './mask.js';

const ID_NUMBER = /(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9A-Za-z])((?:\+?86[- ]?)?)(1[3-9]\d{9})(?![0-9A-Za-z])/g;

/** JSON number context: a masked value there must become a string, or the line stops being JSON. */
const quoteIfBare = (text: string, offset: number, masked: string) => (/[:,[]\s*$/.test(text.slice(Math.max(0, offset - 3), offset)) ? `"${masked}"` : masked);

/** Masks ID numbers and mobile numbers wherever they appear in a text. */
export function scrubText(text: string): string {
  return text
    .replace(ID_NUMBER, (_m, id: string, offset: number) => quoteIfBare(text, offset, maskIdNumber(id)))
    .replace(MOBILE, (_m, prefix: string, phone: string, offset: number, whole: string) => quoteIfBare(whole, offset, `${prefix}${maskPhone(phone)}`));
}

/** Drizzle's "Failed query: …\nparams: a,b,c" — the parameters go, the statement stays. */
export function dropSqlParams(text: string): string {
  return text.replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/, '\nparams: [hidden]');
}

/** PostgreSQL's detail quotes the offending values: keep the columns, drop the values. */
function hideDetailValues(detail: string): string {
  return detail.replace(/\)=\(.*\)/s, ')=(…)').replace(/Failing row contains \(.*\)/s, 'Failing row contains (…)');
}

const ERROR_FIELDS = ['code', 'statusCode', 'severity', 'schema', 'table', 'column', 'constraint', 'routine', 'dataType'] as const;

/** pino's `err` serializer: type, message, stack and the database's error fields, minus values. */
export function serializeError(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error)) return err;
  const e = err as Error & Record<string, unknown>;
  const out: Record<string, unknown> = { type: e.constructor?.name ?? 'Error', message: dropSqlParams(e.message) };
  if (e.stack) out.stack = dropSqlParams(e.stack);
  for (const k of ERROR_FIELDS) if (e[k] !== undefined) out[k] = e[k];
  if (typeof e.detail === 'string') out.detail = hideDetailValues(e.detail);
  if (Array.isArray(e.params)) out.params = `[${e.params.length} hidden]`;
  if (e.cause !== undefined && depth < 3) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

/** Payload and object fields that hold a person's name. */
export const PERSON_NAME_KEYS = ['name', 'displayName', 'applicantName', 'realName', 'personName', 'contactName', 'agentName', 'leader', 'person'];

const REDACT_PATHS = [
  'req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]',
  'applicant.name', '*.applicant.name', 'agent.name', '*.agent.name', 'user.displayName', '*.user.displayName',
  ...PERSON_NAME_KEYS.filter((k) => k !== 'name').flatMap((k) => [k, `*.${k}`]),
  'idNumber', '*.idNumber', '*.*.idNumber', 'phone', '*.phone', '*.*.phone', 'applicantPhone', '*.applicantPhone',
];

function censor(value: unknown, path: string[]): unknown {
  const key = path[path.length - 1];
  if (typeof value !== 'string') return value === undefined ? value : '[redacted]';
  if (/phone/i.test(key)) return maskPhone(value);
  if (/idNumber/i.test(key)) return maskIdNumber(value);
  if (PERSON_NAME_KEYS.includes(key)) return maskName(value);
  return '[redacted]';
}

/** Masks person-name fields of a notice payload (the console transport prints notices). */
export function maskPayloadNames(payload: Record<string, unknown>): Record<string, unknown> {
  const out = { ...payload };
  for (const k of PERSON_NAME_KEYS) if (typeof out[k] === 'string') out[k] = maskName(out[k] as string);
  return out;
}

/** A destination that scrubs every finished line before it reaches the real one (stdout by default). */
export function scrubbingStream(dest: { write(s: string): unknown } = process.stdout): DestinationStream {
  return { write: (line: string) => { dest.write(scrubText(line)); } };
}

export function loggerOptions(level: string, dest?: { write(s: string): unknown }): LoggerOptions & { stream: DestinationStream } {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor },
    serializers: {
      // Search terms and query codes can carry names or ID numbers: logs keep the path only.
      req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.replace(/\?.*$/, req.url.includes('?') ? '?…' : '') }),
      err: serializeError,
      error: serializeError,
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? dropSqlParams(a) : a)) as Parameters<typeof method>);
      },
    },
    stream: scrubbingStream(dest),
  };
}

/** An incoming x-request-id is kept when it is a sane short token (a proxy's id); else a new UUID. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{8,64}$/.test(given) ? given : randomUUID();
}

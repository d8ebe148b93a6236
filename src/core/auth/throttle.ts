/**
 * Login throttling kept in PostgreSQL (table login_throttle), so the limits hold across
 * instances and restarts: failed sign-ins are counted per account and per client address
 * within a window; at the limit the key is locked for a while. Each attempt costs one
 * statement (countAttempt); a success clears the account's count. Times are wall-clock
 * (ctx.clock.wall()): a security timer, not business time.
 */
import { sql } from 'drizzle-orm';
import ipaddr from 'ipaddr.js';
import type { AppContext } from '../context.js';
import { rows, type Queryable } from '../db/index.js';
import { AppError } from '../errors.js';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
/** Rows idle this long are removed by the next failure anywhere. */
const FORGET_AFTER_MS = 24 * 3600_000;

export interface ThrottleKeys { account: string; address: string }

export const accountKey = (username: string) => `account:${username}`;
export const throttleKeys = (username: string, ip: string): ThrottleKeys => ({ account: accountKey(username), address: `address:${addressBucket(ip)}` });

/**
 * The unit an address is counted in: an IPv4 address as it is; IPv6 by its /64 prefix (one
 * subscriber usually holds a whole /64, so counting single addresses would not count them).
 */
export function addressBucket(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const addr = ipaddr.process(ip);
  if (addr.kind() === 'ipv4') return addr.toString();
  const parts = (addr as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}

interface CountRow { key: string; failures: number; locked_ms: number | null }

/** What a counted attempt leads to when its password turns out wrong. */
export interface Counted {
  /** The error for a wrong password: the lockout this attempt completed, or plain 401-worthy null. */
  failure(): AppError | null;
}

/**
 * Counts the attempt for the account and the address before any password is checked (one
 * statement), and refuses it when either is over its limit. Counting first means parallel
 * attempts cannot slip past the limit while passwords are being hashed: they queue on the
 * rows and each gets its own number. A success takes its count back (settleSuccess), so at
 * rest a row holds failures only. A window that passed (when not locked) or a lock that ended
 * starts the count again; the lock end is set when the count reaches the limit and is not
 * moved by attempts refused meanwhile. The statement also forgets rows idle for a day.
 */
export async function countAttempt(ctx: AppContext, db: Queryable, keys: ThrottleKeys): Promise<Counted> {
  const wall = ctx.clock.wall();
  const now = wall.toISOString();
  const lockEnd = new Date(wall.getTime() + LOCK_MS).toISOString();
  const { loginMaxFailuresPerAccount: maxAccount, loginMaxFailuresPerAddress: maxAddress } = ctx.config;
  const limit = sql`(case when t.key = ${keys.account} then ${maxAccount}::int else ${maxAddress}::int end)`;
  const stale = sql`((t.locked_until is null and t.window_start <= ${new Date(wall.getTime() - THROTTLE_WINDOW_MS).toISOString()}) or t.locked_until <= ${now})`;
  const firstLock = (max: number) => sql`case when ${max}::int <= 1 then ${lockEnd}::timestamptz end`;
  const result = await rows<CountRow>(db, sql`
    with forget as (
      delete from login_throttle where window_start < ${new Date(wall.getTime() - FORGET_AFTER_MS).toISOString()}
         and (locked_until is null or locked_until < ${now}) and key <> ${keys.account} and key <> ${keys.address})
    insert into login_throttle as t (key, failures, window_start, locked_until)
    values (${keys.account}, 1, ${now}::timestamptz, ${firstLock(maxAccount)}),
           (${keys.address}, 1, ${now}::timestamptz, ${firstLock(maxAddress)})
    on conflict (key) do update set
      failures = case when ${stale} then 1 else t.failures + 1 end,
      window_start = case when ${stale} then ${now}::timestamptz else t.window_start end,
      locked_until = case when ${stale} then (case when 1 >= ${limit} then ${lockEnd}::timestamptz end)
                          when t.locked_until is not null then t.locked_until
                          when t.failures + 1 >= ${limit} then ${lockEnd}::timestamptz end
    returning t.key, t.failures, (extract(epoch from t.locked_until) * 1000)::float8 as locked_ms`);
  const account = result.find((r) => r.key === keys.account)!;
  const address = result.find((r) => r.key === keys.address)!;
  const until = (r: CountRow) => r.locked_ms ?? wall.getTime() + LOCK_MS;
  if (account.failures > maxAccount) throw accountLocked(ctx, until(account));
  if (address.failures > maxAddress) throw addressLocked(ctx, until(address));
  return {
    failure: () => account.failures >= maxAccount ? accountLocked(ctx, until(account))
      : address.failures >= maxAddress ? addressLocked(ctx, until(address)) : null,
  };
}

/**
 * A successful sign-in: the account's count is cleared; the address's attempt is taken back
 * (not cleared: one good account must not launder a spray from the same address).
 */
export async function settleSuccess(ctx: AppContext, db: Queryable, keys: ThrottleKeys): Promise<void> {
  await db.execute(sql`delete from login_throttle where key = ${keys.account}`);
  await db.execute(sql`update login_throttle set failures = greatest(failures - 1, 0),
      locked_until = case when failures - 1 < ${ctx.config.loginMaxFailuresPerAddress}::int then null else locked_until end
    where key = ${keys.address}`);
}

const LOCK_CODES = new Set(['account_locked', 'too_many_attempts']);
export const isLockError = (e: unknown): e is AppError => e instanceof AppError && LOCK_CODES.has(e.code);

function accountLocked(ctx: AppContext, untilMs: number): AppError {
  const hm = clockTime(untilMs, ctx.config.timeZone);
  return new AppError(423, 'account_locked',
    `Too many failed sign-ins for this account: it is locked until ${hm}`,
    `该账号连续登录失败次数过多，已暂时锁定，请于 ${hm} 后再试`, lockDetails(ctx, untilMs));
}

function addressLocked(ctx: AppContext, untilMs: number): AppError {
  const hm = clockTime(untilMs, ctx.config.timeZone);
  return new AppError(429, 'too_many_attempts',
    `Too many failed sign-ins from this address: try again after ${hm}`,
    `本机所在网络登录失败次数过多，请于 ${hm} 后再试`, lockDetails(ctx, untilMs));
}

function lockDetails(ctx: AppContext, untilMs: number) {
  return { lockedUntil: new Date(untilMs).toISOString(), retryAfterSeconds: Math.max(1, Math.ceil((untilMs - ctx.clock.wall().getTime()) / 1000)) };
}

/** "14:35" in the center's zone. */
function clockTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(ms));
}

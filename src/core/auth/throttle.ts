/**
 * Login throttling kept in PostgreSQL (table login_throttle), so the limits hold across
 * instances and restarts: failures are counted per account and per client address within a
 * window; at the limit the key is locked for a while. The check rides on the login's user
 * lookup (lockSql) and a failure costs one statement (recordFailure); a success clears the
 * account's counter. Times are wall-clock (ctx.clock.wall()): a security timer, not business time.
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

export interface Locks { accountLockedUntil: number | null; addressLockedUntil: number | null }

/** Select-list columns giving the two keys' lock ends (epoch ms, or null when not locked). */
export function lockSql(keys: ThrottleKeys, wall: Date) {
  const at = wall.toISOString();
  const lockEnd = (key: string) => sql`(select (extract(epoch from t.locked_until) * 1000)::float8 from login_throttle t where t.key = ${key} and t.locked_until > ${at})`;
  return sql`${lockEnd(keys.account)} as account_locked_until, ${lockEnd(keys.address)} as address_locked_until`;
}

/** Refuses the attempt when either key is locked (before any password is checked). */
export function refuseIfLocked(ctx: AppContext, locks: { account_locked_until: number | null; address_locked_until: number | null }): void {
  if (locks.account_locked_until) throw accountLocked(ctx, locks.account_locked_until);
  if (locks.address_locked_until) throw addressLocked(ctx, locks.address_locked_until);
}

/**
 * Counts one failure for both keys (one statement) and answers with the lock it caused, if
 * any. A window that has passed, or a lock that has ended, starts the count again. The same
 * statement forgets rows idle for a day, so the table stays small.
 */
export async function recordFailure(ctx: AppContext, db: Queryable, keys: ThrottleKeys, wall: Date): Promise<AppError | null> {
  const now = wall.toISOString();
  const windowFloor = new Date(wall.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const lockEnd = new Date(wall.getTime() + LOCK_MS).toISOString();
  const forgetBefore = new Date(wall.getTime() - FORGET_AFTER_MS).toISOString();
  const { loginMaxFailuresPerAccount: maxAccount, loginMaxFailuresPerAddress: maxAddress } = ctx.config;
  const limitOf = sql`(case when t.key = ${keys.account} then ${maxAccount}::int else ${maxAddress}::int end)`;
  const stale = sql`(t.window_start <= ${windowFloor} or t.locked_until <= ${now})`;
  const count = sql`(case when ${stale} then 1 else t.failures + 1 end)`;
  const result = await rows<{ key: string; locked_ms: number | null }>(db, sql`
    with forget as (
      delete from login_throttle where window_start < ${forgetBefore} and (locked_until is null or locked_until < ${now})
         and key <> ${keys.account} and key <> ${keys.address})
    insert into login_throttle as t (key, failures, window_start, locked_until)
    values (${keys.account}, 1, ${now}::timestamptz, case when ${maxAccount}::int <= 1 then ${lockEnd}::timestamptz end),
           (${keys.address}, 1, ${now}::timestamptz, case when ${maxAddress}::int <= 1 then ${lockEnd}::timestamptz end)
    on conflict (key) do update set
      failures = ${count},
      window_start = case when ${stale} then ${now}::timestamptz else t.window_start end,
      locked_until = case when ${count} >= ${limitOf} then ${lockEnd}::timestamptz
                          when t.locked_until <= ${now} then null else t.locked_until end
    returning t.key, (extract(epoch from t.locked_until) * 1000)::float8 as locked_ms`);
  const account = result.find((r) => r.key === keys.account)?.locked_ms;
  const address = result.find((r) => r.key === keys.address)?.locked_ms;
  if (account && account > wall.getTime()) return accountLocked(ctx, account);
  if (address && address > wall.getTime()) return addressLocked(ctx, address);
  return null;
}

/** A successful sign-in clears the account's count (the address's stays: one good account must not launder a spray). */
export async function clearAccountFailures(db: Queryable, keys: ThrottleKeys): Promise<void> {
  await db.execute(sql`delete from login_throttle where key = ${keys.account}`);
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

/**
 * The database errors that input can still provoke, mapped to client errors (issue 20). This is
 * the backstop behind the route schemas and the services' own checks: a foreign key that points
 * nowhere → 422 naming the field, a unique key taken → 409, a value PostgreSQL cannot read
 * (class 22 "data exception": invalid text representation, numeric out of range, invalid
 * datetime, NUL in text…) → 400. Both drivers' errors carry the SQLSTATE in `code` and the
 * column in `detail` ("Key (staff_id)=(…) is not present in table …"); drizzle wraps them in
 * `cause`. Values are never echoed: a key can be an ID number.
 */
import { AppError } from './errors.js';

export interface PgErrorLike { code: string; detail?: string; constraint?: string; column?: string; table?: string }

/** The PostgreSQL error in an error's cause chain (pg's DatabaseError, PGlite's, drizzle's wrapper). */
export function pgErrorOf(e: unknown): PgErrorLike | null {
  for (let cur = e, depth = 0; cur && typeof cur === 'object' && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return cur as PgErrorLike;
  }
  return null;
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The columns named in a key detail: "Key (center_id, code)=(…)" → ["centerId", "code"]. */
export function keyFields(err: PgErrorLike): string[] {
  const m = /Key \(([^)]*)\)=/.exec(err.detail ?? '');
  if (m) return m[1].split(',').map((c) => camel(c.trim().replace(/^"|"$/g, '')));
  return err.column ? [camel(err.column)] : [];
}

/** A client error for a database error caused by input, or null (then it is a 500). */
export function dbErrorToAppError(e: unknown): AppError | null {
  const err = pgErrorOf(e);
  if (!err) return null;
  const fields = keyFields(err);
  const named = fields.join(', ') || err.constraint || '';
  const details = fields.map((field) => ({ field }));
  if (err.code === '23503') {
    if (/still referenced/.test(err.detail ?? '')) {
      return new AppError(409, 'in_use', `Still in use (${err.table ?? 'referenced'})`, '该记录仍被其他数据引用，不能删除', details);
    }
    return new AppError(422, 'reference_not_found', `No such record: ${named}`, `引用的记录不存在：${named}`, details);
  }
  if (err.code === '23505') {
    return new AppError(409, 'duplicate', `Already exists: ${named}`, `记录已存在（${named}重复），请刷新后重试`, details);
  }
  if (err.code.startsWith('22')) {
    return new AppError(400, 'invalid_value', `A value cannot be stored${named ? `: ${named}` : ''}`, '请求中有无法保存的值（日期、数字或文字格式不正确）', details);
  }
  return null;
}

/**
 * The database-error backstop (dbErrors.ts) with real errors from the driver in use: PGlite, or
 * PostgreSQL through `pg` when TEST_DATABASE_URL is set. Each mapping once, then through the
 * error handler of a real Fastify instance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { dbErrorToAppError } from './dbErrors.js';
import { errorHandler } from './errorHandler.js';

let t: TestApp;
const PARENT = '11111111-1111-4111-8111-111111111111';
const MISSING = '22222222-2222-4222-8222-222222222222';

beforeAll(async () => {
  t = await startTestApp({ demo: false });
  await t.ctx.db.execute(sql`create table fz_parent (id uuid primary key)`);
  await t.ctx.db.execute(sql`create table fz_child (id serial primary key, parent_id uuid references fz_parent(id), code text, center_id uuid, unique (center_id, code))`);
  await t.ctx.db.execute(sql`insert into fz_parent values (${PARENT}::uuid)`);
});
afterAll(async () => { await t?.close(); });

/** The error a statement throws (drizzle's wrapper around the driver's error). */
async function errorOf(q: ReturnType<typeof sql>): Promise<unknown> {
  try {
    await t.ctx.db.execute(q);
  } catch (e) {
    return e;
  }
  throw new Error('the statement did not fail');
}

describe('database errors caused by input → client errors', () => {
  it('foreign key violation → 422 naming the field', async () => {
    const e = dbErrorToAppError(await errorOf(sql`insert into fz_child (parent_id) values (${MISSING}::uuid)`));
    expect(e).toMatchObject({ status: 422, code: 'reference_not_found', details: [{ field: 'parentId' }] });
    expect(e!.message).not.toContain(MISSING); // values are never echoed (a key can be an ID number)
  });

  it('deleting a row still referenced → 409 in use', async () => {
    await t.ctx.db.execute(sql`insert into fz_child (parent_id) values (${PARENT}::uuid)`);
    const e = dbErrorToAppError(await errorOf(sql`delete from fz_parent where id = ${PARENT}::uuid`));
    expect(e).toMatchObject({ status: 409, code: 'in_use' });
  });

  it('unique violation → 409 naming the key fields', async () => {
    await t.ctx.db.execute(sql`insert into fz_child (code, center_id) values ('A1', ${PARENT}::uuid)`);
    const e = dbErrorToAppError(await errorOf(sql`insert into fz_child (code, center_id) values ('A1', ${PARENT}::uuid)`));
    expect(e).toMatchObject({ status: 409, code: 'duplicate', details: [{ field: 'centerId' }, { field: 'code' }] });
    expect(e!.message).not.toContain('A1');
  });

  it.each([
    ['invalid text representation (22P02)', sql`select ${'not-a-uuid'}::uuid`],
    ['numeric value out of range (22003)', sql`select ${'99999999999999999999'}::int4`],
    ['invalid datetime format (22007)', sql`select ${'yesterday-ish'}::date`],
    ['datetime field overflow (22008)', sql`select ${'2026-02-30'}::date`],
    ['NUL in text (22021)', sql`select convert_from('\\x6100'::bytea, 'UTF8')`],
  ])('%s → 400', async (_, q) => {
    expect(dbErrorToAppError(await errorOf(q))).toMatchObject({ status: 400, code: 'invalid_value' });
  });

  it('other database errors stay 500 (a bug, not input)', async () => {
    expect(dbErrorToAppError(await errorOf(sql`select * from no_such_table`))).toBeNull();
    expect(dbErrorToAppError(new Error('plain'))).toBeNull();
  });

  it('the error handler answers with the mapped status and body', async () => {
    const fk = await errorOf(sql`insert into fz_child (parent_id) values (${MISSING}::uuid)`);
    const app = Fastify();
    app.setErrorHandler(errorHandler);
    app.get('/x', async () => { throw fk; });
    const res = await app.inject({ method: 'GET', url: '/x' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'reference_not_found', details: [{ field: 'parentId' }] });
    await app.close();
  });
});

/** Benchmarks run against PostgreSQL: BENCH_DATABASE_URL, or the throwaway test server (scripts/pg-test-server.sh). */
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export function baseUrl(): string {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const out = execSync('bash scripts/pg-test-server.sh start', { encoding: 'utf8' });
  const m = /TEST_DATABASE_URL=(\S+)/.exec(out);
  if (!m) throw new Error(`no PostgreSQL for the benchmark: ${out}`);
  return m[1];
}

/** A fresh database for one benchmark run; dropped by `drop()`. */
export async function freshDatabase(prefix: string) {
  const base = baseUrl();
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

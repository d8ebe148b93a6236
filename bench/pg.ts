/** Benchmarks run against PostgreSQL: BENCH_DATABASE_URL, or the throwaway test server (scripts/pg-test-server.sh). */
import { execSync } from 'node:child_process';
import { freshDatabase } from '../test/freshdb.js';

export function baseUrl(): string {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const out = execSync('bash scripts/pg-test-server.sh start', { encoding: 'utf8' });
  const m = /TEST_DATABASE_URL=(\S+)/.exec(out);
  if (!m) throw new Error(`no PostgreSQL for the benchmark: ${out}`);
  return m[1];
}

/** A fresh database for one benchmark run; dropped by `drop()`. */
export const freshBenchDatabase = (prefix: string) => freshDatabase(baseUrl(), prefix);

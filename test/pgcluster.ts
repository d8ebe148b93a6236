/**
 * A PostgreSQL server of the test's own (initdb in a temporary folder, loopback, a free
 * port), so fault tests can stop, restart and kill it without touching the shared one.
 * Needs the Debian binaries (CI installs them); as root the server runs as `postgres`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export function pgBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin/initdb'))).sort((a, b) => Number(a) - Number(b));
  return versions.length ? path.join(base, versions[versions.length - 1], 'bin') : null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface PgCluster {
  url: string;
  port: number;
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  restart(): void;
  destroy(): void;
}

export async function startCluster(): Promise<PgCluster> {
  const bin = pgBinDir();
  if (!bin) throw new Error('PostgreSQL binaries not installed');
  const root = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-pgc-'));
  if (root) execFileSync('chown', ['postgres', dir]);
  const port = await freePort();
  const run = (cmd: string, args: string[]) => {
    const quoted = [path.join(bin, cmd), ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    execFileSync(root ? 'su' : 'bash', root ? ['postgres', '-s', '/bin/bash', '-c', quoted] : ['-c', quoted], { stdio: 'pipe' });
  };
  run('initdb', ['-D', dir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  const opts = `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = () => run('pg_ctl', ['-D', dir, '-l', path.join(dir, 'log'), '-o', opts, '-w', 'start']);
  const stop = (mode: 'fast' | 'immediate' = 'fast') => run('pg_ctl', ['-D', dir, '-m', mode, '-w', 'stop']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, start, stop,
    restart: () => { stop('fast'); start(); },
    destroy: () => { try { stop('immediate'); } catch { /* already down */ } fs.rmSync(dir, { recursive: true, force: true }); },
  };
}

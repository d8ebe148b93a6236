/**
 * Start-up time of `npm start`'s server on the embedded database: cold (empty DATA_DIR:
 * migrations + demo data) and warm (the same directory again). Goal: cold ≤ 10 s.
 *   npx tsx bench/startup.ts
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function start(dataDir: string): Promise<{ ms: number; reported: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', BANSHI_QUIET: '1', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Started in (\d+) ms/.exec(out);
      if (m) {
        const ms = performance.now() - t0;
        child.kill('SIGTERM');
        child.on('close', () => resolve({ ms, reported: m[1] }));
      }
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`no start within 60 s:\n${out}`)); }, 60_000);
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-start-'));
const cold = await start(dir);
const warm = await start(dir);
console.log(`cold start (migrations + demo data): ${(cold.ms / 1000).toFixed(1)} s wall, ${cold.reported} ms inside the server (goal ≤ 10 s)`);
console.log(`warm start (existing data):          ${(warm.ms / 1000).toFixed(1)} s wall, ${warm.reported} ms inside the server`);
fs.rmSync(dir, { recursive: true, force: true });

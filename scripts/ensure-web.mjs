// `npm start` builds the web app once (and again when its sources are newer than the build).
import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';

const dist = 'web/dist/index.html';
const newest = (dir) => fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
  const p = path.join(dir, e.name);
  return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
}, 0);
const stale = !fs.existsSync(dist) || newest('web/src') > fs.statSync(dist).mtimeMs;
if (stale) {
  console.log('Building the web app (first start only)…');
  execSync('npx vite build --config web/vite.config.ts --logLevel warn', { stdio: 'inherit' });
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK } from './locks.js';
import { JOBS } from '../jobs.js';

const srcDir = path.resolve(import.meta.dirname, '..');
const sourceFiles = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
  const p = path.join(dir, e.name);
  if (e.isDirectory()) return sourceFiles(p);
  return e.name.endsWith('.ts') && !e.name.includes('.test.') ? [p] : [];
});

describe('advisory-lock registry', () => {
  it('gives every lock its own id', () => {
    const ids = Object.values(LOCK);
    const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dup).toEqual([]);
  });

  it('gives every transactional job its own registered lock', () => {
    const keys = JOBS.flatMap((j) => ('lockKey' in j ? [[j.name, j.lockKey] as const] : []));
    expect(keys.length).toBeGreaterThan(10);
    const registered = new Set<number>(Object.values(LOCK));
    for (const [name, key] of keys) expect(registered.has(key), `${name} uses unregistered lock ${key}`).toBe(true);
    const byKey = new Map<number, string[]>();
    for (const [name, key] of keys) byKey.set(key, [...(byKey.get(key) ?? []), name]);
    expect([...byKey.values()].filter((names) => names.length > 1)).toEqual([]);
    expect(new Set(JOBS.map((j) => j.name)).size).toBe(JOBS.length);
  });

  it('finds no numeric advisory lock in the code outside the registry', () => {
    const registered = new Set<number>(Object.values(LOCK));
    const literal = /pg_(?:try_)?advisory(?:_xact)?_lock\(\s*(\d[\d_]*)/g;
    const lockKey = /lockKey:\s*(\d[\d_]*)/g;
    const stray: string[] = [];
    for (const file of sourceFiles(srcDir)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const re of [literal, lockKey]) {
        for (const m of text.matchAll(re)) {
          const id = Number(m[1].replaceAll('_', ''));
          if (!registered.has(id)) stray.push(`${path.relative(srcDir, file)}: ${id}`);
        }
      }
    }
    expect(stray).toEqual([]);
  });
});

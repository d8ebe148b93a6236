import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { dataDirFrom } from './config.js';

describe('DATA_DIR', () => {
  it('takes an absolute path or one starting with ./ or ../', () => {
    expect(dataDirFrom('/var/lib/banshi')).toBe('/var/lib/banshi');
    expect(dataDirFrom('./data')).toBe(path.resolve('data'));
    expect(dataDirFrom('../banshi-data')).toBe(path.resolve('../banshi-data'));
    expect(dataDirFrom(undefined)).toBe(path.resolve('data'));
  });
  it('refuses anything else, so a typo never creates a folder', () => {
    for (const bad of ['memory:', 'memory:/pglite', 'data']) expect(() => dataDirFrom(bad)).toThrow(/DATA_DIR/);
  });
});

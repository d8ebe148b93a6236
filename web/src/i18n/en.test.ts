/**
 * Every Chinese key the UI shows has its English: the literals of t('…'), tr('…') and zh('…')
 * in web/src, and the server label maps the web shows (item types, case kinds, roles…).
 * A second check finds Chinese left outside those calls, so a new page cannot skip t().
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { CASE_KIND_LABELS, ITEM_LEVEL_LABELS, ITEM_TYPE_LABELS, SPECIAL_PROCEDURE_LABELS } from '../../../src/catalog/types';
import { ROLE_LABELS } from '../../../src/core/auth/roles';
import {
  CASE_ACTION_LABELS, CASE_STATE_LABELS, CHANNEL_LABELS, DOCUMENT_TITLES, JOINT_EVENT_LABELS, OPINION_LABELS, PART_STATUS_LABELS, SYSTEM_EVENT_LABELS,
} from '../../../src/cases/types';
import { GROUP_BY_LABELS } from '../../../src/stats/types';

const ROOT = path.resolve(__dirname, '..');
const EN_DIR = path.join(ROOT, 'i18n', 'en');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return p === path.join(ROOT, 'i18n') ? [] : sources(p);
    return /\.tsx?$/.test(d.name) && !/\.(test|d)\.tsx?$/.test(d.name) ? [p] : [];
  });
}

async function english(): Promise<Record<string, string>> {
  const files = fs.readdirSync(EN_DIR).filter((f) => f.endsWith('.ts'));
  const mods = await Promise.all(files.map((f) => import(path.join(EN_DIR, f))));
  return Object.assign({}, ...mods.map((m) => m.default));
}

const CALL = /\b(?:t|tr|zh)\(\s*'((?:[^'\\]|\\.)*)'/g;
const unescape = (s: string) => s.replace(/\\n/g, '\n').replace(/\\(['\\])/g, '$1');
const HAN = /\p{Script=Han}/u;
/** Chinese the UI shows on purpose in every language: the switch back to Chinese. */
const ALLOWED = ['切换到中文', '中文', "'网络错误，请检查连接后重试'", "'请求失败'"];

function keysIn(code: string): string[] {
  return [...code.matchAll(CALL)].map((m) => unescape(m[1]));
}

/** The source with comments, translated literals and allowed texts removed. */
function untranslated(code: string): string[] {
  let rest = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1').replace(CALL, '');
  for (const a of ALLOWED) rest = rest.split(a).join('');
  return rest.split('\n').filter((l) => HAN.test(l)).map((l) => l.trim());
}

describe('English for the whole UI', () => {
  const files = sources(ROOT);

  it('scans the web sources', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files.some((f) => f.endsWith(path.join('portal', 'GuideListPage.tsx')))).toBe(true);
  });

  it('every t(…) key has an English entry with the same placeholders', async () => {
    const en = await english();
    const missing: string[] = [];
    const badVars: string[] = [];
    for (const f of files) {
      for (const k of keysIn(fs.readFileSync(f, 'utf8'))) {
        if (!HAN.test(k)) continue;
        if (!(k in en)) missing.push(`${path.relative(ROOT, f)}: ${k}`);
        else {
          const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');
          if (vars(k) !== vars(en[k])) badVars.push(`${k} → ${en[k]}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(badVars).toEqual([]);
  });

  it('a key has one English in every module (the dictionaries merge into one)', async () => {
    const files = fs.readdirSync(EN_DIR).filter((f) => f.endsWith('.ts'));
    const seen = new Map<string, string>();
    const conflicts: string[] = [];
    for (const f of files) {
      const dict: Record<string, string> = (await import(path.join(EN_DIR, f))).default;
      for (const [k, v] of Object.entries(dict)) {
        const before = seen.get(k);
        if (before !== undefined && before !== v) conflicts.push(`${f}: ${k} → ${v} (elsewhere ${before})`);
        seen.set(k, v);
      }
    }
    expect(conflicts).toEqual([]);
  });

  it('the server label maps shown in the UI have English', async () => {
    const en = await english();
    const maps = [CASE_KIND_LABELS, ITEM_LEVEL_LABELS, ITEM_TYPE_LABELS, SPECIAL_PROCEDURE_LABELS, ROLE_LABELS];
    const missing = maps.flatMap((m) => Object.values(m)).filter((zh) => !(zh in en));
    expect(missing).toEqual([]);
  });

  it('the case and statistics enums have English by their key (web/src/lib/labels.ts namespaces)', async () => {
    const en = await english();
    const maps: [string, Record<string, string>][] = [
      ['caseState', CASE_STATE_LABELS], ['channel', CHANNEL_LABELS], ['caseAction', CASE_ACTION_LABELS], ['caseEvent', JOINT_EVENT_LABELS],
      ['caseEvent', SYSTEM_EVENT_LABELS], ['opinion', OPINION_LABELS], ['partStatus', PART_STATUS_LABELS], ['document', DOCUMENT_TITLES], ['groupBy', GROUP_BY_LABELS],
    ];
    const missing = maps.flatMap(([ns, m]) => Object.keys(m).filter((k) => !(`${ns}:${k}` in en)).map((k) => `${ns}:${k}`));
    expect(missing).toEqual([]);
    // Every English is English: no Chinese left in a translation (examples included).
    expect(Object.entries(en).filter(([, v]) => HAN.test(v)).map(([k, v]) => `${k} → ${v}`)).toEqual([]);
  });

  it('no Chinese text is left outside t(…)', () => {
    const left = files.flatMap((f) => untranslated(fs.readFileSync(f, 'utf8')).map((l) => `${path.relative(ROOT, f)}: ${l}`));
    expect(left).toEqual([]);
  });

  it('the checker itself finds a missing key and a bare string', () => {
    expect(keysIn("const a = t('取号'); tr('前面还有{n}人', { n }); zh('x')")).toEqual(['取号', '前面还有{n}人', 'x']);
    expect(untranslated("<Button>保存</Button>\n// 注释\n{t('保存')}")).toEqual(['<Button>保存</Button>']);
  });
});

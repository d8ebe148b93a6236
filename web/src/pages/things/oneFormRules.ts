/** The one form's pure rules: dates as people type them, the groups, and what is sent (formData). */
import type { PlanField } from './api';

/** 2026年3月5日, 2026/3/5, 20260305 → 2026-03-05 (what people type for a date). */
export function normalizeDate(v: string): string {
  const s = v.trim();
  const m = /^(\d{4})\D{0,2}(\d{1,2})\D{0,2}(\d{1,2})\D?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s;
}

export function validDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** The fields in their groups, in the order the items ask them. */
export function groupFields(fields: PlanField[]): [string, PlanField[]][] {
  const groups = new Map<string, PlanField[]>();
  for (const f of fields) {
    const g = f.group ?? '';
    groups.set(g, [...(groups.get(g) ?? []), f]);
  }
  return [...groups];
}

/** What the form holds → formData: trimmed, identity numbers upper case, numbers as numbers, blanks left out. */
export function formDataOf(values: Record<string, unknown> | undefined, fields: PlanField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = values?.[f.key];
    const v = typeof raw === 'string' ? raw.trim() : raw;
    if (v === undefined || v === null || v === '') continue;
    out[f.key] = f.kind === 'idNumber' && typeof v === 'string' ? v.toUpperCase() : f.kind === 'number' && typeof v === 'string' ? Number(v) : f.kind === 'date' && typeof v === 'string' ? normalizeDate(v) : v;
  }
  return out;
}

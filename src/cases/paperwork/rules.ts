/**
 * The internal paperwork's content, pure: the hand-overs a 全程承办单 lists (who handed the
 * case to whom, who signed, when, with what opinion) and the steps of the 内部审批过程控制单
 * with who completed each and the defects recorded against it.
 */
import type { ProcedureStep } from '../../catalog/types.js';
import { CASE_ACTION_LABELS } from '../types.js';

export interface RouteEvent { seq: number; at: string; actorId: string | null; actorRole: string; action: string; data: Record<string, unknown> }
export interface Person { name: string; roleLabel: string }
export interface RouteRow { seq: number; action: string; from: string; to: string; by: string; at: string; opinion: string }

/** Actions at which the case passes from one hand to the next. */
const HANDOVERS = new Set(['submit', 'accept', 'acceptConditional', 'assign', 'handOver', 'completeStep', 'decide', 'markResultReady', 'deliver', 'complete', 'reportUp', 'recordReply']);

/** "2026-03-05 09:30" in the center's zone. */
export function localTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * One row per hand-over. `to` names the next holder: the person assigned or handed to, the
 * next step's role, the department at acceptance, the applicant at delivery.
 */
export function routeRows(events: readonly RouteEvent[], people: ReadonlyMap<string, Person>, steps: readonly ProcedureStep[], ctx: { department: string; applicant: string; timeZone: string; roleLabels: Record<string, string> }): RouteRow[] {
  const who = (id: string | null, role: string) => {
    const p = id ? people.get(id) : undefined;
    return p ? `${p.name}（${p.roleLabel}）` : ctx.roleLabels[role] ?? role;
  };
  const rows: RouteRow[] = [];
  let stepIndex = 0;
  let holder = '';
  for (const e of events) {
    if (!HANDOVERS.has(e.action)) continue;
    const by = who(e.actorId, e.actorRole);
    const named = (e.data.to as { name?: string } | undefined)?.name;
    let from = holder || by;
    let to: string;
    switch (e.action) {
      case 'submit': from = ctx.applicant; to = '窗口'; break;
      case 'accept': case 'acceptConditional': to = ctx.department; break;
      case 'assign': case 'handOver': to = named ?? ''; if (e.action === 'assign' && text(e.data.step)) stepIndex += 1; break;
      case 'completeStep': { stepIndex += 1; const next = steps[stepIndex]; to = next ? `${next.name}（${ctx.roleLabels[next.role] ?? next.role}）` : '签批'; break; }
      case 'decide': to = '窗口（送达）'; break;
      case 'markResultReady': to = '窗口'; break;
      case 'deliver': to = ctx.applicant; break;
      case 'reportUp': to = text(e.data.authority) || '上级机关'; break;
      default: to = by;
    }
    if (e.action === 'submit') from = ctx.applicant;
    rows.push({
      seq: e.seq, action: CASE_ACTION_LABELS[e.action as keyof typeof CASE_ACTION_LABELS] ?? e.action, from, to, by, at: localTime(e.at, ctx.timeZone),
      opinion: text(e.data.opinion) || text(e.data.note) || text(e.data.reasons) || text(e.data.reply),
    });
    holder = to;
  }
  return rows;
}

export interface DefectRow { stepIndex: number; materialName: string; defect: string; correction: string; by: string; at: string }

/**
 * The control sheet's steps: each handling step with the event that completed it (the
 * coordinator's dispatch by assignment, a step by completeStep, the sign-off by decide).
 */
export function controlSteps(steps: readonly ProcedureStep[], events: readonly RouteEvent[], people: ReadonlyMap<string, Person>, defects: readonly DefectRow[], timeZone: string, roleLabels: Record<string, string>) {
  const done: (RouteEvent | undefined)[] = steps.map(() => undefined);
  let i = 0;
  for (const e of events) {
    const completes = e.action === 'completeStep' || (e.action === 'assign' && text(e.data.step)) || e.action === 'decide';
    if (!completes) continue;
    const at = e.action === 'decide' ? steps.length - 1 : i;
    if (at >= 0 && at < steps.length && !done[at]) done[at] = e;
    if (e.action !== 'decide') i += 1;
  }
  return steps.map((s, index) => {
    const e = done[index];
    const p = e?.actorId ? people.get(e.actorId) : undefined;
    return {
      index, name: s.name, roleLabel: roleLabels[s.role] ?? s.role, workingDays: s.workingDays,
      doneBy: e ? (p ? `${p.name}（${p.roleLabel}）` : roleLabels[e.actorRole] ?? e.actorRole) : undefined,
      doneAt: e ? localTime(e.at, timeZone) : undefined,
      opinion: e ? text(e.data.opinion) || (e.action === 'decide' ? (e.data.outcome === 'approved' ? '准予许可' : '不予许可') : '') : undefined,
      defects: defects.filter((d) => d.stepIndex === index).map((d) => ({ material: d.materialName, defect: d.defect, correction: d.correction, by: d.by, at: d.at })),
    };
  });
}

/** An item has several internal steps when its handling (after the window) takes three or more. */
export const hasSeveralSteps = (steps: readonly ProcedureStep[]) => steps.length >= 3;

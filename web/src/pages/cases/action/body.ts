/** What an action's form starts with, and the request body it sends (docs/api.md, the action table). */
import type { CaseView, UploadedFile } from '../../../api/cases';
import type { CaseAction } from '../../../../../src/cases/types';
import { jointBody, jointInitialValues } from '../JointForms';
import { inHand, submittable } from './materials';

export type Values = Record<string, unknown>;

/** Defaults, taken once when the form opens (a reload after a conflict keeps what was typed). */
export function initialValuesFor(action: CaseAction, view: CaseView, checklist: string[] | null): Values {
  const have = inHand(view, checklist);
  const requiredMissing = submittable(view).filter((m) => m.required === 'required' && !have.includes(m.materialId)).map((m) => m.materialId);
  switch (action) {
    case 'accept':
      return { provided: have };
    case 'notifySupplement':
      return { missing: requiredMissing, note: '' };
    case 'acceptConditional':
      return { owed: submittable(view).filter((m) => !m.major && m.required === 'required' && !have.includes(m.materialId)).map((m) => m.materialId) };
    case 'supply':
      return { provided: [] };
    case 'decide':
      return { outcome: 'approved', reasons: '' };
    case 'deliver':
      return { mode: 'pickup', trackingNo: '' };
    case 'suspend':
      return { procedure: undefined, plannedWorkingDays: 5 };
    case 'requestExtension':
      return { workingDays: 5 };
    case 'recordReply':
      return { outcome: 'approved', replyOn: new Date().toISOString().slice(0, 10), reference: '', note: '' };
    default:
      return jointInitialValues(action, view);
  }
}

const text = (v: unknown) => String(v ?? '').trim();
const list = (x: unknown) => (Array.isArray(x) ? (x as string[]) : []);

/** `have`: materials in hand; `uploads`: the user supplies by uploading `files` rather than ticking. */
export function buildBody(action: CaseAction, v: Values, ctx: { view: CaseView; have: string[]; uploads: boolean; files: Record<string, UploadedFile | null> }): Record<string, unknown> {
  const { view, have, uploads, files } = ctx;
  switch (action) {
    case 'accept':
      return { provided: list(v.provided) };
    case 'notifySupplement': {
      const missing = list(v.missing);
      const provided = have.filter((id) => !missing.includes(id));
      return { missing, note: text(v.note), ...(provided.length ? { provided } : {}) };
    }
    case 'acceptConditional': {
      const owed = list(v.owed);
      const provided = have.filter((id) => !owed.includes(id));
      return { owed, ...(provided.length ? { provided } : {}) };
    }
    case 'supply':
      if (uploads) return { materials: Object.entries(files).filter((e): e is [string, UploadedFile] => !!e[1]).map(([materialId, f]) => ({ materialId, fileId: f.id })) };
      return { provided: list(v.provided) };
    case 'return':
      return { reasons: text(v.reasons), redirectTo: text(v.redirectTo) };
    case 'refuse':
      return { reasons: text(v.reasons) };
    case 'assign':
      return { userId: v.userId };
    case 'handOver':
      return { toUserId: v.toUserId, note: text(v.note) };
    case 'completeStep':
      return { opinion: text(v.opinion) };
    case 'suspend':
      return { procedure: v.procedure, reason: text(v.reason), plannedWorkingDays: v.plannedWorkingDays };
    case 'requestExtension':
      return { workingDays: v.workingDays, reason: text(v.reason) };
    case 'rejectExtension':
      return { reason: text(v.reason) };
    case 'decide':
      return { outcome: v.outcome, ...(text(v.reasons) ? { reasons: text(v.reasons) } : {}) };
    case 'deliver':
      return { mode: v.mode, ...(v.mode === 'post' ? { trackingNo: text(v.trackingNo) } : {}) };
    case 'withdraw':
      return text(v.reason) ? { reason: text(v.reason) } : {};
    case 'reportUp':
      return { authority: text(v.authority), reference: text(v.reference) };
    case 'recordReply':
      return { outcome: v.outcome, replyOn: v.replyOn, reference: text(v.reference), note: text(v.note) };
    default:
      return jointBody(action, v, view, files);
  }
}

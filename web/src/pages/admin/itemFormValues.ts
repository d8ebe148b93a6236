/** Between a stored guide and the edit form: an empty guide, form values with every field, and back. */
import type { GuideData, Limit, Material } from '../../../../src/catalog/types';
import { tr } from '../../lib/i18n';

export type ItemFormValues = GuideData & { code?: string };

export function newId(prefix = 'm'): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function' && globalThis.isSecureContext) return c.randomUUID();
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function emptyGuide(departmentId = ''): GuideData {
  return {
    name: '',
    type: 'license',
    theme: '',
    servedParty: 'person',
    departmentId,
    entryMode: 'resident',
    windowNames: [],
    responsiblePerson: '',
    legalBasis: '',
    statutoryLimit: { value: 20, unit: 'workingDays' },
    promisedLimit: { value: 5, unit: 'workingDays' },
    caseKind: 'promised',
    conditions: '',
    reviewStandard: '',
    procedure: [
      { name: tr('受理'), role: 'receiver' },
      { name: tr('审查'), role: 'handler', workingDays: 3 },
      { name: tr('决定'), role: 'chiefRep', workingDays: 1 },
      { name: tr('办结'), role: 'receiver' },
    ],
    specialProcedures: [],
    jointParticipants: [],
    maxVisits: 1,
    onlineDepth: 3,
    conditionalAcceptance: false,
    appointmentAllowed: true,
    deliveryModes: ['pickup'],
    overdueDefault: 'none',
    materials: [],
    fees: { free: true, items: [] },
    result: { name: '', type: 'certificate' },
    contact: { address: '', hours: '', phone: '', complaintPhone: '' },
  };
}

/** Fill in anything missing so the form always has every field. */
export function toFormValues(data: Partial<GuideData> | undefined, code?: string): ItemFormValues {
  const base = emptyGuide();
  const d = { ...base, ...(data ?? {}) } as GuideData;
  return {
    ...d,
    code,
    windowNames: d.windowNames ?? [],
    aliases: d.aliases ?? [],
    keywords: d.keywords ?? [],
    procedure: d.procedure ?? [],
    specialProcedures: d.specialProcedures ?? [],
    jointParticipants: d.jointParticipants ?? [],
    deliveryModes: d.deliveryModes ?? [],
    materials: (d.materials ?? []).map((m) => ({ ...m })),
    fees: { free: d.fees?.free ?? true, items: d.fees?.items ?? [], payBeforeDelivery: d.fees?.payBeforeDelivery ?? false },
    result: { ...base.result, ...(d.result ?? {}) },
    contact: { ...base.contact, ...(d.contact ?? {}) },
    statutoryLimit: { ...base.statutoryLimit, ...(d.statutoryLimit ?? {}) },
    promisedLimit: { ...base.promisedLimit, ...(d.promisedLimit ?? {}) },
  };
}

/** Search words trimmed and de-duplicated; none at all = the field is left out. */
function words(list: string[] | undefined): string[] | undefined {
  const out = [...new Set((list ?? []).map((w) => w.trim()).filter(Boolean))];
  return out.length ? out : undefined;
}

const blankToUndef = (s: string | undefined | null) => (s && s.trim() ? s.trim() : undefined);

function normLimit(l: Limit): Limit {
  return { unit: l.unit, value: l.unit === 'onTheSpot' ? 0 : Number(l.value ?? 0) };
}

/** Form values → the GuideData the API expects (optional fields dropped when not applicable). */
export function fromFormValues(values: ItemFormValues, original?: Partial<GuideData>): { data: GuideData; code?: string } {
  const { code, ...rest } = values;
  const v = { ...(original ?? {}), ...rest } as GuideData;
  const data: GuideData = {
    ...v,
    name: v.name.trim(),
    theme: (v.theme ?? '').trim(),
    notEnteredReason: v.entryMode === 'notEntered' ? blankToUndef(v.notEnteredReason) : undefined,
    windowNames: (v.windowNames ?? []).map((w) => w.trim()).filter(Boolean),
    aliases: words(v.aliases),
    keywords: words(v.keywords),
    statutoryLimit: normLimit(v.statutoryLimit),
    promisedLimit: normLimit(v.promisedLimit),
    procedure: (v.procedure ?? [])
      .filter((s) => s && s.name)
      .map((s) => ({ name: s.name.trim(), role: s.role, ...(s.workingDays !== undefined && s.workingDays !== null ? { workingDays: Number(s.workingDays) } : {}) })),
    jointParticipants: v.caseKind === 'joint' ? (v.jointParticipants ?? []).filter((j) => j && j.departmentId) : [],
    materials: (v.materials ?? [])
      .filter((m) => m && m.name)
      .map((m): Material => {
        const out: Material = {
          id: m.id || newId(),
          name: m.name.trim(),
          required: m.required ?? 'required',
          major: m.major ?? true,
          copies: Number(m.copies ?? 1),
          form: m.form ?? 'paper',
          source: m.source ?? 'applicant',
        };
        if (out.required === 'conditional' && blankToUndef(m.condition)) out.condition = blankToUndef(m.condition);
        if (blankToUndef(m.sourceAgency)) out.sourceAgency = blankToUndef(m.sourceAgency);
        if (blankToUndef(m.sample)) out.sample = blankToUndef(m.sample);
        if (blankToUndef(m.note)) out.note = blankToUndef(m.note);
        // 免证办: the licence type that satisfies the material (kept through an edit, not dropped).
        if (blankToUndef(m.licenceType)) out.licenceType = blankToUndef(m.licenceType);
        return out;
      }),
    fees: v.fees?.free ? { free: true, items: [] } : { free: false, items: (v.fees?.items ?? []).filter((f) => f && f.name), ...(v.fees?.payBeforeDelivery ? { payBeforeDelivery: true } : {}) },
    result: {
      name: v.result?.name ?? '',
      type: v.result?.type ?? 'other',
      ...(blankToUndef(v.result?.sample) ? { sample: blankToUndef(v.result?.sample) } : {}),
      // The holder's licence an approved case replaces (企业变更登记 → 营业执照) or ends (离婚登记 → 结婚证).
      ...(blankToUndef(v.result?.supersedes) ? { supersedes: blankToUndef(v.result?.supersedes) } : {}),
      ...(blankToUndef(v.result?.revokes) ? { revokes: blankToUndef(v.result?.revokes) } : {}),
    },
  };
  if (data.notEnteredReason === undefined) delete data.notEnteredReason;
  if (!data.keyProject) delete data.keyProject;
  if (!data.level) delete data.level;
  return { data, code: blankToUndef(code) };
}

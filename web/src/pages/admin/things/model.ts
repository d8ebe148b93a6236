/** The things editor's data: the API's shapes, an empty thing, and the server's problems by field path. */
import type { ItemAction } from '../../../api/types';
import type { Limit } from '../../../../../src/catalog/types';
import type { ItemStatus } from '../../../../../src/catalog/types';
import type { FormField, Question, SharedMaterial, ThingData, ThingItem } from '../../../../../src/things/types';
import { ApiError } from '../../../api/client';
import { getLang } from '../../../lib/i18n';

export type { FormField, Question, SharedMaterial, ThingData, ThingItem };

export interface Problem { field?: string; message?: string; messageZh?: string }

export interface ThingListRow {
  id: string; code: string; name: string; lifeEvent: ThingData['lifeEvent']; status: ItemStatus;
  latestVersion: number; publishedVersion: number | null; leadDepartment: { id: string; name: string }; updatedAt: string;
}

export interface ThingDetail {
  id: string; code: string; status: ItemStatus; availability: string; latestVersion: number; publishedVersion: number | null;
  latest: { version: number; status: ItemStatus; data: ThingData; createdAt: string; submittedAt: string | null; reviewedAt: string | null; reviewNote: string | null; publishedAt: string | null };
  problems: Problem[];
  versions: { version: number; status: ItemStatus; createdAt: string; publishedAt: string | null; reviewNote: string | null }[];
  allowedActions: ItemAction[];
  canEdit: boolean;
  /** Four eyes, when the server applies it to things (as it does to items). */
  fourEyes?: { secondReviewer: boolean; blockedActions: ItemAction[] };
}

export interface OptionItem {
  code: string; name: string; department: { id: string; name: string }; promisedLimit: Limit;
  materials: { id: string; name: string; required: string; source: string }[];
}
export interface EditorOptions { items: OptionItem[]; departments: { id: string; name: string }[] }

export const emptyThing = (leadDepartmentId = ''): ThingData => ({
  name: '', lifeEvent: 'birth', servedParty: 'person', leadDepartmentId, summary: '', basis: '',
  questions: [], items: [], sharedMaterials: [], contact: { address: '', hours: '', phone: '' },
});
export const emptyItem = (itemCode = ''): ThingItem => ({ itemCode, when: [], after: [], fields: [], shares: [] });
export const emptyField = (): FormField => ({ key: '', label: '', kind: 'text', required: true, group: '' });
export const emptyQuestion = (): Question => ({ key: '', text: '', kind: 'yesNo' });
export const emptyShared = (): SharedMaterial => ({ key: '', name: '' });

const blank = (s: string | undefined) => !s?.trim();

/** What is sent: optional texts left empty are dropped, options only where a choice takes them. */
export function toPayload(d: ThingData): ThingData {
  return {
    ...d,
    questions: d.questions.map((q) => {
      const { options, help, ...rest } = q;
      return { ...rest, ...(q.kind === 'choice' ? { options: options ?? [] } : {}), ...(blank(help) ? {} : { help }) };
    }),
    items: d.items.map((i) => ({
      ...i,
      when: (i.when ?? []).filter((c) => c.question),
      fields: i.fields.map((f) => {
        const { options, group, ...rest } = f;
        return { ...rest, ...(f.kind === 'choice' ? { options: options ?? [] } : {}), ...(blank(group) ? {} : { group }) };
      }),
    })),
    sharedMaterials: d.sharedMaterials.map((s) => {
      const { sharingSource, producedBy, note, ...rest } = s;
      return { ...rest, ...(blank(sharingSource) ? {} : { sharingSource }), ...(blank(producedBy) ? {} : { producedBy }), ...(blank(note) ? {} : { note }) };
    }),
  };
}

/** Problems by field path (`items.0.after.1`), the request-format errors' `body.data.` prefix removed. */
export type ProblemMap = Map<string, Problem[]>;

export function problemMap(problems: readonly Problem[]): ProblemMap {
  const map: ProblemMap = new Map();
  for (const p of problems) {
    const field = (p.field ?? '').replace(/^body\./, '').replace(/^data\./, '');
    map.set(field, [...(map.get(field) ?? []), { ...p, field }]);
  }
  return map;
}

/** The problems an error carries (validation 400 and 422), or none. */
export const problemsOf = (e: unknown): Problem[] => (e instanceof ApiError ? e.details.filter((d) => typeof d.field === 'string') : []);

export const problemText = (p: Problem, fallback: string) => (getLang() === 'en' ? p.message || p.messageZh : p.messageZh) || fallback;

/**
 * The member pipeline (发展党员, seed 004 第十一条–第十五条) as one transition table: for each
 * action the states it starts from, the state it leads to and its guards. Pure: the facts
 * come in, a refusal naming the rule or the changed facts come out.
 */
import type { MemberStatus, PipelineAction } from '../types.js';
import { addMonths, addYears, daysBetween } from './dates.js';
import { refuse, type Refusal } from './refusal.js';

export interface MemberFacts {
  status: MemberStatus;
  appliedOn: string | null;
  activistOn: string | null;
  targetOn: string | null;
  /** Admission as a probationary member (the political birthday counts from here). */
  probationOn: string | null;
  fullOn: string | null;
  contacts: string[];
  introducers: string[];
  /** Dates of the branch's half-yearly examinations of the activist. */
  exams: string[];
  /** Dates of central training (集中培训). */
  trainings: string[];
  extensionMonths: number | null;
  /** The last dated step, so steps cannot be back-dated before it. */
  lastStepOn: string | null;
}

/** A vote of the branch assembly on this member (admission or confirmation), as the meeting rules judged it. */
export interface VoteOutcome { kind: 'admission' | 'confirmation'; heldOn: string; passed: boolean; reason?: string }

export interface StepInput {
  action: PipelineAction;
  on: string;
  contacts?: string[];
  introducers?: string[];
  months?: number;
  vote?: VoteOutcome;
}

interface Transition {
  from: readonly MemberStatus[];
  to: MemberStatus | 'same';
  guard?: (m: MemberFacts, s: StepInput) => Refusal | null;
}

export const CULTIVATION_YEARS = 1;
export const TRAINING_VALID_YEARS = 2;
export const PROBATION_YEARS = 1;
export const EXTENSION_MIN_MONTHS = 6;
export const EXTENSION_MAX_MONTHS = 12;

/** The end of probation: one year from admission, plus the one extension if there was one. */
export function probationEnd(m: Pick<MemberFacts, 'probationOn' | 'extensionMonths'>): string | null {
  if (!m.probationOn) return null;
  return addMonths(addYears(m.probationOn, PROBATION_YEARS), m.extensionMonths ?? 0);
}

/**
 * 「党支部每半年对入党积极分子进行一次考察」 (第十一条): every whole half-year since the activist
 * was named, up to the step's date, must hold an examination. Returns the first half-year without one.
 */
export function missingExamPeriod(activistOn: string, exams: readonly string[], until: string): { from: string; to: string } | null {
  for (let k = 0; ; k++) {
    const from = addMonths(activistOn, 6 * k);
    const to = addMonths(activistOn, 6 * (k + 1));
    if (to > until) return null;
    if (!exams.some((e) => e >= from && e < to)) return { from, to };
  }
}

const twoContacts = (list: readonly string[] | undefined) => (list ?? []).filter((x) => x.trim()).length >= 2 && new Set(list!.map((x) => x.trim())).size >= 2;

export const PIPELINE: Record<PipelineAction, Transition> = {
  // 第十一条「支部确定两名正式党员作为入党积极分子的培养联系人」
  becomeActivist: {
    from: ['applicant'], to: 'activist',
    guard: (_m, s) => (twoContacts(s.contacts) ? null
      : refuse('two_contacts', 'Name two full members as the activist\'s contacts (seed 004 art. 11)', '须确定两名正式党员作为入党积极分子的培养联系人（第十一条）', 422)),
  },
  examine: { from: ['activist'], to: 'same' },
  train: { from: ['activist', 'developmentTarget'], to: 'same' },
  // 第十二条「培养、教育、考察期一年以上并在两年内参加过集中培训的入党积极分子……列为发展对象」
  becomeTarget: {
    from: ['activist'], to: 'developmentTarget',
    guard: (m, s) => {
      const since = m.activistOn!;
      const ready = addYears(since, CULTIVATION_YEARS);
      if (s.on < ready) {
        return refuse('cultivation_one_year', `Cultivation must last at least one year: from ${since}, not before ${ready} (seed 004 art. 12)`,
          `培养、教育、考察期须一年以上：自${since}起，${ready}前不能列为发展对象（第十二条）`);
      }
      if (!twoContacts(m.contacts)) return refuse('two_contacts', 'The activist has no two contacts (seed 004 art. 11)', '该积极分子未确定两名培养联系人（第十一条）');
      const gap = missingExamPeriod(since, m.exams, s.on);
      if (gap) {
        return refuse('half_yearly_exam', `No half-yearly examination between ${gap.from} and ${gap.to} (seed 004 art. 11)`,
          `${gap.from}至${gap.to}期间未进行半年考察（第十一条：党支部每半年对入党积极分子进行一次考察）`);
      }
      const trainedFrom = addYears(s.on, -TRAINING_VALID_YEARS);
      if (!m.trainings.some((t) => t >= trainedFrom && t <= s.on)) {
        return refuse('training_within_two_years', 'No central training within the last two years (seed 004 art. 12)', '两年内未参加过集中培训（第十二条）');
      }
      return null;
    },
  },
  // 第十三条: admission by the branch assembly (attendance and vote judged by the meeting rules).
  admit: {
    from: ['developmentTarget'], to: 'probationary',
    guard: (m, s) => {
      if (!twoContacts(s.introducers)) return refuse('two_introducers', 'Name the two introducers (seed 004 art. 12–13)', '须确定两名入党介绍人（第十二、十三条）', 422);
      if (!s.vote || s.vote.kind !== 'admission') return refuse('admission_vote', 'Admission needs a branch assembly resolution on this member', '接收预备党员须经支部党员大会讨论表决（第十三条）');
      if (!s.vote.passed) return refuse('admission_vote', `The branch assembly did not pass the admission: ${s.vote.reason ?? ''}`, `支部党员大会未通过接收：${s.vote.reason ?? ''}`);
      if (s.vote.heldOn < m.targetOn!) return refuse('admission_vote', 'The assembly was held before the member became a development target', '表决会议早于列为发展对象的日期');
      return null;
    },
  },
  // 第十四条「可延长一次预备期，延长时间半年以上、一年以下」 — decided when probation ends.
  extendProbation: {
    from: ['probationary'], to: 'same',
    guard: (m, s) => {
      if (m.extensionMonths) return refuse('extension_once', 'Probation may be extended only once (seed 004 art. 14)', '预备期只能延长一次（第十四条）');
      const months = s.months ?? 0;
      if (!Number.isInteger(months) || months < EXTENSION_MIN_MONTHS || months > EXTENSION_MAX_MONTHS) {
        return refuse('extension_length', 'An extension lasts six to twelve months (seed 004 art. 14)', '延长时间须半年以上、一年以下（6至12个月，第十四条）', 422);
      }
      const end = probationEnd(m)!;
      if (s.on < end) return refuse('probation_one_year', `Probation ends on ${end}; the extension is decided then (seed 004 art. 14)`, `预备期至${end}届满，期满后方可决定延长（第十四条）`);
      return null;
    },
  },
  // 第十四条「预备期满后……提交党员大会讨论」; probation is one year (domain §11).
  confirm: {
    from: ['probationary'], to: 'full',
    guard: (m, s) => {
      const end = probationEnd(m)!;
      if (s.on < end) {
        return refuse('probation_one_year', `Probation runs until ${end}; confirmation is refused before then (seed 004 art. 14)`,
          `预备期至${end}届满，期满前不能转正（第十四条）`);
      }
      if (!s.vote || s.vote.kind !== 'confirmation') return refuse('confirmation_vote', 'Confirmation needs a branch assembly resolution on this member', '预备党员转正须经支部党员大会讨论表决（第十四条）');
      if (!s.vote.passed) return refuse('confirmation_vote', `The branch assembly did not pass the confirmation: ${s.vote.reason ?? ''}`, `支部党员大会未通过转正：${s.vote.reason ?? ''}`);
      if (s.vote.heldOn < end) return refuse('probation_one_year', 'The assembly voted before probation ended', '表决会议早于预备期届满');
      return null;
    },
  },
  disqualify: { from: ['probationary'], to: 'disqualified' },
  retire: { from: ['full'], to: 'retired' },
  transferOut: { from: ['probationary', 'full', 'retired'], to: 'transferredOut' },
};

/** Actions open to a member in a state (the buttons; the API checks the same table). */
export const actionsFrom = (status: MemberStatus) => (Object.keys(PIPELINE) as PipelineAction[]).filter((a) => PIPELINE[a].from.includes(status));

export type StepResult = { ok: true; facts: MemberFacts } | { ok: false; refusal: Refusal };

/** One dated step: checks the table and the guards, returns the facts after it. */
export function applyStep(m: MemberFacts, s: StepInput, today: string): StepResult {
  const t = PIPELINE[s.action];
  const no = (refusal: Refusal): StepResult => ({ ok: false, refusal });
  if (!t.from.includes(m.status)) return no(refuse('wrong_status', `Not possible for a member in status ${m.status}`, '当前状态下不能办理该步骤'));
  if (s.on > today) return no(refuse('date_in_future', 'A step cannot be dated in the future', '办理日期不能晚于今天', 422));
  if (m.lastStepOn && s.on < m.lastStepOn) return no(refuse('date_order', `A step cannot be dated before the last one (${m.lastStepOn})`, `办理日期不能早于上一步骤（${m.lastStepOn}）`, 422));
  const r = t.guard?.(m, s);
  if (r) return no(r);
  const f: MemberFacts = { ...m, lastStepOn: s.on, status: t.to === 'same' ? m.status : t.to };
  switch (s.action) {
    case 'becomeActivist': f.activistOn = s.on; f.contacts = s.contacts!.map((x) => x.trim()); break;
    case 'examine': f.exams = [...m.exams, s.on].sort(); break;
    case 'train': f.trainings = [...m.trainings, s.on].sort(); break;
    case 'becomeTarget': f.targetOn = s.on; break;
    case 'admit': f.probationOn = s.on; f.introducers = s.introducers!.map((x) => x.trim()); break;
    case 'extendProbation': f.extensionMonths = s.months!; break;
    case 'confirm': f.fullOn = s.on; break;
    default: break;
  }
  return { ok: true, facts: f };
}

/** Days until (positive) or since (negative) the probation ends; null when not probationary. */
export function daysToProbationEnd(m: MemberFacts, today: string): number | null {
  const end = m.status === 'probationary' ? probationEnd(m) : null;
  return end ? daysBetween(today, end) : null;
}

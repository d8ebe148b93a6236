/**
 * Pure rules of evaluation and complaints (domain §7): grades, sub-scores, due days and
 * lights, signed links. No I/O: tested directly (rules.test.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WorkCalendar } from '../core/calendar/calendar.js';

export const STAGES = ['completion', 'acceptance'] as const;
export type Stage = (typeof STAGES)[number];

export const GRADE_LABELS: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };
/** 差评: a grade of 2 or 1. */
export const isBad = (grade: number) => grade <= 2;
/** 好评 for 好评率: 5 or 4. */
export const isGood = (grade: number) => grade >= 4;

export const EVALUATION_CHANNELS = ['portal', 'device', 'sms'] as const;
export type EvaluationChannel = (typeof EVALUATION_CHANNELS)[number];
export const EVALUATION_CHANNEL_LABELS: Record<EvaluationChannel, string> = { portal: '网上办事大厅（我的办件）', device: '窗口评价器', sms: '短信评价链接' };

/** Sub-scores by how the case was served: at a window, or online. */
export const SCORE_KEYS = {
  window: ['efficiency', 'level', 'attitude'],
  online: ['efficiency', 'guideAccuracy', 'convenience', 'platform'],
} as const;
export const SCORE_LABELS: Record<string, string> = {
  efficiency: '办事效率', level: '业务水平', attitude: '服务态度', guideAccuracy: '办事指南准确性', convenience: '办事便捷度', platform: '平台好用程度',
};
export type ServedBy = keyof typeof SCORE_KEYS;
export const servedBy = (caseChannel: string): ServedBy => (caseChannel === 'online' ? 'online' : 'window');

/** Field errors of a sub-score map: only the keys of the serving channel, integers 1–5. */
export function scoreErrors(scores: Record<string, unknown>, by: ServedBy): { field: string; message: string }[] {
  const allowed: readonly string[] = SCORE_KEYS[by];
  const out: { field: string; message: string }[] = [];
  for (const [k, v] of Object.entries(scores)) {
    if (!allowed.includes(k)) out.push({ field: `body.scores.${k}`, message: `not a ${by} sub-score (${allowed.join(', ')})` });
    else if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 5) out.push({ field: `body.scores.${k}`, message: 'must be an integer 1–5' });
  }
  return out;
}

// ---- complaints ------------------------------------------------------------------------

export const COMPLAINT_CHANNELS = ['hall', 'phone', 'portal', 'mailbox', 'letter', 'hotline12345', 'hotline8890'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const COMPLAINT_CHANNEL_LABELS: Record<ComplaintChannel, string> = {
  hall: '大厅投诉台', phone: '投诉电话', portal: '网上投诉', mailbox: '投诉信箱（电子邮箱）', letter: '来信', hotline12345: '12345热线转办', hotline8890: '8890平台转办',
};
export const isHotline = (c: ComplaintChannel) => c === 'hotline12345' || c === 'hotline8890';

export const COMPLAINT_CATEGORIES = ['attitude', 'efficiency', 'multipleVisits', 'overdue', 'firstAsk', 'discipline', 'charges', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  attitude: '服务态度', efficiency: '办事效率', multipleVisits: '多次跑', overdue: '超时办理', firstAsk: '首问负责不落实',
  discipline: '工作纪律', charges: '违规收费', other: '其他',
};

/** Why a complaint is not accepted (受理审查), with the seeds' wording. */
export const EXCLUSION_REASONS = ['noSpecificRequest', 'otherProcedure', 'outsideRemit', 'evidenceIncomplete'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];
export const EXCLUSION_REASON_LABELS: Record<ExclusionReason, string> = {
  noSpecificRequest: '无具体投诉请求和事实根据',
  otherProcedure: '属于应当通过诉讼、仲裁、行政复议、信访等途径解决的事项',
  outsideRemit: '不属于本中心受理范围',
  evidenceIncomplete: '投诉事项证据材料不全且投诉人无正当理由',
};

// ---- due days and lights ---------------------------------------------------------------

/** The last working day of a limit counted from `from` (the start day does not count). */
export const dueAfter = (cal: WorkCalendar, from: string, workingDays: number) => cal.addWorkingDays(from, workingDays).date;

/** Yellow from the second-to-last working day before due (at least the start day's next working day). */
export function yellowFrom(cal: WorkCalendar, from: string, due: string): string {
  const y = cal.addWorkingDays(due, -2).date;
  return y > from ? y : cal.addWorkingDays(from, 1).date;
}

export type DueLight = 'green' | 'yellow' | 'red';
/** The light of a running limit on `today`: red after the due day, yellow from its yellow day. */
export function dueLight(due: string, yellowOn: string, today: string): DueLight {
  if (today > due) return 'red';
  if (today >= yellowOn) return 'yellow';
  return 'green';
}

/** The ladder rung a rectification's light calls for, given what was already issued. */
export function ladderRung(light: DueLight, urged: boolean, ordered: boolean): 'urge' | 'order' | null {
  if (light === 'red' && !ordered) return 'order';
  if (light === 'yellow' && !urged) return 'urge';
  return null;
}

/** A complaint's due day once extended: at most `maxDays` working days from acceptance. */
export function extendedDue(cal: WorkCalendar, acceptedOn: string, maxDays: number): string {
  return dueAfter(cal, acceptedOn, maxDays);
}

// ---- signed links ------------------------------------------------------------------------

export type LinkPayload =
  | { t: 'rate'; inv: string; exp: number }
  | { t: 'device'; win: string; exp: number };

const b64 = (b: Buffer) => b.toString('base64url');

/** `payload.signature`, HMAC-SHA256 over the payload's base64url. */
export function signLink(secret: string, p: LinkPayload): string {
  const body = b64(Buffer.from(JSON.stringify(p)));
  return `${body}.${b64(createHmac('sha256', secret).update(body).digest())}`;
}

export type LinkCheck = { ok: true; payload: LinkPayload } | { ok: false; why: 'malformed' | 'badSignature' | 'expired' };

/** Verifies signature first (a forged token learns nothing), then expiry against `nowMs`. */
export function verifyLink(secret: string, token: string, nowMs: number): LinkCheck {
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined) return { ok: false, why: 'malformed' };
  const want = createHmac('sha256', secret).update(body).digest();
  const got = Buffer.from(sig, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, why: 'badSignature' };
  let p: LinkPayload;
  try { p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')); } catch { return { ok: false, why: 'malformed' }; }
  if (typeof p?.exp !== 'number' || (p.t !== 'rate' && p.t !== 'device')) return { ok: false, why: 'malformed' };
  if (nowMs > p.exp) return { ok: false, why: 'expired' };
  return { ok: true, payload: p };
}

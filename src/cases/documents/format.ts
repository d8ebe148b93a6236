/** Formatting shared by the notices: Chinese dates, limits, forms of address, default remedies. */
import type { Limit } from '../../catalog/types.js';
import type { DocumentInput } from './types.js';
import { DEFAULT_NATURE, remedyText, type ItemNature } from './decision.js';

/** '2025-10-14' (or an ISO instant's date part) → '2025年10月14日'; missing → '—'. */
export function zhDate(date: string | null | undefined): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  if (!m) return date ? date : '—';
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** { 5, workingDays } → '5个工作日'; calendarDays → '5日'; onTheSpot → '即办（当场办结）'. */
export function limitText(limit: Limit | null | undefined): string {
  if (!limit) return '—';
  switch (limit.unit) {
    case 'workingDays': return `${limit.value}个工作日`;
    case 'calendarDays': return `${limit.value}日`;
    case 'onTheSpot': return '即办（当场办结）';
    default: return String(limit.value);
  }
}

/** How the notice addresses the applicant: 你 (a person) or 你单位 (an organization). */
export function you(input: DocumentInput): string {
  return input.case.applicantKind === 'organization' ? '你单位' : '你';
}

/** The statutory remedies: 行政复议 within 60 days, 行政诉讼 within 6 months — before the review body and the court the center names. */
export function defaultRemedies(paper: '通知书' | '决定书' | '告知书', input: Pick<DocumentInput, 'reviewBody' | 'court'>): string {
  return remedyText(paper, input, paper === '通知书' ? '不予受理决定' : '决定');
}

/** The item's nature; notices rendered without one read as a licence with no stored basis. */
export function natureOfInput(input: DocumentInput): ItemNature {
  return input.item ?? DEFAULT_NATURE;
}

/** Copies and condition of a material, for the lists. */
export function materialNote(m: DocumentInput['materials'][number]): string {
  const parts = [m.required === 'required' ? '必要' : m.required === 'optional' ? '非必要' : '特定情形提交', m.major ? '主件' : '副件'];
  if (m.condition) parts.push(`适用情形：${m.condition}`);
  return parts.join('；');
}

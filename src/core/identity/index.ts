/**
 * One rule set for every identity a person types in — at the window, online, at agency
 * points, in bookings and complaints — on the server (services answer 422 naming the field)
 * and in the web forms (antd validators call the same functions). Pure: no I/O, no clock
 * (the caller passes today, YYYY-MM-DD, for "birth date not in the future").
 */
import { creditCodeProblem } from './creditCode.js';
import { residentIdProblem } from './residentId.js';

export { creditCodeCheck, creditCodeProblem, CREDIT_ALPHABET } from './creditCode.js';
export { residentIdCheck, residentIdProblem, plausibleBirthDate, PROVINCE_CODES, PERMIT_REGIONS } from './residentId.js';

/** The identity documents a person may apply with. */
export const ID_TYPES = ['resident', 'residencePermit', 'hkMacauPermit', 'taiwanPermit', 'passport'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Record<IdType, string> = {
  resident: '居民身份证', residencePermit: '港澳台居民居住证', hkMacauPermit: '港澳居民来往内地通行证',
  taiwanPermit: '台湾居民来往大陆通行证', passport: '护照',
};

/** Upper case, no surrounding or inner blanks: how numbers are compared and stored. */
export const normalizeIdNumber = (v: string) => v.replace(/\s+/g, '').toUpperCase();

/**
 * The document type a number most likely is when the form did not say: 18 digits with
 * 810000/820000/830000 a 居住证, H/M + digits a 港澳通行证, 8 digits a 台湾通行证, else a
 * 居民身份证 (so a mistyped number is checked, and reported, as one). Passports are never
 * guessed: any string would pass as one.
 */
export function inferIdType(value: string): IdType {
  const v = normalizeIdNumber(value);
  if (/^8[123]0000\d{11}[\dX]$/.test(v)) return 'residencePermit';
  if (/^[HM]\d{8}(\d{2})?$/.test(v)) return 'hkMacauPermit';
  if (/^\d{8}$/.test(v)) return 'taiwanPermit';
  return 'resident';
}

const RESIDENT_MESSAGES = {
  format: '身份证号码应为18位（前17位为数字，最后一位为数字或X）',
  region: '身份证号码的地址码不是有效的省级行政区划代码',
  birthDate: '身份证号码中的出生日期不存在或晚于今天',
  check: '身份证号码校验位错误，请核对',
} as const;
const PERMIT_MESSAGES = {
  format: '港澳台居民居住证号码应为18位',
  region: '港澳台居民居住证号码应以810000（香港）、820000（澳门）或830000（台湾）开头',
  birthDate: '居住证号码中的出生日期不存在或晚于今天',
  check: '居住证号码校验位错误，请核对',
} as const;

/** What is wrong with a person's identity document number (Chinese, for the form), or null. */
export function idNumberMessage(value: string, today: string, type: IdType = inferIdType(value)): string | null {
  const v = normalizeIdNumber(value);
  if (!v) return '请填写证件号码';
  switch (type) {
    case 'resident': { const p = residentIdProblem(v, today); return p ? RESIDENT_MESSAGES[p] : null; }
    case 'residencePermit': { const p = residentIdProblem(v, today, true); return p ? PERMIT_MESSAGES[p] : null; }
    case 'hkMacauPermit': return /^[HM]\d{8}(\d{2})?$/.test(v) ? null : '港澳居民来往内地通行证号码应为H或M加8位或10位数字';
    case 'taiwanPermit': return /^\d{8}$/.test(v) ? null : '台湾居民来往大陆通行证号码应为8位数字';
    case 'passport': return /^(?=.*\d)[A-Z0-9]{5,17}$/.test(v) ? null : '护照号码应为5至17位字母或数字';
    default: return '不支持的证件类型';
  }
}

/** What is wrong with a 统一社会信用代码, or null. */
export function creditCodeMessage(value: string): string | null {
  const v = normalizeIdNumber(value);
  if (!v) return '请填写统一社会信用代码';
  const p = creditCodeProblem(v);
  if (p === 'format') return '统一社会信用代码应为18位数字或大写字母（不含I、O、S、V、Z），第3至8位为行政区划码';
  if (p === 'check') return '统一社会信用代码校验位错误，请核对';
  return null;
}

/** 11-digit mobile numbers: 1, then 3–9, then nine digits. */
export const MOBILE = /^1[3-9]\d{9}$/;
/** Landlines with area code: 0xx(x)-xxxxxxx(x). */
export const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

/** What is wrong with a mobile number (or, when `landline`, a landline too), or null. */
export function phoneMessage(value: string, opts: { landline?: boolean } = {}): string | null {
  const v = value.replace(/[\s]/g, '');
  if (!v) return '请填写手机号码';
  if (MOBILE.test(v) || (opts.landline && LANDLINE.test(v))) return null;
  return opts.landline ? '请填写11位手机号码或带区号的固定电话' : '手机号码应为11位，以13至19开头';
}

/** An applicant as the forms enter one: a person with an ID document, or an organization with its credit code. */
export interface ApplicantIdentity { kind: 'person' | 'organization'; idNumber: string; idType?: IdType; phone: string }

export interface FieldProblem { field: string; message: string }

/** Every problem of an applicant's identity, each on its field (prefix: 'body.applicant'). */
export function applicantProblems(a: ApplicantIdentity, today: string, prefix = 'body.applicant'): FieldProblem[] {
  const out: FieldProblem[] = [];
  const id = a.kind === 'organization' ? creditCodeMessage(a.idNumber) : idNumberMessage(a.idNumber, today, a.idType ?? inferIdType(a.idNumber));
  if (id) out.push({ field: `${prefix}.idNumber`, message: id });
  const phone = phoneMessage(a.phone);
  if (phone) out.push({ field: `${prefix}.phone`, message: phone });
  return out;
}

/** A further person on the application (结婚登记: the other party): name, ID document, phone optional. */
export interface PersonIdentity { name: string; idNumber: string; idType?: IdType; phone?: string }

/** Every problem of a list of co-applicants, each on its field (body.coApplicants.0.idNumber …). */
export function coApplicantProblems(people: readonly PersonIdentity[], today: string, prefix = 'body.coApplicants'): FieldProblem[] {
  return people.flatMap((p, i) => {
    const out: FieldProblem[] = [];
    if (!p.name?.trim()) out.push({ field: `${prefix}.${i}.name`, message: '请填写共同申请人姓名' });
    const id = idNumberMessage(p.idNumber ?? '', today, p.idType ?? inferIdType(p.idNumber ?? ''));
    if (id) out.push({ field: `${prefix}.${i}.idNumber`, message: id });
    const phone = p.phone?.trim() ? phoneMessage(p.phone) : null;
    if (phone) out.push({ field: `${prefix}.${i}.phone`, message: phone });
    return out;
  });
}

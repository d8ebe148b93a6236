/**
 * The decision follows the item's legal nature (its catalog type), never one fixed wording:
 * 行政许可 → 准予 / 不予行政许可决定书 under 行政许可法; 行政给付 → 给付决定; 行政确认 and
 * registrations → 准予登记; 行政裁决, 行政征收, 行政奖励, other powers → their own decision;
 * 公共服务 → 办结告知. The basis quoted is the item's 设定依据. Pure: the tests print each type.
 */
import type { ItemType } from '../../catalog/types.js';
import { DOCUMENT_TITLES, type DocumentKind } from '../types.js';

/** What the catalog says about the item that shapes its documents. */
export interface ItemNature {
  type: ItemType;
  /** 设定依据 as stored on the item version. */
  legalBasis: string;
  /** 登记 items (结婚登记, 企业设立登记 …): the decision is to register (准予登记). */
  registration: boolean;
  /** 备案 items: the decision is to put on file (予以备案). */
  filing: boolean;
  /** 转报事项 (report-up items): decisions also carry the department's own 行政章 (seed 001). */
  forwarded: boolean;
}

export interface DecisionWording {
  /** The document's title. */
  title: string;
  /** The operative words, e.g. 准予行政许可, 不予给付. */
  verdict: string;
  /** The short form for the applicant's SMS, e.g. 准予许可, 准予给付. */
  short: string;
  /** A statute the decision rests on beside the item's own basis (行政许可法 for licences only). */
  statute?: string;
  adverse: boolean;
  /** A mark for the document number: 许 / 不许, 给 / 不给, 登 / 不登 … */
  mark: string;
}

export function natureOf(item: { name: string; type: ItemType; legalBasis?: string; caseKind?: string }): ItemNature {
  return {
    type: item.type, legalBasis: item.legalBasis?.trim() ?? '',
    registration: /登记/.test(item.name), filing: /备案/.test(item.name), forwarded: item.caseKind === 'reportUp',
  };
}

type Pair = [approved: Omit<DecisionWording, 'adverse'>, denied: Omit<DecisionWording, 'adverse'>];

const LICENSE_LAW = '《中华人民共和国行政许可法》';

function pair(n: ItemNature): Pair {
  switch (n.type) {
    case 'license':
      return n.registration
        ? [{ title: '准予登记决定书', verdict: '准予登记', short: '准予登记', statute: `${LICENSE_LAW}第三十八条第一款`, mark: '登' },
          { title: '不予登记决定书', verdict: '不予登记', short: '不予登记', statute: `${LICENSE_LAW}第三十八条第二款`, mark: '不登' }]
        : [{ title: '准予行政许可决定书', verdict: '准予行政许可', short: '准予许可', statute: `${LICENSE_LAW}第三十八条第一款`, mark: '许' },
          { title: '不予行政许可决定书', verdict: '不予行政许可', short: '不予许可', statute: `${LICENSE_LAW}第三十八条第二款`, mark: '不许' }];
    case 'confirmation':
      return n.registration
        ? [{ title: '准予登记通知书', verdict: '准予登记', short: '准予登记', mark: '登' }, { title: '不予登记决定书', verdict: '不予登记', short: '不予登记', mark: '不登' }]
        : [{ title: '行政确认决定书', verdict: '予以确认', short: '予以确认', mark: '确' }, { title: '不予确认决定书', verdict: '不予确认', short: '不予确认', mark: '不确' }];
    case 'benefit':
      return [{ title: '给付决定书', verdict: '准予给付', short: '准予给付', mark: '给' }, { title: '不予给付决定书', verdict: '不予给付', short: '不予给付', mark: '不给' }];
    case 'award':
      return [{ title: '行政奖励决定书', verdict: '给予奖励', short: '给予奖励', mark: '奖' }, { title: '不予奖励决定书', verdict: '不予奖励', short: '不予奖励', mark: '不奖' }];
    case 'ruling':
      return [{ title: '行政裁决书', verdict: '支持申请人的请求', short: '支持申请人请求的裁决', mark: '裁' },
        { title: '驳回申请裁决书', verdict: '驳回申请人的请求', short: '驳回申请的裁决', mark: '驳' }];
    case 'levy':
      return [{ title: '行政征收决定书', verdict: '依法予以征收', short: '予以征收', mark: '征' }, { title: '不予征收决定书', verdict: '不予征收', short: '不予征收', mark: '不征' }];
    case 'publicService':
      return [{ title: '办结告知书', verdict: '予以办理', short: '予以办理', mark: '办' }, { title: '不予办理告知书', verdict: '不予办理', short: '不予办理', mark: '不办' }];
    case 'otherPower':
    default:
      return n.filing
        ? [{ title: '备案通知书', verdict: '予以备案', short: '予以备案', mark: '备' }, { title: '不予备案通知书', verdict: '不予备案', short: '不予备案', mark: '不备' }]
        : [{ title: '准予办理决定书', verdict: '准予办理', short: '准予办理', mark: '准' }, { title: '不予办理决定书', verdict: '不予办理', short: '不予办理', mark: '不准' }];
  }
}

export function decisionWording(n: ItemNature, outcome: 'approved' | 'denied'): DecisionWording {
  const [yes, no] = pair(n);
  return outcome === 'denied' ? { ...no, adverse: true } : { ...yes, adverse: false };
}

/** The item's 设定依据 as one clause: 「《A》第九条、《B》」 (semicolons joined). */
export function basisClause(n: ItemNature): string {
  return n.legalBasis.split(/[；;]\s*/).map((s) => s.trim().replace(/[。.]$/, '')).filter(Boolean).join('、');
}

/** 「根据《中华人民共和国行政许可法》第三十八条第一款和《…》的规定」 — the statute (licences) and the item's basis. */
export function accordingTo(n: ItemNature, statute?: string): string {
  const parts = [statute, basisClause(n)].filter((s): s is string => !!s);
  return parts.length ? `根据${parts.join('和')}的规定` : '根据有关法律、法规的规定';
}

/** Where the remedies go: the review body (复议机关) and the court, each named when known. */
export interface RemedyBodies { reviewBody?: string | null; court?: string | null }

/**
 * The remedy every adverse decision states (行政复议法 第二十条: 60 days; 行政诉讼法 第四十六条:
 * 6 months). The review body and the court are named when the center's settings (or the
 * data) give them; otherwise the sentence names the remedy without them — 人民法院 generically.
 */
export function remedyText(paper: '通知书' | '决定书' | '告知书', bodies: RemedyBodies = {}, verdict = '决定'): string {
  const review = bodies.reviewBody?.trim();
  const court = bodies.court?.trim() || '人民法院';
  return `如对本${verdict}不服，可以自收到本${paper}之日起60日内依法${review ? `向${review}` : ''}申请行政复议，` +
    `也可以自收到本${paper}之日起6个月内依法向${court}提起行政诉讼。`;
}

/** The remedy sentence of a decision (决定书) as the settings screen shows it. */
export const remedySample = (bodies: RemedyBodies) => remedyText('决定书', bodies);

/**
 * A remedy body's name, checked where it is set (server and the settings form): a Chinese
 * full name of at least four characters; a court's ends in 法院. Blank is allowed (inherits).
 */
export function remedyNameProblem(field: 'reviewBody' | 'court', value: string): 'not_a_name' | 'not_a_court' | null {
  const v = value.trim();
  if (!v) return null;
  if (!/\p{Script=Han}/u.test(v) || v.length < 4) return 'not_a_name';
  return field === 'court' && !v.endsWith('法院') ? 'not_a_court' : null;
}

/** The last character of a title names the paper (书: 决定书 / 通知书 / 告知书) for the remedy sentence. */
export function paperOf(title: string): '通知书' | '决定书' | '告知书' {
  return title.endsWith('通知书') ? '通知书' : title.endsWith('告知书') ? '告知书' : '决定书';
}

/** Notices rendered without an item (old callers, previews) read as a licence with no stored basis. */
export const DEFAULT_NATURE: ItemNature = { type: 'license', legalBasis: '', registration: false, filing: false, forwarded: false };

/** The title an issued notice carries: decisions by the item's nature, every other kind its fixed title. */
export function documentTitle(kind: DocumentKind, item: ItemNature | undefined): string {
  if (kind !== 'approval' && kind !== 'denial') return DOCUMENT_TITLES[kind];
  return decisionWording(item ?? DEFAULT_NATURE, kind === 'denial' ? 'denied' : 'approved').title;
}

/** The decision's short words for the SMS, by the item's legal nature (准予许可 only for 行政许可). */
export function verdictOf(item: Parameters<typeof natureOf>[0], outcome: 'approved' | 'denied'): string {
  return decisionWording(natureOf(item), outcome).short;
}

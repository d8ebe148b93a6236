/**
 * The wording of every notice: template name → title, text and (for notices about a case)
 * a link into the web app. SMS sends the text, e-mail the title as subject and text + link
 * as body, the in-app list shows all three. Payloads are stored with the outbox row, so a
 * template reads only what its producers put there and tolerates missing values (old rows).
 *
 * `NoticeTemplate` is the union of the names below; `Notice.template` (core/outbox) uses it,
 * so enqueueing a template that has no wording does not compile.
 */
import { SPECIAL_PROCEDURE_LABELS } from '../catalog/types.js';

type P = Record<string, unknown>;

export interface Wording {
  title: (p: P) => string;
  text: (p: P) => string;
  link?: (p: P) => string | null;
}

export interface RenderedNotice { title: string; text: string; link: string | null }

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));
/** 「办件 2026…（最低生活保障审核确认）」, leaving out what the payload lacks. */
const caseRef = (p: P) => `办件${s(p.caseNo)}${s(p.itemName) ? `（${s(p.itemName)}）` : ''}`;
const yourCase = (p: P) => `您的${caseRef(p)}`;
const caseLink = (p: P) => (typeof p.caseId === 'string' && p.caseId ? `/cases/${encodeURIComponent(p.caseId)}` : null);
const docNo = (p: P) => (s(p.docNo) ? `文号：${s(p.docNo)}。` : '');
const list = (v: unknown) => (Array.isArray(v) ? v.map(s).filter(Boolean).join('、') : s(v));

/**
 * Old rows carry only the outcome; new ones carry the verdict in the item's own words
 * (准予许可 only for 行政许可, 准予给付, 准予登记 … — src/cases/documents/decision.ts).
 */
const OUTCOME: Record<string, string> = { approved: '准予办理', denied: '不予办理' };
const verdictOf = (p: P) => s(p.verdict) || OUTCOME[s(p.outcome)] || '';
const OPINION: Record<string, string> = { agree: '同意', agreeWithConditions: '附条件同意', disagree: '不同意' };
const PROCEDURE: Record<string, string> = SPECIAL_PROCEDURE_LABELS;

export const TEMPLATES = {
  // ---- to the applicant (SMS) -------------------------------------------------------
  'case.accepted': {
    title: () => '办件已受理',
    text: (p) => `${yourCase(p)}已${p.conditional ? '容缺' : ''}受理${s(p.promisedDue) ? `，承诺办结日期${s(p.promisedDue)}` : ''}。查询码${s(p.queryCode)}，可凭办件编号和查询码查询进度。${p.conditional ? '请在承诺期限内补齐容缺材料。' : ''}`,
    link: caseLink,
  },
  'case.supplementNotice': {
    title: () => '材料补正告知',
    text: (p) => `${yourCase(p)}材料需要补正${list(p.missing) ? `：${list(p.missing)}` : ''}。请按一次性告知书一次补齐；补正期间不计入办理时限。`,
    link: caseLink,
  },
  'case.returned': { title: () => '申请已退回', text: (p) => `${yourCase(p)}已退回，退回理由见退回告知书。`, link: caseLink },
  'case.refused': {
    title: () => '申请不予受理',
    text: (p) => `${yourCase(p)}不予受理，理由见不予受理通知书；如不服，可依法申请行政复议或提起行政诉讼。`,
    link: caseLink,
  },
  'case.suspended': {
    title: () => '办件进入特别程序',
    text: (p) => `${yourCase(p)}进入特别程序${PROCEDURE[s(p.procedure)] ? `（${PROCEDURE[s(p.procedure)]}）` : ''}，特别程序所需时间不计入办理时限。`,
    link: caseLink,
  },
  'case.extended': {
    title: () => '办件延期办理',
    text: (p) => `${yourCase(p)}经批准延期${s(p.workingDays) ? `${s(p.workingDays)}个工作日` : ''}办理，详见延期告知书。`,
    link: caseLink,
  },
  'case.decided': {
    title: (p) => `办件已作出决定${verdictOf(p) ? `：${verdictOf(p)}` : ''}`,
    text: (p) => `${yourCase(p)}已${p.deemed ? '按超时默认视为同意，' : ''}作出${verdictOf(p) ? `${verdictOf(p)}的` : ''}决定${s(p.outcome) === 'denied'
      ? '，理由见决定书；如不服，可依法申请行政复议或提起行政诉讼。' : '。办理结果制作完成后将另行通知领取。'}`,
    link: caseLink,
  },
  'case.dueMoved': {
    title: () => '办理期限变更',
    text: (p) => `因节假日（工作日）安排调整，${yourCase(p)}的承诺办结日期由${s(p.from)}变更为${s(p.to)}。`,
    link: caseLink,
  },
  'case.pledgeOverdueApplicant': {
    title: () => '容缺材料逾期未补齐',
    text: (p) => `${yourCase(p)}的容缺材料补齐期限（${s(p.owedBy)}）已过，请尽快到窗口补齐；补齐前办理结果不予送达。`,
    link: caseLink,
  },
  'case.completed': { title: () => '办件已办结', text: (p) => `${yourCase(p)}已办结，感谢您的支持。`, link: caseLink },
  'case.reportedUp': {
    title: () => '办件已上报',
    text: (p) => `${yourCase(p)}已上报${s(p.authority) || '上级机关'}审查，等待答复期间不计入办理时限。`,
    link: caseLink,
  },
  'fee.notice': {
    title: () => '缴款通知',
    text: (p) => `${yourCase(p)}已开具缴款通知书${s(p.amount) ? `，应缴${s(p.amount)}元` : ''}。请到政务服务大厅银行收费窗口或网上缴纳，款项直接缴入财政专户${p.payBeforeDelivery ? '，缴款后领取办理结果' : ''}。`,
    link: caseLink,
  },
  // 结果待领取 is not 已办结: the case is finished only once the result is handed over.
  'case.resultReady': {
    title: () => '办理结果待领取',
    text: (p) => `${yourCase(p)}的办理结果已制作完成，请携带身份证件到窗口领取，或按约定方式送达。`,
    link: caseLink,
  },

  // 一件事 (src/things): one message per bundle event, saying which item ended how.
  'bundle.progress': {
    title: () => '一件事办理进展',
    text: (p) => `您的${s(p.thingName) || '一件事'}${s(p.bundleNo) ? `（编号${s(p.bundleNo)}）` : ''}：${s(p.summary) || '有新进展'}。${s(p.queryCode) ? `可凭编号和查询码${s(p.queryCode)}查询进度。` : ''}`,
    link: (p) => (typeof p.bundleId === 'string' && p.bundleId ? `/bundles/${encodeURIComponent(p.bundleId)}` : null),
  },

  // ---- to staff (in-app) ------------------------------------------------------------
  'case.pledgeOverdue': {
    title: (p) => `容缺逾期：${s(p.caseNo)}`,
    text: (p) => `${caseRef(p)}的容缺材料补齐期限（${s(p.owedBy)}）已过，材料仍未补齐，请通知申请人补齐。`,
    link: caseLink,
  },
  'case.deemedApproved': {
    title: (p) => `超时默认：${s(p.caseNo)}`,
    text: (p) => `${caseRef(p)}承诺期限届满未作出决定，已于${s(p.deemedOn)}按超时默认视为同意，记入本部门责任。请及时制发办理结果。`,
    link: caseLink,
  },
  'case.assigned': { title: (p) => `新分办：${s(p.caseNo)}`, text: (p) => `${caseRef(p)}已分办给您，请及时办理。`, link: caseLink },
  'case.extensionRequested': {
    title: (p) => `延期申请待审批：${s(p.caseNo)}`,
    text: (p) => `${caseRef(p)}申请延期${s(p.workingDays) ? `${s(p.workingDays)}个工作日` : ''}办理，请审批。`,
    link: caseLink,
  },
  'case.redoOrdered': {
    title: (p) => `责令重办：${s(p.caseNo)}`,
    text: (p) => `${caseRef(p)}的否定性决定备案被撤销，请重新办理${s(p.redoDue) ? `，重办期限${s(p.redoDue)}` : ''}。`,
    link: caseLink,
  },
  'case.jointTask': { title: (p) => `联办任务：${s(p.caseNo)}`, text: (p) => `联办${caseRef(p)}已受理，请分办并在子时限内出具本部门意见。`, link: caseLink },
  'case.jointAssigned': { title: (p) => `联办任务分办：${s(p.caseNo)}`, text: (p) => `联办${caseRef(p)}的本部门任务已分办给您，请出具意见。`, link: caseLink },
  'case.jointOpinion': {
    title: (p) => `联办意见：${s(p.caseNo)}`,
    text: (p) => `联办${caseRef(p)}收到联办部门意见${OPINION[s(p.opinion)] ? `：${OPINION[s(p.opinion)]}` : ''}。`,
    link: caseLink,
  },
  'case.jointMeeting': {
    title: (p) => `联审会议通知：${s(p.caseNo)}`,
    text: (p) => `联办${caseRef(p)}${p.calledBy === 'center' ? '由政务服务中心召集' : '召开'}联审会议${s(p.at) ? `，时间${formatAt(s(p.at))}` : ''}${s(p.place) ? `，地点${s(p.place)}` : ''}，请准时参加。`,
    link: caseLink,
  },
  'case.jointEscalated': {
    title: (p) => `联办意见逾期：${s(p.caseNo)}`,
    text: (p) => `联办${caseRef(p)}中${s(p.task) ? `“${s(p.task)}”` : '本部门任务'}${p.why === 'absentFromMeeting' ? '缺席联审会议' : `已超过子时限${s(p.subDue) ? `（${s(p.subDue)}）` : ''}`}仍未出具意见，请督促处理。`,
    link: caseLink,
  },
  'case.greenCoordinatorAppointed': { title: (p) => `全程代办：${s(p.caseNo)}`, text: (p) => `您被指定为重点项目${caseRef(p)}的全程代办人。`, link: caseLink },

  // ---- electronic supervision (in-app and SMS) ---------------------------------------
  'supervision.urge': {
    title: (p) => `催办单：${s(p.caseNo)}`,
    text: (p) => `【催办】${caseRef(p)}临近承诺办结时限，请抓紧办理。${docNo(p)}`,
    link: caseLink,
  },
  'supervision.order': {
    title: (p) => `督办单：${s(p.caseNo)}`,
    text: (p) => `【督办】${caseRef(p)}已超过承诺办结时限，请于${s(p.answerDue) || '规定期限'}前书面答复。${docNo(p)}`,
    link: caseLink,
  },
  'supervision.violation': {
    title: (p) => `超法定时限：${s(p.caseNo)}`,
    text: (p) => `【监察】${caseRef(p)}已超过法定办结时限，已记入违法记录。${docNo(p)}`,
    link: caseLink,
  },
  'supervision.escalated': {
    title: (p) => `督办单逾期未答复：${s(p.caseNo)}`,
    text: (p) => `【督办升级】${caseRef(p)}的督办单${s(p.answerDue) ? `（答复期限${s(p.answerDue)}）` : ''}逾期未答复，请督促处理。${docNo(p)}`,
    link: caseLink,
  },

  // ---- people on duty (src/duty; in-app) ---------------------------------------------
  'duty.leaderMisses': {
    title: (p) => `领导现场办公连续缺岗${s(p.count) ? `${s(p.count)}次` : ''}`,
    text: (p) => `${s(p.to) ? `${s(p.to)}：` : ''}【现场办公】${s(p.department)}${s(p.leader) || '有领导'}连续${s(p.count) || '多'}次未履行${s(p.duty) || '现场办公'}${list(p.days) ? `（${list(p.days)}）` : ''}，请核查处理。`,
    link: (p) => (s(p.leader) ? '/duty/leader' : null),
  },
  'duty.patrolFinding': {
    title: (p) => `巡查问题待整改${s(p.window) ? `：${s(p.window)}` : ''}`,
    text: (p) => `【巡查】${s(p.window) || '本部门窗口'}巡查评定${s(p.grade) || '未达标'}${list(p.checks) ? `，问题：${list(p.checks)}` : ''}，请于${s(p.due) || '规定期限'}前整改并报中心复查。`,
    link: (p) => (s(p.findingId) ? '/duty/patrols' : null),
  },
  // ---- party building (机关党建): reminders to branch secretaries and the party office ----
  'party.birthdayTalk': {
    title: (p) => `政治生日谈话：${s(p.name)}`,
    text: (p) => `${s(p.name)}同志${s(p.anniversary)}入党${s(p.years)}周年，请在${s(p.dueBy)}前进行政治生日谈话。`,
    link: (p) => (s(p.name) ? '/party?tab=members' : null),
  },
  'party.termAlert': {
    title: (p) => `换届提醒：${s(p.orgName)}`,
    text: (p) => `${s(p.orgName)}本届任期${p.expired ? '已于' : '将于'}${s(p.endOn)}届满，请及时做好换届选举工作。`,
    link: (p) => (s(p.orgName) ? '/party?tab=orgs' : null),
  },
  // ---- feedback: 好差评 and complaints (src/feedback) ----------------------------------
  'feedback.invite': {
    title: () => '邀请您评价',
    text: (p) => `${yourCase(p)}已办结，请对本次服务作出评价：${s(p.link)}（${s(p.validDays) || '7'}日内有效）`,
    link: (p) => (s(p.link) || null),
  },
  'feedback.badReview': {
    title: (p) => `差评待核实：${s(p.caseNo)}`,
    text: (p) => `${caseRef(p)}收到差评（${s(p.gradeLabel)}），请核实并在规定期限内整改。`,
    link: () => '/feedback/evaluations',
  },
  'feedback.rectifyUrge': {
    title: (p) => `差评整改催办：${s(p.caseNo)}`,
    text: (p) => `【催办】${caseRef(p)}的差评整改将于${s(p.due)}到期，请抓紧整改。`,
    link: () => '/feedback/evaluations',
  },
  'feedback.rectifyOrder': {
    title: (p) => `差评整改督办：${s(p.caseNo)}`,
    text: (p) => `【督办】${caseRef(p)}的差评整改已超过期限（${s(p.due)}），请立即整改并书面说明。`,
    link: () => '/feedback/evaluations',
  },
  'feedback.complaintAccepted': {
    title: () => '投诉已受理',
    text: (p) => `您的投诉（编号${s(p.no)}）已受理${s(p.due) ? `，将于${s(p.due)}前办结答复` : ''}。`,
  },
  'feedback.complaintExcluded': {
    title: () => '投诉不予受理',
    text: (p) => `您的投诉（编号${s(p.no)}）不予受理，理由：${s(p.reasonLabel)}。${s(p.reply)}`,
  },
  'feedback.complaintExtended': {
    title: () => '投诉办理延期',
    text: (p) => `您的投诉（编号${s(p.no)}）情况复杂，办理期限延长至${s(p.due)}，理由：${s(p.reason)}。`,
  },
  'feedback.complaintResult': {
    title: () => '投诉处理结果',
    text: (p) => `您的投诉（编号${s(p.no)}）已办结：${s(p.result)}`,
  },
  'feedback.complaintDueMoved': {
    title: () => '投诉办理期限变更',
    text: (p) => `因节假日（工作日）安排调整，您的投诉（编号${s(p.no)}）办理期限由${s(p.from)}变更为${s(p.to)}。`,
  },
  'deadline.moved': {
    title: (p) => `${s(p.label) || '期限'}变更`,
    text: (p) => `因工作日历调整，${s(p.ref)}的${s(p.label) || '期限'}由${s(p.from)}变更为${s(p.to)}。`,
    link: (p) => (typeof p.link === 'string' && p.link ? p.link : null),
  },
  'feedback.complaintAssigned': {
    title: (p) => `投诉转办：${s(p.no)}`,
    text: (p) => `投诉${s(p.no)}已转本单位办理${s(p.due) ? `，请于${s(p.due)}前办结` : ''}。`,
    link: () => '/feedback/complaints',
  },
  'feedback.complaintUnitNotice': {
    title: (p) => `投诉处理结果通报：${s(p.no)}`,
    text: (p) => `投诉${s(p.no)}经核查${p.finding === 'substantiated' ? '属实' : '不属实'}。${s(p.unitNotice)}`,
    link: () => '/feedback/complaints',
  },
  'feedback.complaintOverdue': {
    title: (p) => `投诉逾期未办结：${s(p.no)}`,
    text: (p) => `【督办】投诉${s(p.no)}已超过办理期限（${s(p.due)}）仍未办结，请督促处理并向投诉人说明情况。`,
    link: () => '/feedback/complaints',
  },
} satisfies Record<string, Wording>;

export type NoticeTemplate = keyof typeof TEMPLATES;

// Tells core/outbox the names (it cannot import this capability): Notice.template accepts exactly these.
type TemplateNames = Record<keyof typeof TEMPLATES, true>;
declare module '../core/outbox/enqueue.js' {
  interface NoticeTemplateNames extends TemplateNames {}
}

export const isKnownTemplate = (t: string): t is NoticeTemplate => Object.hasOwn(TEMPLATES, t);

/** 2026-03-10T01:30:00Z → 2026-03-10 09:30 (the center's zone; meetings are local). */
function formatAt(iso: string, timeZone = 'Asia/Shanghai'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(d).map((x) => [x.type, x.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A generic wording for a template this version does not know (rows written by a newer version). */
function fallback(p: P): RenderedNotice {
  const ref = s(p.caseNo) ? caseRef(p) : '';
  return { title: '办事通知', text: ref ? `${ref}有新进展，请登录查看。` : '您有一条新通知，请登录查看。', link: caseLink(p) };
}

/**
 * Renders a stored notice. Never throws: the delivery worker calls it for every row, and a
 * malformed payload must not keep the rest of the batch from going out.
 */
export function renderNotice(template: string, payload: unknown): RenderedNotice {
  const p: P = payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as P) : {};
  try {
    if (!isKnownTemplate(template)) return fallback(p);
    const w: Wording = TEMPLATES[template];
    return { title: w.title(p), text: w.text(p), link: w.link?.(p) ?? null };
  } catch {
    try {
      return fallback(p);
    } catch {
      return { title: '办事通知', text: '您有一条新通知，请登录查看。', link: null };
    }
  }
}

/** Where every SMS is signed when nothing names the center (old rows, tests): the signature must never be empty. */
export const DEFAULT_SMS_SIGNATURE = '政务服务中心';

/**
 * The SMS as it is sent: the rendered text signed with the center's name in 【】 (the
 * payload's centerName, which the producer or the delivery worker fills from the case's
 * center), as the carriers require and as people recognise it.
 */
export function renderSms(template: string, payload: unknown): string {
  const p: P = payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as P) : {};
  let name = DEFAULT_SMS_SIGNATURE;
  try { name = s(p.centerName).trim() || DEFAULT_SMS_SIGNATURE; } catch { /* a hostile payload keeps the default */ }
  return `【${name}】${renderNotice(template, payload).text}`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (v: string) => v.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/**
 * The e-mail form: plain text (text, then the link) and HTML with every rendered value
 * escaped — payloads carry applicant- and staff-typed strings (item names, places).
 * `baseUrl` makes the link absolute; without it the path is given as is.
 */
export function renderEmail(template: string, payload: unknown, baseUrl?: string): { subject: string; text: string; html: string } {
  const n = renderNotice(template, payload);
  const url = n.link ? `${baseUrl ? baseUrl.replace(/\/$/, '') : ''}${n.link}` : null;
  return {
    subject: n.title,
    text: url ? `${n.text}\n\n${url}` : n.text,
    html: `<p>${escapeHtml(n.text)}</p>${url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` : ''}`,
  };
}

/** Notices issued while and after a case is handled: 特别程序, 延期, the decision (by the item's nature, decision.ts), 办结. */
import { addressee, applicationRef, caseFacts, contactLine, factsTable, queryLine, quoted, remediesBlock } from './blocks.js';
import type { PageParts } from './frame.js';
import { natureOfInput, you, zhDate } from './format.js';
import { accordingTo, decisionWording, paperOf, remedyText } from './decision.js';
import { html } from './html.js';
import type { DocumentInput } from './types.js';

type Extension = NonNullable<DocumentInput['details']['extension']>;

/** The extension facts: `details.extension`, else the same fields given flat on details, else the case's due dates. */
export function extensionOf(input: DocumentInput): Extension {
  const flat = input.details as Partial<Extension>;
  const e = input.details.extension;
  return {
    workingDays: e?.workingDays ?? flat.workingDays ?? 0,
    reason: e?.reason ?? flat.reason ?? '',
    newPromisedDue: e?.newPromisedDue ?? flat.newPromisedDue ?? input.case.promisedDue ?? '',
    newStatutoryDue: e?.newStatutoryDue ?? flat.newStatutoryDue ?? input.case.statutoryDue ?? '',
  };
}

function acceptedRef(input: DocumentInput) {
  const c = input.case;
  return html`${you(input)}申请的“${c.itemName}”（办件编号：${c.caseNo}），本机关已于${zhDate(c.acceptedOn)}受理`;
}

export function specialProcedure(input: DocumentInput): PageParts {
  const p = input.details.procedure ?? { label: '特别程序', reason: input.details.reasons ?? '', plannedWorkingDays: 0, startOn: input.issuedOn };
  return {
    body: html`${addressee(input)}
<p>${acceptedRef(input)}。在办理过程中，依法需要进行<span class="emph">${p.label}</span>，现将有关事项告知如下：</p>
${factsTable([
  ['特别程序', p.label, '开始日期', zhDate(p.startOn)],
  ['预计所需时间', `${p.plannedWorkingDays}个工作日`, '原承诺办结日期', zhDate(input.case.promisedDue)],
  ['事由', html`<span class="pre">${p.reason}</span>`],
])}
<p class="emph">根据有关法律规定，${p.label}所需时间不计入办理时限。自${zhDate(p.startOn)}起暂停计时，上述${p.plannedWorkingDays}个工作日不计入承诺办理时限和法定办理时限；${p.label}结束后恢复计时，办结日期按实际暂停的工作日相应顺延。</p>
<p>${p.label}结束后，本机关将及时恢复办理。暂停及恢复情况可随时查询。</p>
${queryLine(input)}
${contactLine(input)}`,
  };
}

export function extension(input: DocumentInput): PageParts {
  const e = extensionOf(input);
  return {
    body: html`${addressee(input)}
<p>${acceptedRef(input)}。因${e.reason.trim() ? e.reason.trim() : '情况复杂'}，不能在原承诺时限内作出决定，经本机关负责人批准，办理时限延长<span class="emph">${e.workingDays}个工作日</span>，并将延期理由告知如下：</p>
${factsTable([
  ['延长时限', `${e.workingDays}个工作日`, '受理日期', zhDate(input.case.acceptedOn)],
  ['延期后承诺办结日期', html`<span class="emph">${zhDate(e.newPromisedDue)}</span>`, '延期后法定办结期限', html`<span class="emph">${zhDate(e.newStatutoryDue)}</span>`],
  ['延期理由', html`<span class="pre">${e.reason}</span>`],
])}
<p>本机关将在延长后的期限内作出决定，由此给${you(input)}带来的不便，敬请谅解。</p>
${queryLine(input)}
${contactLine(input)}`,
  };
}

function decided(input: DocumentInput) {
  const c = input.case;
  return html`${you(input)}于${zhDate(c.submittedOn)}提出的“${c.itemName}”申请（办件编号：${c.caseNo}），本机关于${zhDate(c.acceptedOn)}受理`;
}

/** The applicants a decision names: the main one, then every co-applicant (结婚登记: both parties). */
function partiesLine(input: DocumentInput) {
  const co = input.coApplicants ?? [];
  if (co.length === 0) return '';
  return html`<p class="flush" data-testid="co-applicants">共同申请人：${co.map((p, i) => html`${i ? '、' : ''}${p.name}（证件号码：${p.idMasked}）`)}</p>`;
}

export function approval(input: DocumentInput): PageParts {
  const n = natureOfInput(input);
  const w = decisionWording(n, 'approved');
  const result = input.details.resultName?.trim();
  const note = input.details.note?.trim();
  const y = you(input);
  const issued = n.type === 'publicService'
    ? (result ? html`，办理结果为《${result}》` : '')
    : (result ? html`，向${y}颁发（出具）《${result}》` : '');
  return {
    body: html`${addressee(input)}
<p>${decided(input)}。经审查，${y}的申请符合${n.type === 'publicService' ? '办理条件' : '法定条件、标准'}。<span data-testid="decision-basis">${accordingTo(n, w.statute)}</span>，本机关决定<span class="emph">${w.verdict}</span>${issued}。</p>
${caseFacts(input)}
${factsTable([['决定', w.verdict, '决定日期', zhDate(input.issuedOn)], ['办理结果', result ?? '—'], ['设定依据', n.legalBasis || '—']])}
${note ? html`<h2>说明</h2>${quoted(note)}` : ''}
<p>请${y}凭本${paperOf(w.title)}及有效身份证件，按照申请时选择的方式领取办理结果。${owedNote(input)}</p>
${contactLine(input)}`,
  };
}

/** Under 容缺 the result waits for the owed materials. */
function owedNote(input: DocumentInput) {
  const owed = input.materials.filter((m) => m.owed);
  return owed.length ? html`容缺材料（${owed.map((m) => m.name).join('、')}）补齐前，办理结果暂不送达。` : '';
}

export function denial(input: DocumentInput): PageParts {
  const n = natureOfInput(input);
  const w = decisionWording(n, 'denied');
  return {
    body: html`${addressee(input)}
<p>${decided(input)}。经审查，${you(input)}的申请不符合${n.type === 'publicService' ? '办理条件' : '法定条件、标准'}，理由如下：</p>
${quoted(input.details.reasons)}
${partiesLine(input)}
<p><span data-testid="decision-basis">${accordingTo(n, w.statute)}</span>，本机关决定<span class="emph">${w.verdict}</span>。</p>
${remediesBlock(input.details.remedies, remedyText(paperOf(w.title), input))}
${contactLine(input)}`,
  };
}

export function completion(input: DocumentInput): PageParts {
  const d = input.details;
  const post = d.deliveryMode === 'post';
  const mode = post ? '邮寄送达' : d.deliveryMode === 'pickup' ? '窗口领取' : '—';
  return {
    body: html`${addressee(input)}
<p>${applicationRef(input)}已于${zhDate(input.issuedOn)}办结。${post
  ? html`办理结果已通过邮政寄递送达${d.trackingNo ? html`，邮件号：<span class="emph">${d.trackingNo}</span>，可凭邮件号查询寄递状态` : ''}。`
  : d.deliveryMode === 'pickup' ? '办理结果已在窗口领取。' : ''}</p>
${factsTable([
  ['办理结果', d.resultName?.trim() ? d.resultName : '—', '送达方式', mode],
  ...(post ? [['邮件号', d.trackingNo ?? '—'] as [string, string]] : []),
  ['受理日期', zhDate(input.case.acceptedOn), '办结日期', zhDate(input.issuedOn)],
])}
<p>感谢${you(input)}对我们工作的理解和支持！</p>
<h2>服务评价（好差评）</h2>
<p>诚邀${you(input)}对本次服务进行评价：可扫描本通知书二维码、使用窗口评价器或拨打12345政务服务便民热线评价。评价分为“非常满意、满意、基本满意、不满意、非常不满意”五个等级；对“不满意”“非常不满意”的评价，我们将回访核实并限期整改。</p>
${contactLine(input)}`,
  };
}

/**
 * The fee notice and the internal paperwork: 缴款通知书 (to the applicant), 办理通知书 (window →
 * department), 全程承办单 (every hand-over signed: who, when, opinion) and 内部审批过程控制单 (the
 * item's internal steps with the material defects found at each). Pure, escaped, like the others.
 */
import { caseFacts, contactLine, factsTable, materialsList } from './blocks.js';
import type { PageParts } from './frame.js';
import { limitText, zhDate } from './format.js';
import { html } from './html.js';
import type { DocumentInput } from './types.js';

const yuan = (fen: number) => (fen / 100).toFixed(2);

export function paymentNotice(input: DocumentInput): PageParts {
  const f = input.details.fee ?? { lines: [], totalFen: 0, treasury: { name: '', bank: '', accountNo: '' }, payBeforeDelivery: false };
  return {
    body: html`<p class="addressee">${input.case.applicantName}：</p>
<p>你申请的“${input.case.itemName}”（办件编号：${input.case.caseNo}）已作出准予许可的决定。根据下列收费依据和标准，请缴纳以下费用：</p>
${caseFacts(input)}
<table class="list" data-testid="fee-lines"><thead><tr><th>序号</th><th>收费项目</th><th>收费标准</th><th>数量</th><th>金额（元）</th><th>收费依据</th></tr></thead><tbody>
${f.lines.map((l, i) => html`<tr><td class="n">${i + 1}</td><td>${l.name}</td><td>${l.standard}</td><td class="c">${l.assessed ? '按实核定' : html`${l.quantity}${l.unit}${l.freeUnits ? html`（免收${l.freeUnits}${l.unit}）` : ''}`}</td><td class="c">${yuan(l.amountFen)}</td><td>${l.basis}</td></tr>`)}
<tr><th colspan="4">合计</th><th class="c" data-testid="fee-total">${yuan(f.totalFen)}</th><td></td></tr>
</tbody></table>
${factsTable([
  ['收款账户', f.treasury.name, '开户银行', f.treasury.bank],
  ['账号', f.treasury.accountNo],
])}
<p class="emph">请持本通知书到政务服务大厅银行收费窗口缴纳，或通过网上支付缴纳；款项直接缴入财政专户，各部门窗口一律不收取现金。${f.payBeforeDelivery ? '缴款后方可领取办理结果。' : ''}</p>
${contactLine(input)}`,
  };
}

export function handlingNotice(input: DocumentInput): PageParts {
  const c = input.case;
  const received = input.materials.filter((m) => m.provided);
  const steps = input.details.steps ?? [];
  return {
    body: html`<p class="addressee">${input.department.name}：</p>
<p>${c.applicantName}申请的“${c.itemName}”已于${zhDate(c.acceptedOn)}由${input.center.name}窗口受理，现将办件移交你单位办理，请在承诺时限内办结并将结果送回窗口统一送达。</p>
${factsTable([
  ['办件编号', c.caseNo, '办件类型', c.kindLabel],
  ['申请事项', `${c.itemName}（${c.itemCode}）`],
  ['申请人', c.applicantName, '联系电话', c.applicantPhoneMasked],
  ['受理日期', zhDate(c.acceptedOn), '承诺时限', limitText(c.promisedLimit)],
  ['承诺办结日期', zhDate(c.promisedDue), '法定办结期限', zhDate(c.statutoryDue)],
  ['受理人', `${input.issuer.name}（${input.issuer.roleLabel}）`],
])}
<h2>移交的申请材料（共${received.length}项）</h2>
${materialsList(received)}
<h2>办理环节</h2>
<table class="list"><thead><tr><th>序号</th><th>环节</th><th>岗位</th><th>时限</th></tr></thead><tbody>
${steps.map((s) => html`<tr><td class="n">${s.index + 1}</td><td>${s.name}</td><td>${s.roleLabel}</td><td class="c">${s.workingDays ? `${s.workingDays}个工作日` : '—'}</td></tr>`)}
</tbody></table>`,
  };
}

export function routeSheet(input: DocumentInput): PageParts {
  const route = input.details.route ?? [];
  return {
    body: html`${caseFacts(input)}
<h2>全程承办记录（共${route.length}次交接）</h2>
<table class="list" data-testid="route"><thead><tr><th>序号</th><th>环节</th><th>移交人</th><th>接收人</th><th>签名</th><th>时间</th><th>意见</th></tr></thead><tbody>
${route.map((r, i) => html`<tr><td class="n">${i + 1}</td><td>${r.action}</td><td>${r.from}</td><td>${r.to}</td><td>${r.by}</td><td>${r.at}</td><td>${r.opinion || '—'}</td></tr>`)}
</tbody></table>
<p>本单随办件流转，每次交接由经办人签名并注明时间和意见；出具后不再更改，再次出具为新的一份。</p>`,
  };
}

export function controlSheet(input: DocumentInput): PageParts {
  const steps = input.details.steps ?? [];
  return {
    body: html`${caseFacts(input)}
<h2>内部审批环节</h2>
<table class="list" data-testid="control-steps"><thead><tr><th>序号</th><th>环节</th><th>岗位</th><th>时限</th><th>办理人</th><th>完成时间</th><th>意见</th></tr></thead><tbody>
${steps.map((s) => html`<tr><td class="n">${s.index + 1}</td><td>${s.name}</td><td>${s.roleLabel}</td><td class="c">${s.workingDays ? `${s.workingDays}个工作日` : '—'}</td><td>${s.doneBy ?? '（未完成）'}</td><td>${s.doneAt ?? ''}</td><td>${s.opinion ?? ''}</td></tr>`)}
</tbody></table>
<h2>材料审查记录</h2>
${steps.some((s) => s.defects?.length)
  ? html`<table class="list" data-testid="defects"><thead><tr><th>环节</th><th>材料</th><th>发现的问题</th><th>补正要求</th><th>记录人</th><th>时间</th></tr></thead><tbody>
${steps.flatMap((s) => (s.defects ?? []).map((d) => html`<tr><td>${s.name}</td><td>${d.material}</td><td>${d.defect}</td><td>${d.correction}</td><td>${d.by}</td><td>${d.at}</td></tr>`))}
</tbody></table>`
  : html`<p class="flush">审查未发现材料问题。</p>`}`,
  };
}

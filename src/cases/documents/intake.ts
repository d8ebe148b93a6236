/** Notices issued at the window: 接件回执, 受理通知书, 一次性告知书, 容缺受理承诺书, 退回告知书, 不予受理通知书. */
import { addressee, applicationRef, coApplicantRows, contactLine, factsTable, materialsList, materialsTable, quoted, remediesBlock } from './blocks.js';
import type { PageParts } from './frame.js';
import { defaultRemedies, limitText, natureOfInput, you, zhDate } from './format.js';
import { accordingTo } from './decision.js';
import { html } from './html.js';
import type { DocumentInput } from './types.js';

/** What the pledge says happens when the owed materials are late (an item may word its own). */
export const DEFAULT_OWED_OVERDUE = '逾期未补齐的，办件亮灯并由受理窗口通知补齐，办理结果在补齐前不予送达；经通知仍不补齐的，依法终止办理。';

/** Days after which an unanswered supplement notice closes the case as withdrawn (domain §4). */
export const SUPPLEMENT_WITHDRAW_DAYS = 30;

/** Materials owed under 容缺: flagged on the material, or listed by id in details.owed. */
export function owedMaterials(input: DocumentInput) {
  const ids = (input.details as { owed?: unknown }).owed;
  const listed = Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  return input.materials.filter((m) => m.owed || listed.includes(m.id));
}

/**
 * 接件回执 (seed 002: 「并向服务对象出具《接件通知书》」): what was handed in, when, and by when
 * the acceptance decision will be made. Not an acceptance: the clock has not started.
 */
export function receipt(input: DocumentInput): PageParts {
  const c = input.case;
  const org = c.applicantKind === 'organization';
  const received = input.materials.filter((m) => m.provided);
  return {
    body: html`${addressee(input)}
<p>您于${zhDate(c.submittedOn)}通过${c.channelLabel}提交的“${c.itemName}”申请材料已收到，现出具接件回执。是否受理，将于${html`<span class="emph">${zhDate(input.details.acceptBy ?? null)}</span>`}前作出决定并书面告知；材料不齐全或不符合法定形式的，将一次性告知需要补正的全部内容。</p>
${factsTable([
  ['办件编号', c.caseNo, '查询码', c.queryCode],
  ['申请事项', `${c.itemName}（${c.itemCode}）`],
  [org ? '申请单位' : '申请人', c.applicantName, org ? '证照号码' : '证件号码', c.applicantIdMasked],
  ...coApplicantRows(input),
  ['接件日期', zhDate(c.submittedOn), '受理决定期限', zhDate(input.details.acceptBy ?? null)],
  ['接件渠道', c.channelLabel, '接件人', `${input.issuer.name}（${input.issuer.roleLabel}）`],
])}
<h2>已收取的申请材料（共${received.length}项）</h2>
${materialsList(received)}
<p>本回执不作为受理凭证；办理时限自受理次日起计算。可凭办件编号和查询码查询办理进度。</p>
${contactLine(input)}`,
  };
}

export function acceptance(input: DocumentInput): PageParts {
  const c = input.case;
  const owed = owedMaterials(input);
  const received = input.materials.filter((m) => m.provided && !owed.includes(m));
  const onTheSpot = c.promisedLimit.unit === 'onTheSpot';
  const org = c.applicantKind === 'organization';
  return {
    body: html`${addressee(input)}
<p>${applicationRef(input)}，经审查，${owed.length ? '主要申请材料齐全、符合法定形式，部分非主要材料按容缺受理方式后补' : '申请材料齐全、符合法定形式'}，本机关决定予以受理。现将有关事项告知如下：</p>
${factsTable([
  ['办件编号', c.caseNo, '查询码', c.queryCode],
  ['申请事项', `${c.itemName}（${c.itemCode}）`],
  [org ? '申请单位' : '申请人', c.applicantName, org ? '证照号码' : '证件号码', c.applicantIdMasked],
  ['申请日期', zhDate(c.submittedOn), '受理日期', zhDate(c.acceptedOn ?? input.issuedOn)],
  ['承诺时限', limitText(c.promisedLimit), '承诺办结日期', html`<span class="emph">${zhDate(c.promisedDue)}</span>`],
  ['法定时限', limitText(c.statutoryLimit), '法定办结期限', zhDate(c.statutoryDue)],
  ['受理渠道', c.channelLabel, '受理人', `${input.issuer.name}（${input.issuer.roleLabel}）`],
])}
<p>${onTheSpot ? '本事项为即办件，于受理当日办结。' : '办理时限自受理次日起按工作日计算，法定节假日不计入。'}依法需要听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审的，所需时间不计入办理时限，本机关将另行书面告知。</p>
<h2>已收取的申请材料（共${received.length}项）</h2>
${materialsList(received)}
${owed.length ? html`<h2>容缺后补材料（共${owed.length}项）</h2>${materialsList(owed)}<p>上述容缺材料须在领取办理结果前补齐，补齐前办理结果暂不送达。</p>` : ''}
${contactLine(input)}`,
  };
}

/**
 * 联办受理通知书: the lead department's acceptance of a joint case — the same facts as an
 * acceptance notice, plus every participant department with its task and sub-due date,
 * and the one due date the applicant holds the lead to.
 */
export function jointAcceptance(input: DocumentInput): PageParts {
  const base = acceptance(input);
  const parts = input.details.participants ?? [];
  return {
    body: html`${base.body}
<h2>并联办理部门（共${parts.length}个）</h2>
<p>本件由${input.department.name}牵头办理（首办负责），申请材料已于受理时同步推送下列部门并联审查；各部门在分时限内出具意见，逾期未出具的按本事项超时默认规则处理。</p>
${parts.length ? html`<table class="list"><thead><tr><th>序号</th><th>部门</th><th>并联审查事项</th><th>分时限</th><th>意见出具期限</th></tr></thead><tbody>${
  parts.map((p, i) => html`<tr><td class="n">${i + 1}</td><td>${p.department}</td><td>${p.task}</td><td class="c">${p.subLimitWorkingDays}个工作日</td><td>${zhDate(p.subDue)}</td></tr>`)
}</tbody></table>` : html`<p class="flush">（无）</p>`}
<p class="emph">本件实行“一家牵头、并联审批、限时办结”，全案只有一个办结期限：${zhDate(input.case.promisedDue)}。</p>`,
  };
}

export function supplement(input: DocumentInput): PageParts {
  const missing = input.materials.filter((m) => m.missing);
  const note = input.details.note?.trim();
  const w = you(input);
  return {
    body: html`${addressee(input)}
<p>${applicationRef(input)}，经审查，申请材料不齐全或者不符合法定形式。根据一次性告知制度的规定，现将需要补正的<span class="emph">全部内容</span>一次性告知如下：</p>
<h2>需补正的材料（共${missing.length}项）</h2>
${materialsTable(missing)}
${note ? html`<h2>补正说明</h2>${quoted(note)}` : ''}
<p class="emph">本申请尚未受理，办理时限尚未开始计算；办理时限自${w}补齐全部材料、本机关受理之日起计算。</p>
<p>请${w}按照上述要求<span class="emph">一次性补齐全部材料</span>后，向原受理窗口提交或通过原申报渠道补正。本告知书所列即为需要补正的全部内容，本机关不再另行要求补正其他材料。</p>
<p>自收到本告知书之日起${SUPPLEMENT_WITHDRAW_DAYS}日内未补正材料，又未说明正当理由的，视为撤回申请，申请材料可到原受理窗口领回。</p>
${contactLine(input)}`,
  };
}

export function pledge(input: DocumentInput): PageParts {
  const c = input.case;
  const self = c.applicantKind === 'organization' ? '本单位' : '本人';
  const owed = owedMaterials(input);
  return {
    sealed: false,
    body: html`<p class="addressee">${input.department.name}：</p>
<p>${self}（${c.applicantName}，${c.applicantKind === 'organization' ? '证照号码' : '证件号码'}：${c.applicantIdMasked}）于${zhDate(c.submittedOn)}申请办理“${c.itemName}”（办件编号：${c.caseNo}）。经窗口审查，主要申请材料齐全、符合法定形式，下列非主要材料暂时无法提供，${self}申请按容缺受理方式办理：</p>
<h2>容缺材料（共${owed.length}项）</h2>
${materialsTable(owed, { head: '补交期限', cell: () => (input.details.owedBy ? zhDate(input.details.owedBy) : '办理结果送达前') })}
<p>${self}郑重承诺：</p>
<p>一、在${input.details.owedBy ? html`<span class="emph">${zhDate(input.details.owedBy)}</span>前` : '办理结果送达（领取）前'}补齐上述全部容缺材料，补交材料与已提交材料内容一致。</p>
<p>超期处理办法：${input.details.owedOverdue ?? DEFAULT_OWED_OVERDUE}</p>
<p>二、已提交和将补交的申请材料真实、合法、有效，如有虚假，愿承担相应的法律责任。</p>
<p>三、知悉在容缺材料补齐之前，办理结果不予送达；未按承诺补齐材料或补交材料不符合要求的，由此产生的后果由${self}承担。</p>
<p>本承诺书一式两份，申请人与受理窗口各执一份。</p>
<div class="sign-lines">
<div>承诺人（签字${c.applicantKind === 'organization' ? '并盖章' : ''}）：<span class="line"></span></div>
<div>日期：<span class="line short"></span>年<span class="line tiny"></span>月<span class="line tiny"></span>日</div>
<div>受理人：${input.issuer.name}　签字：<span class="line short"></span></div>
<div>受理日期：${zhDate(c.acceptedOn ?? input.issuedOn)}</div>
</div>
<p class="flush">受理单位：${input.department.name}　　联系电话：${input.department.phone}</p>`,
  };
}

export function returned(input: DocumentInput): PageParts {
  const to = input.details.redirectTo?.trim();
  return {
    body: html`${addressee(input)}
<p>${applicationRef(input)}，经审查，该申请事项不属于本机关职责范围或者依法不需要在本机关办理，现将申请材料予以退回。退回理由如下：</p>
${quoted(input.details.reasons)}
<p>${to ? html`请${you(input)}向<span class="emph">${to}</span>提出申请。` : '请向有权机关咨询办理。'}本次退回不影响${you(input)}依法向有权机关提出申请。</p>
${contactLine(input)}`,
  };
}

/** 行政许可法 第三十二条 for licences, and always the item's own 设定依据. */
function refusalBasis(input: DocumentInput): string {
  const n = natureOfInput(input);
  return accordingTo(n, n.type === 'license' ? '《中华人民共和国行政许可法》第三十二条第一款' : undefined);
}

export function refusal(input: DocumentInput): PageParts {
  return {
    body: html`${addressee(input)}
<p>${applicationRef(input)}，经审查，不符合受理条件，理由如下：</p>
${quoted(input.details.reasons)}
<p><span data-testid="decision-basis">${refusalBasis(input)}</span>，本机关决定<span class="emph">不予受理</span>。</p>
${remediesBlock(input.details.remedies, defaultRemedies('通知书', input))}
${contactLine(input)}`,
  };
}

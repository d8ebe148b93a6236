/** Building blocks the notice bodies share: fact tables, material lists, quoted reasons, remedies. */
import { materialNote, you, zhDate } from './format.js';
import { html, type Html } from './html.js';
import type { DocumentInput } from './types.js';

type Material = DocumentInput['materials'][number];
type Cell = Html | string;

/** Facts as a two-pairs-per-row table; a row with one pair spans the whole width. */
export function factsTable(rows: ([string, Cell] | [string, Cell, string, Cell])[]): Html {
  return html`<table class="facts"><tbody>${rows.map((r) => r.length === 4
    ? html`<tr><th>${r[0]}</th><td>${r[1]}</td><th>${r[2]}</th><td>${r[3]}</td></tr>`
    : html`<tr><th>${r[0]}</th><td colspan="3">${r[1]}</td></tr>`)}</tbody></table>`;
}

/** The applicant and item facts that open most notices. */
export function caseFacts(input: DocumentInput): Html {
  const c = input.case;
  const org = c.applicantKind === 'organization';
  return factsTable([
    ['办件编号', c.caseNo, '查询码', c.queryCode],
    ['申请事项', `${c.itemName}（${c.itemCode}）`],
    [org ? '申请单位' : '申请人', c.applicantName, org ? '证照号码' : '证件号码', c.applicantIdMasked],
    ['联系电话', c.applicantPhoneMasked, '申请日期', zhDate(c.submittedOn)],
    ...coApplicantRows(input),
  ]);
}

/** 共同申请人 (结婚登记: the other party), each with the ID number masked; nothing for a single applicant. */
export function coApplicantRows(input: DocumentInput): [string, string][] {
  const co = input.coApplicants ?? [];
  return co.length ? [['共同申请人', co.map((p) => `${p.name}（${p.idMasked}）`).join('、')]] : [];
}

/** A numbered list of materials; `last` names the right-hand column and fills it. */
export function materialsTable(items: Material[], last: { head: string; cell: (m: Material) => Cell } | null = { head: '说明', cell: materialNote }): Html {
  if (items.length === 0) return html`<p class="flush">（无）</p>`;
  return html`<table class="list"><thead><tr><th>序号</th><th>材料名称</th><th>份数</th>${last ? html`<th>${last.head}</th>` : ''}</tr></thead><tbody>${
    items.map((m, i) => html`<tr><td class="n">${i + 1}</td><td>${m.name}</td><td class="c">${m.copies}份</td>${last ? html`<td>${last.cell(m)}</td>` : ''}</tr>`)
  }</tbody></table>`;
}

/** A compact numbered list of materials in two columns: "1. 名称（1份）". */
export function materialsList(items: Material[]): Html {
  if (items.length === 0) return html`<p class="flush">（无）</p>`;
  return html`<ol class="mat-cols">${items.map((m) => html`<li>${m.name}（${m.copies}份）</li>`)}</ol>`;
}

/** User-written text (reasons, notes) in a ruled box, line breaks kept. */
export function quoted(text: string | undefined, fallback = '（未填写）'): Html {
  const t = text?.trim();
  return html`<div class="quote">${t ? t : fallback}</div>`;
}

/** "你于2025年9月30日提交的“某某”申请（办件编号：…）" — how most bodies begin. */
export function applicationRef(input: DocumentInput): Html {
  const c = input.case;
  return html`${you(input)}于${zhDate(c.submittedOn)}提交的“${c.itemName}”申请（办件编号：${c.caseNo}）`;
}

/** The addressee line: the applicant's full name. */
export function addressee(input: DocumentInput): Html {
  return html`<p class="addressee">${input.case.applicantName}：</p>`;
}

/** The remedies paragraph for refusals and denials. */
export function remediesBlock(text: string | undefined, fallback: string): Html {
  return html`<h2>权利救济</h2><p>${text?.trim() ? text.trim() : fallback}</p>`;
}

/** The closing contact paragraph: the department's phone and the center's complaint line. */
export function contactLine(input: DocumentInput): Html {
  return html`<p>如有疑问，请咨询${input.department.name}（电话：${input.department.phone}）；对办理过程有意见或建议，可拨打${input.center.name}投诉电话${input.center.complaintPhone}。</p>`;
}

/** Where to look the case up, with the case number and query code. */
export function queryLine(input: DocumentInput): Html {
  return html`<p>${you(input)}可凭办件编号<span class="emph">${input.case.caseNo}</span>和查询码<span class="emph">${input.case.queryCode}</span>，扫描本文书二维码或登录政务服务网查询办理进度。</p>`;
}

/**
 * Printable A4 urge notices (催办单), supervision orders (督办单) and violation records,
 * rendered from the step's snapshot — the content frozen when the step was issued — so the
 * document never changes, and the sweep does not pay for rendering (and the QR code) of
 * thousands of pages nobody may print.
 */
import { html, raw } from '../cases/documents/html.js';
import { qrSvg } from '../cases/documents/frame.js';
import { zhDate } from '../cases/documents/format.js';
import { ROLE_LABELS, type Role } from '../core/auth/roles.js';
import type { LadderKind } from './schema.js';

export interface StepDocument {
  id: string; caseId: string; kind: LadderKind; docNo: string; issuedOn: string; issuedAt: string;
  snapshot: Record<string, unknown>;
  answeredAt: string | null; answer: string | null; escalatedAt: string | null;
  /** The answer date now (a calendar change may have moved it since the snapshot). */
  answerDue?: string | null;
}

const STYLE = `
@page { size: A4; margin: 20mm; }
body { margin: 0; background: #e9e9e9; font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 12pt; line-height: 1.7; }
.sheet { width: 210mm; min-height: 297mm; margin: 6mm auto; padding: 20mm; background: #fff; box-sizing: border-box; }
h1 { text-align: center; font-size: 20pt; letter-spacing: .3em; margin: 2mm 0; }
.org { text-align: center; margin: 0; letter-spacing: .15em; }
.no { text-align: right; margin: 0; }
hr { border: 0; border-top: 1.5pt solid #c8161d; }
table { width: 100%; border-collapse: collapse; margin: 3mm 0; font-size: 11pt; }
th, td { border: .75pt solid #000; padding: 1mm 2mm; text-align: left; vertical-align: top; }
th { width: 30mm; background: #f4f4f4; font-weight: normal; }
p { text-indent: 2em; margin: 0 0 2mm; }
.end { display: flex; justify-content: space-between; align-items: flex-end; margin-top: 8mm; }
.qr svg { width: 26mm; height: 26mm; }
@media print { body { background: #fff; } .sheet { margin: 0; padding: 0; min-height: auto; } }
`;

const LIGHT_TEXT: Record<string, string> = { yellow: '黄灯（临近承诺时限）', red: '红灯（超过承诺时限）', black: '黑灯（超过法定时限）' };

function bodyText(kind: LadderKind, s: Record<string, unknown>) {
  const dept = String(s.departmentName ?? '');
  if (kind === 'urge') return html`<p>${dept}：</p><p>你单位承办的下列办件剩余办理时间已不足承诺时限的三分之一（黄灯预警）。请全程办事人、具体办理人抓紧办理，确保在承诺时限 ${zhDate(String(s.promisedDue ?? ''))} 前办结。</p>`;
  if (kind === 'order') return html`<p>${dept}：</p><p>你单位承办的下列办件已超过承诺时限（红灯）。请首席代表督促办理，并于 <b>${zhDate(String(s.answerDue ?? ''))}</b> 前书面答复超时原因及整改措施；逾期未答复的，将报告分管领导。本次超时已记入问责记录。</p>`;
  return html`<p>${dept}：</p><p>你单位承办的下列办件已超过法定时限（黑灯），属违法超期办理，已记入违法记录。请立即办结并报送情况说明。</p>`;
}

export async function renderStepDocument(d: StepDocument, origin: string): Promise<string> {
  const s: Record<string, unknown> = { ...d.snapshot, ...(d.answerDue ? { answerDue: d.answerDue } : {}) };
  const title = String(s.title ?? '');
  const holder = s.holder as { name: string } | null;
  const recipients = (s.recipients as { name: string; role: Role }[] | undefined) ?? [];
  const qr = await qrSvg(`${origin}/cases/${d.caseId}`);
  const doc = html`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="doc-kind" content="${d.kind}"><meta name="doc-no" content="${d.docNo}">
<title>${title}（${d.docNo}）</title><style>${raw(STYLE)}</style></head>
<body><main class="sheet">
<p class="org">${String(s.centerName ?? '')}电子监察</p>
<h1 data-testid="doc-title">${title}</h1>
<p class="no">${d.docNo}</p><hr>
${bodyText(d.kind, s)}
<table>
<tr><th>办件编号</th><td>${String(s.caseNo ?? '')}</td></tr>
<tr><th>事项</th><td>${String(s.itemName ?? '')}（${String(s.itemCode ?? '')}）</td></tr>
<tr><th>承办部门</th><td>${String(s.departmentName ?? '')}</td></tr>
<tr><th>受理日期</th><td>${zhDate(String(s.acceptedOn ?? ''))}</td></tr>
<tr><th>承诺办结日期</th><td>${zhDate(String(s.promisedDue ?? ''))}</td></tr>
<tr><th>法定办结日期</th><td>${zhDate(String(s.statutoryDue ?? ''))}</td></tr>
<tr><th>亮灯状态</th><td>${LIGHT_TEXT[String(s.light)] ?? ''}</td></tr>
<tr><th>当前环节</th><td>${String(s.stepName ?? '—')}；承办人：${holder?.name ?? '（未分办）'}</td></tr>
<tr><th>送达</th><td>${recipients.map((r) => `${r.name}（${ROLE_LABELS[r.role] ?? r.role}）`).join('、') || '—'}</td></tr>
${d.kind === 'order' ? html`<tr><th>答复期限</th><td>${zhDate(String(s.answerDue ?? ''))}</td></tr><tr><th>部门答复</th><td data-testid="doc-answer">${d.answer ?? (d.escalatedAt ? '逾期未答复，已报告分管领导' : '（待答复）')}</td></tr>` : ''}
</table>
<div class="end"><div class="qr">${raw(qr)}<div>扫码查看办件</div></div><div>${String(s.centerName ?? '')}<br>${zhDate(d.issuedOn)}</div></div>
</main></body></html>`;
  return doc.toString();
}

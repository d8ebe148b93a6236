/**
 * Printable A4 forms (seed 004 第三十三条「机关党委和各党支部要建立专门记录本」): the meeting
 * record (会议记录) and the evaluation summary (民主评议党员结果汇总表). Pure: everything
 * shown comes in the input, every value escaped by the notices' `html` builder, no script.
 */
import { html, raw, type Html } from '../cases/documents/html.js';
import { zhDate } from '../cases/documents/format.js';
import { GRADE_LABELS, GRADES, MEETING_KIND_LABELS, RESOLUTION_KIND_LABELS, type Grade, type MeetingKind, type ResolutionKind } from './types.js';
import type { Check } from './rules/meetings.js';

const STYLE = `
@page { size: A4; margin: 20mm; }
* { box-sizing: border-box; }
html { background: #e9e9e9; }
body { margin: 0; font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif; font-size: 12pt; line-height: 1.6; color: #000; }
.print-hint { width: 210mm; margin: 6mm auto 0; padding: 2mm 4mm; font-size: 10.5pt; color: #555; background: #fffbe6; border: 1px solid #f0e2a8; }
.sheet { width: 210mm; min-height: 297mm; margin: 6mm auto 10mm; padding: 20mm; background: #fff; box-shadow: 0 1mm 4mm rgba(0,0,0,.18); }
.doc-head { text-align: center; }
.doc-org { font-size: 13pt; letter-spacing: .15em; margin: 0; }
.doc-title { font-size: 20pt; font-weight: bold; letter-spacing: .3em; margin: 1mm 0; padding-left: .3em; }
.doc-rule { border: 0; border-top: 1.5pt solid #c8161d; margin: 1.5mm 0 3mm; }
table { width: 100%; border-collapse: collapse; font-size: 10.5pt; line-height: 1.4; margin: 1.5mm 0 3mm; }
th, td { border: .75pt solid #000; padding: 1mm 1.6mm; vertical-align: top; text-align: left; }
th { font-weight: normal; background: #f4f4f4; white-space: nowrap; }
.facts th { width: 26mm; }
.pre { white-space: pre-wrap; }
.ok { font-weight: bold; }
.bad { font-weight: bold; color: #c8161d; }
.signs { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm 10mm; margin: 8mm 0 4mm; }
.line { display: inline-block; min-width: 40mm; border-bottom: .75pt solid #000; }
@media print { html, body { background: #fff; } .print-hint { display: none; } .sheet { width: auto; min-height: 255mm; margin: 0; padding: 0; box-shadow: none; } }
`;

function pageOf(title: string, org: string, body: Html, testId: string): string {
  return html`<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${raw(STYLE)}</style></head>
<body>
<div class="print-hint no-print">请使用浏览器打印（Ctrl+P），纸张选择 A4、缩放 100%。</div>
<main class="sheet" data-testid="${testId}">
<header class="doc-head"><p class="doc-org">${org}</p><h1 class="doc-title" data-testid="doc-title">${title}</h1><hr class="doc-rule"></header>
${body}
</main>
</body>
</html>
`.value;
}

const verdict = (ok: boolean | null) => (ok ? html`<span class="ok">符合</span>` : html`<span class="bad">不符合</span>`);

export interface MeetingRecordInput {
  centerName: string;
  orgName: string;
  kind: MeetingKind;
  title: string;
  heldOn: string;
  place: string;
  chair: string;
  recorder: string;
  topic: string;
  minutes: string;
  expected: number;
  present: number;
  quorumOk: boolean;
  quorumChecks: Check[];
  attendance: { name: string; present: boolean; absenceReason: string }[];
  resolutions: { kind: ResolutionKind; subject: string; inFavour: number; against: number; abstain: number; passed: boolean; checks: Check[] }[];
}

export function renderMeetingRecord(i: MeetingRecordInput): string {
  const absent = i.attendance.filter((a) => !a.present);
  const body = html`
<table class="facts">
<tr><th>党组织</th><td>${i.orgName}</td><th>会议类型</th><td>${MEETING_KIND_LABELS[i.kind]}</td></tr>
<tr><th>会议名称</th><td colspan="3">${i.title}</td></tr>
<tr><th>时间</th><td>${zhDate(i.heldOn)}</td><th>地点</th><td>${i.place || '—'}</td></tr>
<tr><th>主持人</th><td>${i.chair || '—'}</td><th>记录人</th><td>${i.recorder || '—'}</td></tr>
<tr><th>应到人数</th><td>${i.expected}</td><th>实到人数</th><td data-testid="record-present">${i.present}</td></tr>
<tr><th>出席人员</th><td colspan="3">${i.attendance.filter((a) => a.present).map((a) => a.name).join('、') || '—'}</td></tr>
<tr><th>缺席人员及原因</th><td colspan="3">${absent.length ? absent.map((a) => `${a.name}${a.absenceReason ? `（${a.absenceReason}）` : ''}`).join('、') : '无'}</td></tr>
<tr><th>到会情况</th><td colspan="3" data-testid="record-quorum">${verdict(i.quorumOk)}　${i.quorumChecks.map((c) => c.zh).join('；')}</td></tr>
<tr><th>议题</th><td colspan="3" class="pre">${i.topic || '—'}</td></tr>
</table>
<h2>会议记录</h2>
<div class="pre" style="border:.75pt solid #000;padding:2mm 3mm;min-height:60mm" data-testid="record-minutes">${i.minutes}</div>
${i.resolutions.length ? html`<h2>表决事项</h2>
<table><tr><th>事项</th><th>类别</th><th>赞成</th><th>反对</th><th>弃权</th><th>结果</th></tr>
${i.resolutions.map((r) => html`<tr><td>${r.subject}<div style="font-size:9pt">${r.checks.map((c) => c.zh).join('；')}</div></td><td>${RESOLUTION_KIND_LABELS[r.kind]}</td><td>${r.inFavour}</td><td>${r.against}</td><td>${r.abstain}</td><td>${r.passed ? '通过' : html`<span class="bad">未通过</span>`}</td></tr>`)}
</table>` : ''}
<div class="signs"><div>主持人（签字）：<span class="line"></span></div><div>记录人（签字）：<span class="line"></span></div></div>`;
  return pageOf(`${MEETING_KIND_LABELS[i.kind]}记录`, `${i.centerName} ${i.orgName}`, body, 'meeting-record');
}

export interface EvaluationSummaryInput {
  centerName: string;
  branchName: string;
  year: number;
  dueOn: string;
  submittedOn: string | null;
  late: boolean;
  total: number;
  maxExcellent: number;
  counts: Record<Grade, number>;
  members: { name: string; statusLabel: string; deputyDivision: boolean; gradeLabel: string | null; note: string }[];
}

export function renderEvaluationSummary(i: EvaluationSummaryInput): string {
  const body = html`
<table class="facts">
<tr><th>党支部</th><td>${i.branchName}</td><th>评议年度</th><td>${i.year}年度</td></tr>
<tr><th>党员总数</th><td>${i.total}</td><th>优秀名额上限</th><td>${i.maxExcellent}（15%）</td></tr>
<tr><th>报送期限</th><td>${zhDate(i.dueOn)}前</td><th>报送日期</th><td>${i.submittedOn ? zhDate(i.submittedOn) : '未报送'}${i.late ? '（逾期）' : ''}</td></tr>
</table>
<table data-testid="summary-counts"><tr>${GRADES.map((g) => html`<th>${GRADE_LABELS[g]}</th>`)}</tr><tr>${GRADES.map((g) => html`<td>${i.counts[g]}</td>`)}</tr></table>
<h2>评议结果名单</h2>
<table><tr><th>序号</th><th>姓名</th><th>身份</th><th>格次</th><th>备注</th></tr>
${i.members.map((m, n) => html`<tr><td>${n + 1}</td><td>${m.name}</td><td>${m.statusLabel}${m.deputyDivision ? '（副处级以上）' : ''}</td><td>${m.gradeLabel ?? '未评定'}</td><td>${m.note}</td></tr>`)}
</table>
<p style="font-size:10pt">依据《机关党务工作制度》第二十一条：预备党员只参加评议不定格，离退休党员可以只参加评议不定格，副处级以上党员领导干部参加评议定格、不参加优秀党员评选；优秀党员总数不超过党员总数的15%；各支部于次年2月5日前将评议结果报机关党委。</p>
<div class="signs"><div>支部书记（签字）：<span class="line"></span></div><div>报送日期：<span class="line"></span></div></div>`;
  return pageOf('民主评议党员结果汇总表', `${i.centerName} ${i.branchName}`, body, 'evaluation-summary');
}

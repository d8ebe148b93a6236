/**
 * 代办交接单: the printable A4 sheet of one hand-over. Pure (everything shown comes in the
 * input), every value escaped by the notices' `html` builder, no script (the CSP forbids
 * it), a QR code to the public progress query like every case notice.
 */
import { html, raw } from '../cases/documents/html.js';
import { qrSvg } from '../cases/documents/frame.js';
import { zhDate } from '../cases/documents/format.js';
import { HANDOVER_DOCUMENT_TITLE, HANDOVER_STAGE_LABELS, type HandoverStage } from './types.js';

export interface SheetInput {
  docNo: string;
  issuedAt: string;
  issuedOn: string;
  /** "YYYY-MM-DD HH:MM" in the center's zone. */
  atText: string;
  point: { name: string; address: string; phone: string };
  center: { name: string };
  case: { caseNo: string; queryCode: string; itemName: string; itemCode: string; applicantName: string; applicantIdMasked: string; applicantPhoneMasked: string };
  agent: { name: string; phoneMasked: string };
  modeLabel: string;
  stage: HandoverStage;
  seq: number;
  giver: { name: string; roleLabel: string };
  taker: { name: string; roleLabel: string };
  items: string[];
  note: string;
  progressUrl: string;
}

const STYLE = `
@page { size: A4; margin: 20mm; }
* { box-sizing: border-box; }
html { background: #e9e9e9; }
body { margin: 0; font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif; font-size: 12pt; line-height: 1.6; color: #000; }
.print-hint { width: 210mm; margin: 6mm auto 0; padding: 2mm 4mm; font-size: 10.5pt; color: #555; background: #fffbe6; border: 1px solid #f0e2a8; }
.sheet { width: 210mm; min-height: 297mm; margin: 6mm auto 10mm; padding: 20mm; background: #fff; box-shadow: 0 1mm 4mm rgba(0,0,0,.18); display: flex; flex-direction: column; }
.doc-head { text-align: center; }
.doc-org { font-size: 13pt; letter-spacing: .15em; margin: 0; }
.doc-title { font-size: 20pt; font-weight: bold; letter-spacing: .3em; margin: 1mm 0; padding-left: .3em; }
.doc-no { text-align: right; font-size: 11pt; margin: 0; }
.doc-rule { border: 0; border-top: 1.5pt solid #c8161d; margin: 1.5mm 0 3mm; }
table { width: 100%; border-collapse: collapse; font-size: 10.5pt; line-height: 1.4; margin: 1.5mm 0 3mm; }
th, td { border: .75pt solid #000; padding: 1mm 1.6mm; vertical-align: top; text-align: left; }
th { width: 26mm; font-weight: normal; background: #f4f4f4; white-space: nowrap; }
.stage { font-weight: bold; font-size: 13pt; text-align: center; margin: 2mm 0; }
ol { margin: 0; padding-left: 6mm; }
.signs { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm 10mm; margin: 8mm 0 4mm; }
.line { display: inline-block; min-width: 40mm; border-bottom: .75pt solid #000; }
.qr { display: flex; align-items: center; gap: 3mm; font-size: 10.5pt; margin-top: auto; }
.qr-code svg { width: 28mm; height: 28mm; display: block; }
.foot { border-top: .75pt solid #000; margin-top: 4mm; padding-top: 2mm; font-size: 9pt; }
@media print { html, body { background: #fff; } .print-hint { display: none; } .sheet { width: auto; min-height: 255mm; margin: 0; padding: 0; box-shadow: none; } }
`;

export async function renderHandoverSheet(i: SheetInput): Promise<string> {
  const items = i.items.length ? html`<ol>${i.items.map((x) => html`<li>${x}</li>`)}</ol>` : html`（无）`;
  const doc = html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="doc-kind" content="agencyHandover">
<meta name="doc-no" content="${i.docNo}">
<meta name="issued-at" content="${i.issuedAt}">
<title>${HANDOVER_DOCUMENT_TITLE}（${i.docNo}）</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<div class="print-hint">请使用浏览器打印（Ctrl+P），纸张选择 A4、缩放 100%。交接双方签字后各留一份。</div>
<main class="sheet">
<header class="doc-head">
<p class="doc-org">${i.point.name}</p>
<h1 class="doc-title" data-testid="doc-title">${HANDOVER_DOCUMENT_TITLE}</h1>
<p class="doc-no">${i.docNo}</p>
<hr class="doc-rule">
</header>
<p class="stage" data-testid="handover-stage">第${i.seq}次交接：${HANDOVER_STAGE_LABELS[i.stage]}</p>
<table>
<tr><th>办件编号</th><td>${i.case.caseNo}</td><th>代办方式</th><td>${i.modeLabel}</td></tr>
<tr><th>申请事项</th><td colspan="3">${i.case.itemName}（${i.case.itemCode}）</td></tr>
<tr><th>申请人</th><td>${i.case.applicantName}</td><th>证件号码</th><td>${i.case.applicantIdMasked}</td></tr>
<tr><th>联系电话</th><td>${i.case.applicantPhoneMasked}</td><th>受理中心</th><td>${i.center.name}</td></tr>
<tr><th>代办员</th><td>${i.agent.name}</td><th>代办员电话</th><td>${i.agent.phoneMasked}</td></tr>
<tr><th>交出人</th><td>${i.giver.name}（${i.giver.roleLabel}）</td><th>接收人</th><td>${i.taker.name}（${i.taker.roleLabel}）</td></tr>
<tr><th>交接时间</th><td colspan="3">${i.atText}</td></tr>
<tr><th>交接材料／结果</th><td colspan="3" data-testid="handover-items">${items}</td></tr>
<tr><th>备注</th><td colspan="3">${i.note || '—'}</td></tr>
</table>
<div class="signs">
<div>交出人签字：<span class="line"></span></div>
<div>接收人签字：<span class="line"></span></div>
<div>日期：${zhDate(i.issuedOn)}</div>
<div></div>
</div>
<div class="qr" data-testid="doc-qr">
<div class="qr-code">${raw(await qrSvg(i.progressUrl))}</div>
<div><div><b>扫码查询办理进度</b></div><div>办件编号：${i.case.caseNo}</div><div>查询码：${i.case.queryCode}</div></div>
</div>
<footer class="foot">${i.point.name}　地址：${i.point.address}　电话：${i.point.phone}</footer>
</main>
</body>
</html>
`;
  return doc.value;
}

/** The printable A4 page shared by every notice: style, title and number, QR code, seal, footer. */
import QRCode from 'qrcode';
import { documentTitle } from './decision.js';

/** The seal the windows' notices carry (seed 001: 「启用本单位“行政审批专用章”」). */
export const APPROVAL_SEAL = '行政审批专用章';
import { zhDate } from './format.js';
import { html, raw, type Html } from './html.js';
import type { DocumentInput } from './types.js';

const SERIF = `"SimSun", "宋体", "Songti SC", "STSong", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", serif`;
const TITLE = `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "华文中宋", ${SERIF}`;
const SEAL_RED = '#c8161d';

export const STYLE = `
@page { size: A4; margin: 20mm; }
* { box-sizing: border-box; }
html { background: #e9e9e9; }
body { margin: 0; font-family: ${SERIF}; font-size: 12pt; line-height: 1.65; color: #000; }
.print-hint { width: 210mm; margin: 6mm auto 0; padding: 2mm 4mm; font-size: 10.5pt; color: #555; background: #fffbe6; border: 1px solid #f0e2a8; }
.sheet { width: 210mm; min-height: 297mm; margin: 6mm auto 10mm; padding: 20mm; background: #fff; box-shadow: 0 1mm 4mm rgba(0,0,0,.18); display: flex; flex-direction: column; }
.doc-head { text-align: center; margin-bottom: 2mm; }
.doc-org { font-size: 13pt; letter-spacing: .15em; margin: 0; }
.doc-title { font-family: ${TITLE}; font-size: 20pt; font-weight: bold; letter-spacing: .3em; margin: 1mm 0 1mm; padding-left: .3em; }
.doc-no { text-align: right; font-size: 11pt; margin: 0; }
.doc-rule { border: 0; border-top: 1.5pt solid ${SEAL_RED}; margin: 1.5mm 0 3mm; }
.doc-body p { margin: 0 0 1.5mm; text-indent: 2em; text-align: justify; }
.doc-body p.addressee, .doc-body p.flush { text-indent: 0; }
.doc-body h2 { font-size: 12pt; font-weight: bold; margin: 2mm 0 1mm; }
.facts, .list { width: 100%; border-collapse: collapse; font-size: 10.5pt; line-height: 1.4; margin: 1.5mm 0 2.5mm; }
.facts th, .facts td, .list th, .list td { border: .75pt solid #000; padding: .9mm 1.6mm; vertical-align: top; text-align: left; }
.facts th { width: 22mm; font-weight: normal; background: #f4f4f4; white-space: nowrap; }
.list th { font-weight: bold; background: #f4f4f4; text-align: center; }
.list td.n { width: 11mm; text-align: center; }
.list td.c { width: 16mm; text-align: center; white-space: nowrap; }
.emph { font-weight: bold; }
.pre { white-space: pre-wrap; }
.mat-cols { columns: 2; column-gap: 8mm; margin: 1mm 0 2mm; padding-left: 7mm; font-size: 10.5pt; line-height: 1.5; }
.mat-cols li { break-inside: avoid; }
.quote { border: .75pt solid #000; padding: 1.5mm 3mm; margin: 1mm 0 2.5mm; font-size: 12pt; white-space: pre-wrap; text-indent: 0; }
.sign-lines { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm 10mm; margin: 6mm 0 2mm; font-size: 12pt; }
.sign-lines .line { display: inline-block; min-width: 38mm; border-bottom: .75pt solid #000; }
.sign-lines .line.short { min-width: 24mm; }
.sign-lines .line.tiny { min-width: 10mm; }
.doc-end { display: flex; justify-content: space-between; align-items: flex-end; gap: 8mm; margin-top: 4mm; page-break-inside: avoid; break-inside: avoid; }
.qr { display: flex; align-items: center; gap: 3mm; font-size: 10.5pt; line-height: 1.5; }
.qr-code { width: 28mm; height: 28mm; flex: none; }
.qr-code svg { width: 28mm; height: 28mm; display: block; }
.qr-caption { font-weight: bold; font-size: 11pt; }
.qr-code-text { font-family: "Courier New", monospace; font-size: 12pt; letter-spacing: .08em; }
.seal-block { position: relative; text-align: center; min-width: 62mm; padding: 4mm 0 1mm; font-size: 12pt; }
.seal-block .dept { margin: 0; }
.seal-block .date { margin: 0; }
.seal text { font-family: ${SERIF}; }
.seal.second { transform: translate(-10%, -50%) rotate(6deg); }
.seal { position: absolute; left: 50%; top: 50%; width: 38mm; height: 38mm; transform: translate(-50%, -50%) rotate(-4deg); opacity: .82; mix-blend-mode: multiply; pointer-events: none; }
.doc-foot { margin-top: auto; padding-top: 3mm; }
.doc-foot .inner { border-top: .75pt solid #000; padding-top: 2mm; font-size: 9pt; line-height: 1.6; color: #222; display: flex; flex-wrap: wrap; gap: 0 6mm; }
@media print {
  html, body { background: #fff; }
  .no-print { display: none !important; }
  .sheet { width: auto; min-height: 255mm; margin: 0; padding: 0; box-shadow: none; }
  .doc-rule { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .seal { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr, .quote, .sign-lines { page-break-inside: avoid; break-inside: avoid; }
  h2 { break-after: avoid; }
}
`;

/** The QR code (inline SVG) pointing at the public progress query. */
export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
}

/**
 * A round red "seal": the department's name along the top arc, a star in the middle and, on
 * the 行政审批专用章 the windows use (seed 001), its name at the bottom; the department's own
 * 行政章 has no bottom line.
 */
export function seal(name: string, label: string, extraClass = ''): Html {
  const chars = [...name].length;
  // The arc (r = 66, 240°) is about 276 units long: shrink the type for long names.
  const size = Math.min(24, Math.floor(262 / Math.max(chars, 1)));
  const arc = `seal-arc${extraClass ? `-${extraClass}` : ''}`;
  return html`<svg class="seal${extraClass ? ` ${extraClass}` : ''}" viewBox="0 0 200 200" role="img" aria-label="${name}${label ? `${label}` : '（行政章）'}" data-seal="${label || '行政章'}" xmlns="http://www.w3.org/2000/svg">
<defs><path id="${arc}" d="M 42.8,133 A 66,66 0 1,1 157.2,133"/></defs>
<circle cx="100" cy="100" r="94" fill="none" stroke="${SEAL_RED}" stroke-width="5"/>
<text fill="${SEAL_RED}" font-size="${size}" font-weight="bold"><textPath href="#${arc}" startOffset="50%" text-anchor="middle">${name}</textPath></text>
<text x="100" y="122" fill="${SEAL_RED}" font-size="62" text-anchor="middle">★</text>
${label ? html`<text x="100" y="160" fill="${SEAL_RED}" font-size="15" text-anchor="middle">${label}</text>` : ''}
</svg>`;
}

export interface PageParts {
  body: Html;
  /** Whether the issuing department's seal and date close the page (not on the applicant's pledge). */
  sealed?: boolean;
}

/** Wraps a notice body in the complete printable HTML document. */
export async function page(input: DocumentInput, parts: PageParts): Promise<string> {
  const title = documentTitle(input.kind, input.item);
  const c = input.case;
  const qr = input.progressUrl
    ? html`<div class="qr" data-testid="doc-qr">
  <div class="qr-code">${raw(await qrSvg(input.progressUrl))}</div>
  <div class="qr-text"><div class="qr-caption">扫码查询办理进度</div><div>办件编号：${c.caseNo}</div><div>查询码：<span class="qr-code-text">${c.queryCode}</span></div></div>
</div>`
    : html`<div></div>`;
  const sealed = parts.sealed !== false;
  // 转报事项 (report-up items): the decision also carries the department's own 行政章 (seed 001).
  const forwardedDecision = (input.kind === 'approval' || input.kind === 'denial') && input.item?.forwarded;
  const signature = sealed
    ? html`<div class="seal-block">${seal(input.department.name, APPROVAL_SEAL)}${forwardedDecision ? seal(input.department.name, '', 'second') : ''}<p class="dept">${input.department.name}</p><p class="date">${zhDate(input.issuedOn)}</p></div>`
    : html`<div></div>`;
  const doc = html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="doc-kind" content="${input.kind}">
<meta name="doc-no" content="${input.docNo}">
<meta name="issued-at" content="${input.issuedAt}">
<title>${title}（${input.docNo}）</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<div class="print-hint no-print">请使用浏览器打印（Ctrl+P），纸张选择 A4、缩放 100%。</div>
<main class="sheet">
<header class="doc-head">
<p class="doc-org">${input.center.name}</p>
<h1 class="doc-title" data-testid="doc-title">${title}</h1>
<p class="doc-no">${input.docNo}</p>
<hr class="doc-rule">
</header>
<section class="doc-body">
${parts.body}
</section>
<section class="doc-end">
${qr}
${signature}
</section>
<footer class="doc-foot"><div class="inner">
<span>${input.center.name}</span>
<span>地址：${input.center.address}</span>
<span>咨询电话：${input.center.phone}</span>
<span>投诉电话：${input.center.complaintPhone}</span>
<span>办公时间：${input.center.hours}</span>
</div></footer>
</main>
</body>
</html>
`;
  return doc.value;
}

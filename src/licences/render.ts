/**
 * The rendered e-licence: an A4 page like the center's printed notices (the same style, drawn
 * seal and QR code from src/cases/documents), showing the signed record. Pure: everything shown
 * comes in the input; every interpolated string is HTML-escaped; no script (the CSP forbids it).
 *
 * The holder's own copy shows the ID number in full, like the paper certificate; every other
 * copy (staff) gets the record already masked by the service — this file prints what it is given.
 */
import { qrSvg, seal, STYLE } from '../cases/documents/frame.js';
import { html, raw, type Html } from '../cases/documents/html.js';
import { zhDate } from '../cases/documents/format.js';
import type { LicenceRecord } from './record.js';

export interface LicenceDocumentInput {
  record: LicenceRecord;
  verifyCode: string;
  /** The absolute URL the QR code opens: the portal's verification page. */
  verifyUrl: string;
  /** Standing at the time of rendering (a revoked licence's copy says so across the page). */
  status: 'valid' | 'revoked' | 'superseded';
  expired: boolean;
  /** Whether the ID numbers are the holder's own full copy (else they come masked). */
  holderCopy: boolean;
}

/** The portal page the QR code opens (web/src/pages/licences/VerifyLicence.tsx). */
export const verifyPagePath = (licenceNo: string, code: string) =>
  `/verify/licence/${encodeURIComponent(licenceNo)}?code=${encodeURIComponent(code)}`;

const EXTRA_STYLE = `
.lic-title { font-size: 26pt; letter-spacing: .4em; }
.lic-stamp { text-align: center; font-size: 14pt; font-weight: bold; color: #c8161d; border: 1.5pt solid #c8161d; padding: 1mm; margin: 0 0 3mm; }
.seal-meta { font-size: 8pt; line-height: 1.35; color: #333; margin: 9mm 0 0; max-width: 62mm; word-break: break-all; }
.facts th { width: 30mm; }
`;

const STANDING: Record<string, string> = { revoked: '本证照已注销', superseded: '本证照已被新证照替代', expired: '本证照已过有效期' };

function factRows(r: LicenceRecord): Html[] {
  const holderId = r.holder.kind === 'organization' ? '统一社会信用代码' : '公民身份号码';
  const rows: [string, string][] = [
    ['证照编号', r.licenceNo],
    ['持证主体', r.holder.name],
    [holderId, r.holder.idNumber],
    ...r.coHolders.map((p): [string, string] => ['共同持证人', `${p.name}（${p.idNumber}）`]),
    ['发证机关', r.issuer.name],
    ['发证日期', zhDate(r.issuedOn)],
    ['有效期', r.validUntil ? `${zhDate(r.issuedOn)}至${zhDate(r.validUntil)}` : '长期有效'],
    ...Object.entries(r.fields).map(([k, v]): [string, string] => [k, typeof v === 'boolean' ? (v ? '是' : '否') : String(v)]),
    ['来源办件', r.source.caseNo],
  ];
  return rows.map(([k, v]) => html`<tr><th>${k}</th><td translate="no">${v}</td></tr>`);
}

/** The complete HTML document of one e-licence. */
export async function renderLicence(input: LicenceDocumentInput): Promise<string> {
  const r = input.record;
  const standing = input.status !== 'valid' ? STANDING[input.status] : input.expired ? STANDING.expired : null;
  const doc = html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="doc-kind" content="licence">
<meta name="licence-no" content="${r.licenceNo}">
<meta name="holder-copy" content="${input.holderCopy ? 'yes' : 'no'}">
<title>${r.type}（${r.licenceNo}）</title>
<style>${raw(STYLE + EXTRA_STYLE)}</style>
</head>
<body>
<div class="print-hint no-print">请使用浏览器打印（Ctrl+P）或另存为 PDF，纸张选择 A4、缩放 100%。${input.holderCopy ? '' : '（工作人员查看件：身份号码已遮蔽）'}</div>
<main class="sheet">
<header class="doc-head">
<p class="doc-org">${r.issuer.center}</p>
<h1 class="doc-title lic-title" data-testid="doc-title">${r.type}</h1>
<p class="doc-no">电子证照 ${r.licenceNo}</p>
<hr class="doc-rule">
</header>
${standing ? html`<p class="lic-stamp" data-testid="lic-standing">${standing}</p>` : ''}
<section class="doc-body">
<table class="facts">${factRows(r)}</table>
</section>
<section class="doc-end">
<div class="qr" data-testid="doc-qr" data-verify-url="${input.verifyUrl}">
  <div class="qr-code">${raw(await qrSvg(input.verifyUrl))}</div>
  <div class="qr-text"><div class="qr-caption">扫码核验证照</div><div>证照编号：${r.licenceNo}</div><div>核验码：<span class="qr-code-text">${input.verifyCode}</span></div></div>
</div>
<div><div class="seal-block">${seal(r.issuer.name, '电子印章')}<p class="dept">${r.issuer.name}</p><p class="date">${zhDate(r.issuedOn)}</p></div>
<p class="seal-meta" data-testid="seal-meta">签章算法：${r.seal.algorithm}<br>密钥标识：${r.seal.keyId}<br>签章时间：${r.seal.signedAt}</p></div>
</section>
<footer class="doc-foot"><div class="inner">
<span>本电子证照由${r.issuer.name}以电子印章签发；真伪与现状以扫码核验结果为准。</span>
</div></footer>
</main>
</body>
</html>
`;
  return doc.value;
}

/**
 * The A4 circular (通报): red centered title, number line, red rule, numbered sections, ruled
 * tables and the signature on the right — the page of the hall bulletin, the leader-duty
 * circular (src/duty/documents.ts), the supervision report (src/supervision/report/render.ts)
 * and the assessment bulletin (src/assessment/bulletin.ts).
 * Pure; each document passes its own table density and the few rules only it needs.
 */
import { html, type Html } from './html.js';

export interface CircularStyle {
  /** Table text size and cell padding (a wide table of figures sets them smaller). */
  table: { fontSize: string; cellPadding: string };
  /** Rules only this document needs (photos, number columns, definitions…). */
  extra?: string;
}

export function circularStyle(s: CircularStyle): string {
  return `
@page { size: A4; margin: 18mm; }
body { margin: 0; font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 12pt; line-height: 1.6; background: #e9e9e9; }
.sheet { width: 210mm; min-height: 297mm; margin: 6mm auto; padding: 18mm; background: #fff; box-sizing: border-box; }
h1 { text-align: center; color: #c8161d; font-size: 22pt; letter-spacing: .2em; margin: 0; }
.no { text-align: center; margin: 2mm 0; }
hr { border: 0; border-top: 1.5pt solid #c8161d; margin: 2mm 0 4mm; }
h2 { font-size: 13pt; margin: 4mm 0 2mm; }
p { text-indent: 2em; margin: 0 0 2mm; }
table { width: 100%; border-collapse: collapse; font-size: ${s.table.fontSize}; margin: 2mm 0 4mm; }
th, td { border: .75pt solid #000; padding: ${s.table.cellPadding}; vertical-align: top; text-align: left; }
th { background: #f4f4f4; }
.sign { text-align: right; margin-top: 10mm; }
${s.extra ?? ''}
@media print { body { background: #fff; } .sheet { margin: 0; padding: 0; width: auto; min-height: 0; } tr { break-inside: avoid; } }
`;
}

/** The whole page: `meta` adds <meta name content> tags (a document's kind and number for readers of the stored HTML). */
export function circularPage(p: { title: string; style: string; body: Html | string; meta?: Record<string, string> }): string {
  const meta = Object.entries(p.meta ?? {}).map(([name, content]) => `<meta name="${html`${name}`}" content="${html`${content}`}">`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${meta}<title>${html`${p.title}`}</title><style>${p.style}</style></head><body><div class="sheet">${p.body}</div></body></html>`;
}

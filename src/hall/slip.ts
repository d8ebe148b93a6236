/** The printed ticket (80 mm thermal roll): number, category, people ahead, estimated wait, a QR code to follow it on a phone. */
import QRCode from 'qrcode';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface SlipFacts { centerName: string; categoryName: string; number: string; takenAt: string; ahead: number; estimatedWaitMinutes: number; priority: number; statusUrl: string; timeZone: string }

export async function renderSlip(f: SlipFacts): Promise<string> {
  const qr = await QRCode.toString(f.statusUrl, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
  const taken = new Intl.DateTimeFormat('zh-CN', { timeZone: f.timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(f.takenAt));
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(f.number)} · 排队号票</title>
<style>@page{size:80mm auto;margin:0}body{width:72mm;margin:4mm;font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;text-align:center;color:#000}
h1{font-size:16px;margin:0 0 2mm}.n{font-size:44px;font-weight:700;letter-spacing:2px;margin:2mm 0}.c{font-size:16px}.m{font-size:13px;margin:1mm 0}
.q{width:28mm;height:28mm;margin:2mm auto}.q svg{width:100%;height:100%}.f{font-size:11px;border-top:1px dashed #000;margin-top:2mm;padding-top:2mm}</style></head>
<body><h1>${esc(f.centerName)}</h1><div class="c">${esc(f.categoryName)}${f.priority === 2 ? '（预约）' : f.priority === 1 ? '（优先）' : ''}</div>
<div class="n" data-testid="slip-number">${esc(f.number)}</div>
<div class="m">您前面还有 <b>${f.ahead}</b> 人等候</div><div class="m">预计等候约 <b>${f.estimatedWaitMinutes}</b> 分钟</div>
<div class="q">${qr}</div><div class="m">扫码查看排队进度</div>
<div class="f">取号时间：${esc(taken)}<br>请留意大厅屏幕及语音叫号，过号请重新取号</div></body></html>`;
}

import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, type DocumentKind } from '../types.js';
import { documentTitle } from './decision.js';
import { defaultRemedies, limitText, zhDate } from './format.js';
import { sampleInput } from './fixture.js';
import { escapeHtml, html } from './html.js';
import { renderDocument } from './render.js';
import type { DocumentInput } from './types.js';

/** The visible text: tags dropped, entities decoded, whitespace collapsed. */
function text(doc: string): string {
  const body = doc.includes('<body') ? doc.slice(doc.indexOf('<body')) : doc;
  return body.replace(/<svg[\s\S]*?<\/svg>/g, ' ').replace(/<\/(th|td|li|p|h\d|div)>/g, ' ').replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function titleOf(doc: string): string | undefined {
  return /<h1[^>]*data-testid="doc-title"[^>]*>([^<]*)<\/h1>/.exec(doc)?.[1];
}

function withMaterials(input: DocumentInput, ids: string[], flag: 'missing' | 'owed'): DocumentInput {
  return { ...input, materials: input.materials.map((m) => (ids.includes(m.id) ? { ...m, provided: false, [flag]: true } : m)) };
}

/** A realistic input for each kind (the supplement misses two materials, the pledge owes one). */
function realistic(kind: DocumentKind): DocumentInput {
  if (kind === 'supplement') return withMaterials(sampleInput(kind), ['layout', 'safety-manager'], 'missing');
  if (kind === 'pledge') return withMaterials(sampleInput(kind), ['safety-manager'], 'owed');
  return sampleInput(kind);
}

const qrOf = (url: string) => QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });

describe('formatting', () => {
  it('writes limits the way a notice reads', () => {
    expect(limitText({ value: 5, unit: 'workingDays' })).toBe('5个工作日');
    expect(limitText({ value: 30, unit: 'calendarDays' })).toBe('30日');
    expect(limitText({ value: 0, unit: 'onTheSpot' })).toBe('即办（当场办结）');
  });

  it('writes dates in Chinese without leading zeros', () => {
    expect(zhDate('2025-10-14')).toBe('2025年10月14日');
    expect(zhDate('2026-01-05')).toBe('2026年1月5日');
    expect(zhDate('2025-09-30T02:15:00.000Z')).toBe('2025年9月30日');
    expect(zhDate(null)).toBe('—');
  });

  it('escapes & < > " \' and lets only Html fragments through', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    const evil = '<b>x</b>';
    expect(html`<p>${evil}</p>`.value).toBe('<p>&lt;b&gt;x&lt;/b&gt;</p>');
    expect(html`<p>${html`<b>${evil}</b>`}</p>`.value).toBe('<p><b>&lt;b&gt;x&lt;/b&gt;</b></p>');
    expect(html`${['<i>', 1, null, undefined, false]}`.value).toBe('&lt;i&gt;1');
  });
});

describe('every kind', () => {
  it.each(DOCUMENT_KINDS)('%s: a complete printable A4 document with title, number, QR, seal and footer', async (kind) => {
    const input = realistic(kind);
    const doc = await renderDocument(input);
    expect(doc.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(doc.trimEnd().endsWith('</html>')).toBe(true);
    expect(doc).toContain('<html lang="zh-CN">');
    expect(doc).toContain('<meta charset="utf-8">');
    expect(doc).toMatch(/@page\s*\{\s*size:\s*A4;\s*margin:\s*20mm;?\s*\}/);
    expect(doc).toContain('@media print');
    expect(doc).toMatch(/font-family:[^;]*"SimSun"[^;]*"Noto Serif CJK SC"[^;]*serif/);
    expect(titleOf(doc)).toBe(documentTitle(kind, input.item));
    expect(doc).toContain(`<title>${documentTitle(kind, input.item)}（${input.docNo}）</title>`);
    expect(doc).toContain(`<p class="doc-no">${input.docNo}</p>`);
    // The print hint is there on screen and hidden in print; no script of any kind (CSP).
    expect(doc).toContain('请使用浏览器打印（Ctrl+P）');
    expect(doc).toMatch(/@media print\s*\{[^}]*\}?[\s\S]*\.no-print\s*\{\s*display:\s*none/);
    expect(doc).not.toMatch(/<script|\son[a-z]+\s*=|javascript:/i);
    // QR code of the progress URL, inline SVG, with caption and the query code beside it.
    const qr = doc.slice(doc.indexOf('<div class="qr" data-testid="doc-qr">'), doc.indexOf('</section>', doc.indexOf('data-testid="doc-qr"')));
    expect(qr).toContain('<div class="qr-code"><svg');
    expect(qr).toContain(await qrOf(input.progressUrl));
    expect(doc).not.toContain(await qrOf('https://zwfw.qingwei.gov.cn/progress?caseNo=620521202509300001&queryCode=000000'));
    expect(text(qr)).toContain('扫码查询办理进度');
    expect(text(qr)).toContain('查询码：482913');
    // Footer: the center's address and phones.
    const t = text(doc);
    for (const s of [input.center.name, `地址：${input.center.address}`, `咨询电话：${input.center.phone}`, `投诉电话：${input.center.complaintPhone}`]) expect(t).toContain(s);
    // Issue date in Chinese; the department's seal closes every notice except the applicant's own pledge.
    expect(t).toContain('2025年9月30日');
    if (kind === 'pledge') expect(doc).not.toContain('class="seal"');
    else {
      // Seed 001: the windows' 行政审批专用章, not a 业务专用章.
      expect(doc).toContain(`aria-label="${input.department.name}行政审批专用章"`);
      expect(doc).toContain('data-seal="行政审批专用章"');
      expect(doc).not.toContain('业务专用章');
      expect(doc).not.toContain('data-seal="行政章"'); // not a forwarded item
    }
  });

  it.each(DOCUMENT_KINDS)('%s: escapes user input everywhere it appears', async (kind) => {
    const evil = `<script>alert("x")</script>&'`;
    const base = realistic(kind);
    const input: DocumentInput = {
      ...base,
      case: { ...base.case, applicantName: evil, itemName: `<img src=x onerror=alert(1)>` },
      department: { ...base.department, name: `<b>局</b>` },
      details: { ...base.details, reasons: evil, note: evil, redirectTo: evil, remedies: evil },
      materials: base.materials.map((m) => ({ ...m, name: `<i>${m.name}</i>` })),
    };
    const doc = await renderDocument(input);
    expect(doc).not.toMatch(/<script|<img|<b>|<i>/i);
    expect(doc).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    expect(doc).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(text(doc)).toContain(evil);
  });

  it.each(DOCUMENT_KINDS)('%s: pure — the same input renders the same bytes', async (kind) => {
    expect(await renderDocument(realistic(kind))).toBe(await renderDocument(realistic(kind)));
  });

  it('refuses an unknown kind', async () => {
    await expect(renderDocument({ ...sampleInput('acceptance'), kind: 'bogus' as DocumentKind })).rejects.toThrow(/Unknown document kind/);
  });
});

describe('联办受理通知书', () => {
  it('is an acceptance notice that lists every participant, its task and sub-due date, and the one due date', async () => {
    const t = text(await renderDocument(sampleInput('jointAcceptance')));
    expect(t).toContain('本机关决定予以受理');
    expect(t).toContain('并联办理部门（共2个）');
    expect(t).toContain('1 清渭县自然资源局 建设工程规划许可核验（规划核实） 5个工作日 2025年10月14日');
    expect(t).toContain('2 清渭县公安局 消防设计审查 10个工作日 2025年10月21日');
    expect(t).toContain('全案只有一个办结期限：2025年10月14日');
    expect(titleOf(await renderDocument(sampleInput('jointAcceptance')))).toBe('联办受理通知书');
  });
});

describe('受理通知书', () => {
  it('states the item, case number, dates, limits, materials received and query code', async () => {
    const t = text(await renderDocument(sampleInput('acceptance')));
    expect(t).toContain('“食品经营许可”申请（办件编号：620521202509300001）');
    expect(t).toContain('本机关决定予以受理');
    expect(t).toContain('受理日期 2025年9月30日');
    expect(t).toContain('承诺时限 5个工作日');
    expect(t).toContain('承诺办结日期 2025年10月14日');
    expect(t).toContain('法定时限 10个工作日');
    expect(t).toContain('法定办结期限 2025年10月21日');
    expect(t).toContain('已收取的申请材料（共6项）');
    expect(t).toContain('食品经营许可申请书（1份）');
    expect(t).toContain('查询码 482913');
    expect(t).not.toContain('容缺');
    expect(t).not.toContain('授权委托书'); // not provided
  });

  it('under 容缺 lists the owed materials apart from those received', async () => {
    const t = text(await renderDocument(withMaterials(sampleInput('acceptance'), ['safety-manager'], 'owed')));
    expect(t).toContain('部分非主要材料按容缺受理方式后补');
    expect(t).toContain('已收取的申请材料（共5项）');
    expect(t).toContain('容缺后补材料（共1项） 食品安全管理人员任命文件及培训考核合格证明（1份）');
    expect(t).toContain('领取办理结果前补齐');
  });

  it('reads calendar-day and on-the-spot limits naturally', async () => {
    const cal = text(await renderDocument(sampleInput('acceptance', { case: { promisedLimit: { value: 15, unit: 'calendarDays' } } })));
    expect(cal).toContain('承诺时限 15日');
    const spot = text(await renderDocument(sampleInput('acceptance', { case: { promisedLimit: { value: 0, unit: 'onTheSpot' }, promisedDue: '2025-09-30' } })));
    expect(spot).toContain('承诺时限 即办（当场办结）');
    expect(spot).toContain('本事项为即办件，于受理当日办结');
  });
});

describe('一次性告知书', () => {
  it('lists every missing material once, none of those provided, with the note and the rules', async () => {
    const input = withMaterials(sampleInput('supplement'), ['layout', 'safety-manager', 'proxy'], 'missing');
    const t = text(await renderDocument(input));
    expect(t).toContain('需补正的材料（共3项）');
    for (const m of input.materials.filter((x) => x.missing)) expect(t.split(m.name).length - 1).toBe(1);
    for (const m of input.materials.filter((x) => x.provided)) expect(t).not.toContain(m.name);
    expect(t).toContain('适用情形：委托他人代为办理的');
    expect(t).toContain('补正说明 平面图须标明各功能区面积');
    expect(t).toContain('本申请尚未受理，办理时限尚未开始计算');
    expect(t).toContain('一次性补齐全部材料');
    expect(t).toContain('自收到本告知书之日起30日内未补正材料，又未说明正当理由的，视为撤回申请');
  });

  it('leaves the note out when there is none', async () => {
    const t = text(await renderDocument(withMaterials(sampleInput('supplement', { details: {} }), ['layout'], 'missing')));
    expect(t).not.toContain('补正说明');
    expect(t).toContain('需补正的材料（共1项）');
  });
});

describe('容缺受理承诺书', () => {
  it('lists the owed materials, the promise and signature lines for applicant and receiver', async () => {
    const t = text(await renderDocument(realistic('pledge')));
    expect(t).toContain('清渭县市场监督管理局：');
    expect(t).toContain('本单位（清渭县福满楼餐饮有限公司');
    expect(t).toContain('容缺材料（共1项）');
    expect(t).toContain('食品安全管理人员任命文件及培训考核合格证明');
    expect(t).not.toContain('食品经营许可申请书');
    expect(t).toContain('在2025年10月17日前补齐上述全部容缺材料');
    expect(t).toContain('超期处理办法：逾期未补齐的');
    expect(t).toContain('承诺人（签字并盖章）：');
    expect(t).toContain('受理人：李明 签字：');
    expect(t).toContain('受理日期：2025年9月30日');
  });

  it('also takes the owed ids from details.owed, as the case service passes them', async () => {
    const t = text(await renderDocument(sampleInput('pledge', { details: { owed: ['equipment'] } as DocumentInput['details'] })));
    expect(t).toContain('容缺材料（共1项）');
    expect(t).toContain('主要设备设施清单');
  });

  it('speaks as 本人 for a person', async () => {
    const t = text(await renderDocument(withMaterials(sampleInput('pledge', { case: { applicantKind: 'person', applicantName: '王秀英' } }), ['equipment'], 'owed')));
    expect(t).toContain('本人（王秀英，证件号码');
    expect(t).toContain('承诺人（签字）：');
  });
});

describe('退回告知书 and 不予受理通知书', () => {
  it('return: gives the reasons and points to the right authority', async () => {
    const t = text(await renderDocument(sampleInput('return')));
    expect(t).toContain('不属于本机关的审批事项');
    expect(t).toContain('请你单位向清渭县烟草专卖局（县城关镇建设路12号）提出申请');
  });

  it('refusal: gives the reasons and the default remedies (复议 60 days, 诉讼 6 months)', async () => {
    const t = text(await renderDocument(sampleInput('refusal')));
    expect(t).toContain('不具备申请主体资格');
    expect(t).toContain('本机关决定不予受理');
    expect(t).toContain('权利救济');
    expect(t).toContain(defaultRemedies('通知书', { reviewBody: '清渭县人民政府' }));
    expect(t).toMatch(/60日内依法向清渭县人民政府申请行政复议.*6个月内依法向人民法院提起行政诉讼/);
    expect(t).toContain('根据《中华人民共和国行政许可法》第三十二条第一款和《中华人民共和国食品安全法》第三十五条、《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）的规定，本机关决定不予受理');
  });

  it('refusal: uses the remedies given', async () => {
    const remedies = '如不服本决定，可在60日内向清渭县人民政府申请行政复议，或在6个月内向清渭县人民法院提起行政诉讼。';
    const t = text(await renderDocument(sampleInput('refusal', { details: { reasons: '主体不适格', remedies } })));
    expect(t).toContain(remedies);
    expect(t).not.toContain(defaultRemedies('通知书', { reviewBody: '清渭县人民政府' }));
  });
});

describe('特别程序告知书 and 延期告知书', () => {
  it('special procedure: label, reason, planned days, start, and that the clock pauses', async () => {
    const t = text(await renderDocument(sampleInput('specialProcedure')));
    expect(t).toContain('依法需要进行现场核查（检验检测）');
    expect(t).toContain('需委托第三方机构检测温控设备');
    expect(t).toContain('预计所需时间 7个工作日');
    expect(t).toContain('开始日期 2025年10月9日');
    expect(t).toContain('自2025年10月9日起暂停计时，上述7个工作日不计入承诺办理时限和法定办理时限');
  });

  it('extension: working days, reason and the new due dates', async () => {
    const t = text(await renderDocument(sampleInput('extension')));
    expect(t).toContain('办理时限延长10个工作日');
    expect(t).toContain('现场核查发现布局需整改复核');
    expect(t).toContain('延期后承诺办结日期 2025年10月28日');
    expect(t).toContain('延期后法定办结期限 2025年11月11日');
  });

  it('extension: reads the same facts given flat on details (as the case service passes them)', async () => {
    const flat = { workingDays: 5, reason: '需补充征求相关部门意见', newPromisedDue: '2025-10-21', newStatutoryDue: '2025-10-28' };
    const t = text(await renderDocument(sampleInput('extension', { details: flat as DocumentInput['details'] })));
    expect(t).toContain('办理时限延长5个工作日');
    expect(t).toContain('需补充征求相关部门意见');
    expect(t).toContain('延期后承诺办结日期 2025年10月21日');
    expect(t).toContain('延期后法定办结期限 2025年10月28日');
  });
});

describe('许可决定书 and 办结通知书', () => {
  it('approval: the decision and the result', async () => {
    const t = text(await renderDocument(sampleInput('approval')));
    expect(t).toContain('本机关决定准予行政许可，向你单位颁发（出具）《食品经营许可证》');
    expect(t).toContain('第三十八条第一款');
    expect(t).not.toContain('权利救济');
  });

  it('denial: reasons and remedies', async () => {
    const t = text(await renderDocument(sampleInput('denial')));
    expect(t).toContain('经营场所距离旱厕不足25米');
    expect(t).toContain('本机关决定不予行政许可');
    expect(t).toContain(defaultRemedies('决定书', { reviewBody: '清渭县人民政府' }));
    const custom = text(await renderDocument(sampleInput('denial', { details: { outcome: 'denied', reasons: '不符合条件', remedies: '可依法申请行政复议或提起行政诉讼。' } })));
    expect(custom).toContain('可依法申请行政复议或提起行政诉讼。');
  });

  it('completion by post: mode, tracking number, thanks and the 好差评 invitation', async () => {
    const t = text(await renderDocument(sampleInput('completion')));
    expect(t).toContain('送达方式 邮寄送达');
    expect(t).toContain('邮件号 1178459063321');
    expect(t).toContain('办理结果 食品经营许可证');
    expect(t).toContain('感谢你单位对我们工作的理解和支持');
    expect(t).toContain('服务评价（好差评）');
  });

  it('completion by pickup: no tracking number', async () => {
    const t = text(await renderDocument(sampleInput('completion', { details: { resultName: '食品经营许可证', deliveryMode: 'pickup' } })));
    expect(t).toContain('送达方式 窗口领取');
    expect(t).not.toContain('邮件号');
  });
});

/**
 * The decision follows the item's legal nature: one test per catalog type (and the 登记 /
 * 备案 variants), each checked against the printed text — the title, the operative words,
 * the basis quoted from the item's 设定依据, and for adverse decisions the remedy.
 */
import { describe, expect, it } from 'vitest';
import { ITEM_TYPES, type GuideData, type ItemType } from '../../catalog/types.js';
import { items } from '../../demo/data/index.js';
import { sampleInput } from './fixture.js';
import { renderDocument } from './render.js';
import { basisClause, decisionWording, documentTitle, natureOf, remedyNameProblem, remedySample, type ItemNature } from './decision.js';

const text = (doc: string) => doc.slice(doc.indexOf('<body')).replace(/<svg[\s\S]*?<\/svg>/g, ' ').replace(/<\/(th|td|li|p|h\d|div)>/g, ' ')
  .replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const titleOf = (doc: string) => /<h1[^>]*data-testid="doc-title"[^>]*>([^<]*)<\/h1>/.exec(doc)?.[1];

const demo = (name: string): Omit<GuideData, 'departmentId' | 'jointParticipants'> => {
  const found = items.find((i) => i.name === name);
  if (!found) throw new Error(`no demo item ${name}`);
  return found;
};
/** Items of the types the demo catalog has no example of. */
const MADE_UP: Partial<Record<ItemType, { name: string; legalBasis: string; result: string }>> = {
  award: { name: '见义勇为人员奖励', legalBasis: '《甘肃省见义勇为人员奖励和保护条例》第十二条', result: '见义勇为荣誉证书' },
  ruling: { name: '林木林地权属争议裁决', legalBasis: '《中华人民共和国森林法》第二十二条；《林木林地权属争议处理办法》第四条', result: '行政裁决书' },
  levy: { name: '城市基础设施配套费征收', legalBasis: '《甘肃省城市基础设施配套费征收管理办法》第五条', result: '缴费通知' },
};

function inputFor(nature: ItemNature, itemName: string, result: string, outcome: 'approved' | 'denied') {
  const kind = outcome === 'denied' ? 'denial' : 'approval';
  return sampleInput(kind, {
    item: nature,
    case: { itemName, applicantKind: 'person', applicantName: '赵秀英', applicantIdMasked: '6205**********002X' },
    details: outcome === 'denied' ? { outcome, reasons: '经入户调查核实，申请人家庭收入超过规定标准。', resultName: result } : { outcome, resultName: result },
  });
}

/** One case per type: a demo item where the catalog has one, a made-up one otherwise. */
const CASES: { label: string; nature: ItemNature; itemName: string; result: string; yes: string; no: string; yesVerdict: string; noVerdict: string; licenceLaw: boolean }[] = [
  { label: '行政许可', guide: demo('食品经营许可'), yes: '准予行政许可决定书', no: '不予行政许可决定书', yesVerdict: '准予行政许可', noVerdict: '不予行政许可', licenceLaw: true },
  { label: '行政许可（登记）', guide: demo('企业设立登记'), yes: '准予登记决定书', no: '不予登记决定书', yesVerdict: '准予登记', noVerdict: '不予登记', licenceLaw: true },
  { label: '行政给付', guide: demo('最低生活保障审核确认'), yes: '给付决定书', no: '不予给付决定书', yesVerdict: '准予给付', noVerdict: '不予给付', licenceLaw: false },
  { label: '行政确认（登记）', guide: demo('内地居民结婚登记'), yes: '准予登记通知书', no: '不予登记决定书', yesVerdict: '准予登记', noVerdict: '不予登记', licenceLaw: false },
  { label: '行政确认', guide: demo('退休审批'), yes: '行政确认决定书', no: '不予确认决定书', yesVerdict: '予以确认', noVerdict: '不予确认', licenceLaw: false },
  { label: '公共服务', guide: demo('就业失业登记'), yes: '办结告知书', no: '不予办理告知书', yesVerdict: '予以办理', noVerdict: '不予办理', licenceLaw: false },
  { label: '其他行政权力（备案）', guide: demo('建设工程竣工验收备案'), yes: '备案通知书', no: '不予备案通知书', yesVerdict: '予以备案', noVerdict: '不予备案', licenceLaw: false },
  { label: '其他行政权力', guide: demo('发票领用'), yes: '准予办理决定书', no: '不予办理决定书', yesVerdict: '准予办理', noVerdict: '不予办理', licenceLaw: false },
  { label: '行政奖励', guide: { ...MADE_UP.award!, type: 'award' }, yes: '行政奖励决定书', no: '不予奖励决定书', yesVerdict: '给予奖励', noVerdict: '不予奖励', licenceLaw: false },
  { label: '行政裁决', guide: { ...MADE_UP.ruling!, type: 'ruling' }, yes: '行政裁决书', no: '驳回申请裁决书', yesVerdict: '支持申请人的请求', noVerdict: '驳回申请人的请求', licenceLaw: false },
  { label: '行政征收', guide: { ...MADE_UP.levy!, type: 'levy' }, yes: '行政征收决定书', no: '不予征收决定书', yesVerdict: '依法予以征收', noVerdict: '不予征收', licenceLaw: false },
].map((c) => {
  const g = c.guide as Pick<GuideData, 'name' | 'type' | 'legalBasis' | 'caseKind'> & { result: string | GuideData['result'] };
  return { ...c, nature: natureOf(g), itemName: g.name, result: typeof g.result === 'string' ? g.result : g.result.name };
});

describe('the decision by the item’s legal nature', () => {
  it('covers every type the catalog knows', () => {
    const covered = new Set(CASES.map((c) => c.nature.type));
    for (const t of ITEM_TYPES) expect(covered.has(t), t).toBe(true);
  });

  it.each(CASES)('$label: approval — title, operative words and the item’s 设定依据', async (c) => {
    const doc = await renderDocument(inputFor(c.nature, c.itemName, c.result, 'approved'));
    const t = text(doc);
    expect(titleOf(doc)).toBe(c.yes);
    expect(documentTitle('approval', c.nature)).toBe(c.yes);
    expect(t).toContain(`本机关决定${c.yesVerdict}`);
    expect(t).toContain(basisClause(c.nature));
    expect(c.nature.legalBasis.length).toBeGreaterThan(5);
    if (c.licenceLaw) expect(t).toContain('《中华人民共和国行政许可法》第三十八条第一款');
    else expect(t).not.toContain('行政许可法');
    expect(t).not.toContain('准予许可');
    expect(t).not.toContain('权利救济');
  });

  it.each(CASES)('$label: denial — title, reasons, basis and the remedy (复议 60 days, 诉讼 6 months)', async (c) => {
    const doc = await renderDocument(inputFor(c.nature, c.itemName, c.result, 'denied'));
    const t = text(doc);
    expect(titleOf(doc)).toBe(c.no);
    expect(t).toContain(`本机关决定${c.noVerdict}`);
    expect(t).toContain('申请人家庭收入超过规定标准');
    expect(t).toContain(basisClause(c.nature));
    if (c.licenceLaw) expect(t).toContain('《中华人民共和国行政许可法》第三十八条第二款');
    else expect(t).not.toContain('行政许可法');
    expect(t).toContain('权利救济');
    expect(t).toMatch(/自收到本(决定书|通知书|告知书)之日起60日内依法向清渭县人民政府申请行政复议/);
    expect(t).toContain('6个月内依法向人民法院提起行政诉讼');
    expect(decisionWording(c.nature, 'denied').adverse).toBe(true);
  });

  it.each(CASES)('$label: denial names the review body and the court the center sets, else the generic wording', async (c) => {
    const base = inputFor(c.nature, c.itemName, c.result, 'denied');
    const named = text(await renderDocument({ ...base, reviewBody: '清渭县人民政府', court: '清渭县人民法院' }));
    expect(named).toMatch(/之日起60日内依法向清渭县人民政府申请行政复议，也可以自收到本(决定书|通知书|告知书)之日起6个月内依法向清渭县人民法院提起行政诉讼。/);
    const generic = text(await renderDocument({ ...base, reviewBody: null, court: null }));
    expect(generic).toMatch(/之日起60日内依法申请行政复议，也可以自收到本(决定书|通知书|告知书)之日起6个月内依法向人民法院提起行政诉讼。/);
    expect(generic).not.toContain('清渭县人民法院');
  });

  it('不予受理 names the review body and the court the center sets, else the generic wording', async () => {
    const named = text(await renderDocument(sampleInput('refusal', { reviewBody: '清渭县人民政府', court: '清渭县人民法院' })));
    expect(named).toContain('如对本不予受理决定不服，可以自收到本通知书之日起60日内依法向清渭县人民政府申请行政复议，也可以自收到本通知书之日起6个月内依法向清渭县人民法院提起行政诉讼。');
    const generic = text(await renderDocument(sampleInput('refusal', { reviewBody: null, court: null })));
    expect(generic).toContain('如对本不予受理决定不服，可以自收到本通知书之日起60日内依法申请行政复议，也可以自收到本通知书之日起6个月内依法向人民法院提起行政诉讼。');
  });

  it('不予受理 quotes the item’s basis (and 行政许可法 第三十二条 only for licences) with the remedy', async () => {
    const benefit = natureOf(demo('最低生活保障审核确认'));
    const t = text(await renderDocument(sampleInput('refusal', { item: benefit })));
    expect(t).toContain(`根据${basisClause(benefit)}的规定，本机关决定不予受理`);
    expect(t).not.toContain('行政许可法');
    expect(t).toContain('自收到本通知书之日起60日内依法向清渭县人民政府申请行政复议');
  });

  it('a forwarded (report-up) item’s decision carries the department’s 行政章 beside the 行政审批专用章', async () => {
    const mining = natureOf(demo('采矿许可初审'));
    expect(mining.forwarded).toBe(true);
    const doc = await renderDocument(sampleInput('approval', { item: mining }));
    expect(doc).toContain('data-seal="行政审批专用章"');
    expect(doc).toContain('data-seal="行政章"');
    const notice = await renderDocument(sampleInput('acceptance', { item: mining }));
    expect(notice).not.toContain('data-seal="行政章"');
  });

  it('names co-applicants on the decision', async () => {
    const marriage = natureOf(demo('内地居民结婚登记'));
    const co = { coApplicants: [{ name: '吴静', idMasked: '6205**********0027' }] };
    expect(text(await renderDocument(sampleInput('approval', { item: marriage, ...co })))).toContain('共同申请人 吴静（6205**********0027）');
    expect(text(await renderDocument(sampleInput('denial', { item: marriage, ...co })))).toContain('共同申请人：吴静（证件号码：6205**********0027）');
    expect(text(await renderDocument(sampleInput('receipt', { item: marriage, ...co })))).toContain('共同申请人 吴静（6205**********0027）');
    expect(text(await renderDocument(sampleInput('approval', { item: marriage })))).not.toContain('共同申请人');
  });
});

describe('remedy bodies as the center names them', () => {
  it('takes full Chinese names; a court’s ends in 法院; blank inherits', () => {
    expect(remedyNameProblem('reviewBody', '清渭县人民政府')).toBeNull();
    expect(remedyNameProblem('court', '天水市麦积区人民法院')).toBeNull();
    expect(remedyNameProblem('court', '  ')).toBeNull();
    expect(remedyNameProblem('court', '清渭县人民政府')).toBe('not_a_court');
    expect(remedyNameProblem('reviewBody', '政府')).toBe('not_a_name');
    expect(remedyNameProblem('reviewBody', 'county government')).toBe('not_a_name');
  });

  it('the sample names them, or says 人民法院 generically', () => {
    expect(remedySample({ reviewBody: '清渭县人民政府', court: '清渭县人民法院' })).toBe('如对本决定不服，可以自收到本决定书之日起60日内依法向清渭县人民政府申请行政复议，也可以自收到本决定书之日起6个月内依法向清渭县人民法院提起行政诉讼。');
    expect(remedySample({})).toContain('60日内依法申请行政复议');
    expect(remedySample({})).toContain('6个月内依法向人民法院提起行政诉讼');
  });
});

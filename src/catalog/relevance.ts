/**
 * The guide search's relevance table: 100 queries written the way people say them (not the
 * catalog's names), each with the demo catalog's items a good answer shows in its first three
 * rows — or none, when the catalog has no such item (then the right answer is an empty list).
 * Used by `bench/search.ts` (prints precision@3), `search.test.ts` and `search.int.test.ts`
 * (assert a floor so a ranking change that loses relevance fails).
 *
 * precision@3 of one query = relevant items among the first three shown ÷ items shown there
 * (at most 3); a query with expected items and no hits scores 0; a "none" query scores 1
 * when nothing is shown, else 0. The table's figure is the mean over all queries.
 */

/** Demo item names, shortened here for readability. */
const 结婚 = '内地居民结婚登记', 离婚 = '内地居民离婚登记', 社团 = '社会团体成立登记', 低保 = '最低生活保障审核确认',
  特困 = '特困人员救助供养审核', 收养 = '收养登记', 临时救助 = '临时救助', 高龄 = '高龄津贴申领', 个体 = '个体工商户设立登记',
  企业 = '企业设立登记', 食品经营 = '食品经营许可', 食品生产 = '食品生产许可', 药店 = '药品零售企业许可',
  一件事 = '企业开办一件事（设立登记、印章刻制、发票申领、社保登记）', 转移 = '不动产转移登记', 用地 = '建设用地规划许可',
  乡村规划 = '乡村建设规划许可', 采矿 = '采矿许可初审', 抵押 = '不动产抵押权登记', 施工 = '建筑工程施工许可', 预售 = '商品房预售许可',
  竣工 = '建设工程竣工验收备案', 危房 = '农村危房改造申请', 就业 = '就业失业登记', 社保卡 = '社会保障卡申领', 失业金 = '失业保险金申领',
  退休 = '退休审批', 居保 = '城乡居民基本养老保险参保登记', 身份证 = '居民身份证申领', 迁户 = '户口迁移', 上牌 = '机动车注册登记',
  出生 = '出生登记', 诊所 = '医疗机构执业登记', 卫生 = '公共场所卫生许可', 生育 = '生育登记', 发票 = '发票领用',
  税务 = '税务登记（信息确认）', 完税 = '完税证明开具', 环评表 = '建设项目环境影响评价审批（报告表）', 环评备案 = '建设项目环境影响登记表备案',
  // Added with the 一件事 demo (src/things/demo.ts).
  出生证明 = '出生医学证明首次签发', 刻章 = '印章刻制备案', 医保参保 = '城乡居民基本医疗保险参保登记';

export interface RelevanceRow { q: string; expect: string[] }

const row = (q: string, ...expect: string[]): RelevanceRow => ({ q, expect });

export const RELEVANCE: RelevanceRow[] = [
  // Family: marriage, children, adoption
  row('结婚要带什么', 结婚), row('领结婚证', 结婚), row('婚烟登记', 结婚, 离婚), row('离婚怎么办', 离婚), row('协议离婚去哪办', 离婚),
  row('领养小孩', 收养), row('生孩子要办什么', 生育, 出生, 出生证明), row('准生证怎么办', 生育), row('二胎登记', 生育), row('怀孕了要登记吗', 生育),
  row('小孩上户口', 出生), row('新生儿落户', 出生), row('结昏证', 结婚), row('扯证', 结婚),
  // Assistance and the elderly
  row('吃低保', 低保), row('低保怎么申请', 低保), row('家里困难有补助吗', 低保, 临时救助, 特困), row('五保户', 特困),
  row('急难救助', 临时救助), row('老人补贴', 高龄), row('尊老金', 高龄), row('最低生活保帐', 低保),
  // Starting a business
  row('开饭店', 食品经营, 个体), row('开个小卖部', 食品经营, 个体), row('开公司', 企业, 一件事), row('注册公司需要什么材料', 企业, 一件事),
  row('办营业执照', 个体, 企业, 一件事), row('个体户执照', 个体), row('开药店', 药店), row('开诊所', 诊所), row('开理发店', 卫生, 个体),
  row('开宾馆', 卫生), row('办食品厂', 食品生产), row('刻公章', 刻章, 一件事), row('领发票', 发票), row('开发票', 发票, 一件事), row('报税', 税务),
  row('开纳税证明', 完税), row('个税证明', 完税), row('成立协会', 社团), row('商会注册', 社团), row('营业执招', 个体, 企业, 一件事),
  // Houses and land
  row('买二手房过户', 转移), row('房子过户', 转移), row('房产证', 转移, 抵押), row('房子抵押贷款', 抵押), row('农村盖房子', 乡村规划, 危房),
  row('宅基地建房', 乡村规划), row('危房补助', 危房), row('楼盘预售证', 预售), row('开工许可', 施工), row('工程竣工验收', 竣工),
  row('用地规划', 用地), row('开矿', 采矿), row('办采矿证', 采矿), row('环评怎么做', 环评表, 环评备案), row('环保审批', 环评表, 环评备案),
  // Work, social security, retirement
  row('失业了', 失业金, 就业), row('领失业金', 失业金), row('失业登记', 就业), row('社保卡丢了', 社保卡), row('办社保卡', 社保卡),
  row('退休金', 退休, 居保), row('办退休手续', 退休), row('新农保', 居保), row('交养老保险', 居保), row('就业创业证', 就业), row('养老金', 退休, 居保),
  // Police: ID cards, household register, vehicles
  row('身份证丢了', 身份证), row('补身份证', 身份证), row('身份证过期了', 身份证), row('换身份证', 身份证), row('迁户口', 迁户),
  row('户口迁到县城', 迁户), row('落户', 迁户, 出生), row('新车上牌', 上牌), row('汽车上牌照', 上牌), row('居民身分证', 身份证),
  // Health
  row('开医院', 诊所), row('卫生许可证', 卫生), row('医保', 医保参保),
  // Pinyin and initials typed on a phone
  row('shenfenzheng', 身份证), row('hunyindengji', 结婚, 离婚), row('sbk', 社保卡), row('社保咔', 社保卡), row('shiyejin', 失业金),
  row('jiehun', 结婚), row('dibao', 低保),
  // Not in the demo catalog: the right answer is nothing
  row('护照'), row('驾照'), row('孩子上学'), row('办护照去哪'), row('港澳通行证'), row('公积金提取'), row('考驾照'),
  row('残疾证'), row('医保报销'), row('出国签证'), row('办居住证'), row('公租房申请'),
];

/**
 * Held out: written after the ranking and the lexicon were tuned on RELEVANCE, and never
 * tuned on. Its precision@3 (printed by the bench) tells how far the tuning generalizes.
 */
export const HELD_OUT: RelevanceRow[] = [
  row('我要结婚', 结婚), row('办离婚证', 离婚), row('收养一个孩子', 收养), row('困难户补助', 低保, 临时救助, 特困), row('给老人办补贴', 高龄),
  row('开小吃店', 食品经营, 个体), row('开超市', 食品经营, 个体), row('成立公司', 企业, 一件事), row('卖药', 药店), row('二手房买卖', 转移),
  row('房屋抵押', 抵押), row('农村建房子', 乡村规划), row('下岗了领钱', 失业金), row('养老保险怎么交', 居保), row('补办社保卡', 社保卡),
  row('身份证掉了', 身份证), row('孩子出生报户口', 出生), row('车辆上牌', 上牌), row('申请发票', 发票), row('办签证'), row('驾驶证'),
  row('结婚登记要什么', 结婚),
];

export interface RelevanceScore { precisionAt3: number; hitAt1: number; perQuery: { q: string; p: number; top: string[] }[] }

/** precision@3 (see above) and the share of queries whose first row is right, over a ranked-names function. */
export function scoreRelevance(rank: (q: string) => string[], table: RelevanceRow[] = RELEVANCE): RelevanceScore {
  const perQuery = table.map(({ q, expect }) => {
    const top = rank(q).slice(0, 3);
    const p = expect.length === 0 ? (top.length === 0 ? 1 : 0) : top.length === 0 ? 0 : top.filter((n) => expect.includes(n)).length / top.length;
    const first = expect.length === 0 ? top.length === 0 : expect.includes(top[0]);
    return { q, p, top, first };
  });
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return {
    precisionAt3: mean(perQuery.map((r) => r.p)),
    hitAt1: mean(perQuery.map((r) => (r.first ? 1 : 0))),
    perQuery: perQuery.map(({ q, p, top }) => ({ q, p, top })),
  };
}

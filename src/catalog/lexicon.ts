/**
 * How people say things at the counter versus how the catalog writes them. Generic to any
 * catalog (no item names here): the words that carry no meaning in a search (filler), words
 * that only qualify what is wanted (qualifiers: "丢了" — a replacement, not another item), and
 * colloquial words with the catalog's words for them (synonyms). Item-specific colloquial
 * names belong on the items themselves (别名/搜索关键词, docs/portal.md).
 */

/** Words that say how, not what: "我想办理…", "怎么申请…", "…要带什么". Dropped from the query. */
export const FILLER = new Set([
  '我', '我想', '想', '我要', '要', '请问', '怎么', '怎样', '如何', '哪里', '去哪', '去哪儿', '去哪里', '在哪', '在哪里', '哪儿', '哪', '办', '办理', '去',
  '的', '了', '吗', '呢', '啊', '呀', '吧', '有', '到', '做', '带', '要带', '需要', '什么', '啥', '材料', '流程', '手续', '申请', '申办', '办事', '一下',
  '可以', '能', '能不能', '在', '和', '与', '及', '个', '该', '找', '谁', '多久', '条件', '怎么办', '咋办', '咋', '哪些', '一个', '开个', '给',
]);

/**
 * Qualifiers: what happened or which variant, not which item. A query is not required to
 * match them; a document that does (补办身份证 for 身份证丢了) ranks higher.
 */
export const QUALIFIERS: Record<string, string[]> = {
  丢了: ['补办', '补领', '补'], 丢: ['补办', '补领', '补'], 丢失: ['补办', '补领'], 掉了: ['补办', '补领'], 遗失: ['补办', '补领'], 弄丢: ['补办'],
  补: ['补办', '补领'], 过期: ['换', '换领'], 过期了: ['换', '换领'], 到期: ['换', '延续'], 坏了: ['换', '补办'],
  新: [], 领: ['领取', '申领'], 开: ['开办', '设立'], 交: ['缴纳', '参保'], 办个: [], 想办: [],
};

/** Colloquial word → the catalog's words for the same thing (matched at a small discount). */
export const SYNONYMS: Record<string, string[]> = {
  生孩子: ['生育', '出生'], 生小孩: ['生育', '出生'], 小孩: ['孩子', '新生儿'], 宝宝: ['新生儿', '孩子'], 孩子: ['新生儿'], 怀孕: ['生育'],
  房子: ['房产', '房屋', '不动产'], 盖房子: ['建房'], 盖房: ['建房'], 修房子: ['建房', '危房'],
  退休金: ['养老金', '退休'], 养老钱: ['养老金'], 老人: ['老年人', '高龄'], 老年人: ['高龄'],
  汽车: ['机动车'], 车子: ['机动车'], 小车: ['机动车'], 牌照: ['上牌', '车牌'],
  公章: ['刻章', '印章'], 印章: ['刻章'],
  饭店: ['餐饮'], 餐馆: ['餐饮', '饭店'], 饭馆: ['餐饮', '饭店'], 超市: ['小卖部', '食品'],
  补助: ['补贴', '救助', '困难补助'], 补贴: ['补助', '津贴'], 家里困难: ['困难家庭', '困难'], 困难: ['困难家庭', '困难补助'], 没钱: ['困难', '救助'],
  工作: ['就业'], 找工作: ['就业'], 没工作: ['失业'], 个人所得税: ['个税'], 医院: ['医疗机构'], 成立: ['设立'], 注册: ['登记', '设立'],
  迁到: ['迁移', '迁入', '迁户口'], 迁走: ['迁移'], 搬户口: ['户口迁移', '迁户口'], 结婚证: ['结婚'], 离婚证: ['离婚'],
};

/**
 * Demo things of the 清渭县 center (issue 24), from the national lists of 国办发〔2024〕3号 and
 * 国办发〔2025〕24号, built on the demo catalog. Adds what they need and the catalog lacks: the
 * 医疗保障局, 消防救援大队 and 住房公积金管理中心 (accepted at the comprehensive windows) and six
 * items with full guides. Called by the demo seed (src/demo/seed.ts) after the catalog.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../core/db/index.js';
import { centers, departments } from '../core/org/schema.js';
import { serviceItems } from '../catalog/schema.js';
import { createItem } from '../catalog/service.js';
import { buildItemCode } from '../catalog/rules.js';
import type { GuideData, Limit, Material, ProcedureStep } from '../catalog/types.js';
import { createThing } from './service.js';
import type { FormField, ThingData, ThingItem } from './types.js';

const wd = (value: number): Limit => ({ value, unit: 'workingDays' });
const SPOT: Limit = { value: 0, unit: 'onTheSpot' };
const COMPREHENSIVE = ['综合受理窗口（一）', '综合受理窗口（二）', '综合受理窗口（三）'];
const SERVICE_BASIS = '《国务院关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见》（国发〔2024〕3号）';

const m = (id: string, name: string, o: Partial<Material> = {}): Material =>
  ({ id, name, required: 'required', major: true, copies: 1, form: 'paper', source: 'applicant', ...o });
const shared = (id: string, name: string, agency: string, o: Partial<Material> = {}): Material =>
  m(id, name, { form: 'electronic', source: 'sharing', sourceAgency: agency, note: '通过数据共享获取，申请人无需提交', ...o });

function flow(handler: string, days: number): ProcedureStep[] {
  return [
    { name: '窗口受理', role: 'receiver' }, { name: '全程办事人分办', role: 'coordinator' },
    { name: handler, role: 'handler', workingDays: days }, { name: '首席代表签批', role: 'chiefRep' },
  ];
}

type Base = Pick<GuideData, 'departmentId' | 'contact' | 'responsiblePerson' | 'windowNames'>;
const common = {
  entryMode: 'resident', specialProcedures: [], jointParticipants: [], conditionalAcceptance: false, appointmentAllowed: true,
  deliveryModes: ['pickup', 'post'], overdueDefault: 'none', fees: { free: true, items: [] }, maxVisits: 0, onlineDepth: 4,
} satisfies Partial<GuideData>;

function birthCertificate(b: Base): GuideData {
  return {
    ...common, ...b, name: '出生医学证明首次签发', type: 'publicService', theme: '婚育收养', servedParty: 'person',
    keywords: ['出生证'],
    legalBasis: '《中华人民共和国母婴保健法》第二十三条；《国家卫生健康委关于做好出生医学证明管理工作的通知》',
    statutoryLimit: wd(5), promisedLimit: wd(2), caseKind: 'promised',
    conditions: '在本县助产机构出生的新生儿，由父母或监护人申请首次签发；助产机构的分娩记录已上传妇幼信息系统。',
    reviewStandard: '核对分娩记录与父母身份信息一致；新生儿姓名、性别、出生时间、出生地点填写规范；由签发机构打印、加盖出生医学证明专用章。',
    procedure: flow('核对分娩信息并打印', 1),
    materials: [
      m('application', '出生医学证明首次签发申请登记表', { form: 'both' }),
      m('parents-id', '父母双方居民身份证', { note: '原件现场核验' }),
      shared('delivery-record', '助产机构分娩记录', '清渭县人民医院（妇幼信息系统）'),
    ],
    result: { name: '出生医学证明', type: 'certificate' },
  };
}

function medicalInsurance(b: Base): GuideData {
  return {
    ...common, ...b, entryMode: 'comprehensive', name: '城乡居民基本医疗保险参保登记', type: 'publicService', theme: '社会保障', servedParty: 'person',
    aliases: ['居民医保参保', '新生儿医保'], keywords: ['医保', '医疗保险'],
    legalBasis: '《中华人民共和国社会保险法》第二十五条；《国家医保局 财政部 国家税务总局关于做好城乡居民基本医疗保障工作的通知》',
    statutoryLimit: wd(5), promisedLimit: wd(1), caseKind: 'promised',
    conditions: '未参加职工基本医疗保险的本县户籍居民和持居住证的常住人员；新生儿在出生后90日内参保缴费的，自出生之日起享受医保待遇。',
    reviewStandard: '核对参保人身份及户籍信息（共享获取）；确认未重复参保；登记缴费档次并推送税务部门征缴。',
    procedure: flow('参保信息登记', 1),
    materials: [
      m('application', '城乡居民基本医疗保险参保登记表', { form: 'both' }),
      m('guardian-id', '监护人居民身份证', { note: '新生儿参保由监护人办理' }),
      m('birth-certificate', '新生儿出生医学证明'),
      shared('household-register', '居民户口簿（户籍信息）', '清渭县公安局'),
    ],
    result: { name: '医保参保登记信息（新生儿自出生之日起享受待遇）', type: 'other' },
  };
}

function sealEngraving(b: Base): GuideData {
  return {
    ...common, ...b, name: '印章刻制备案', type: 'otherPower', theme: '企业开办', servedParty: 'organization',
    aliases: ['公章刻制'], keywords: ['刻章'],
    legalBasis: '《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）第37项；《印铸刻字业暨印章治安管理办法》',
    statutoryLimit: wd(3), promisedLimit: wd(1), caseKind: 'promised',
    conditions: '依法登记的经营主体刻制公章、财务专用章、发票专用章等，由备案的刻章企业刻制并通过印章治安管理信息系统备案。',
    reviewStandard: '核对营业执照信息（共享获取）与法定代表人身份；印章名称与登记名称一致；刻章企业在系统中上传印模备案。',
    procedure: flow('印模备案审核', 1),
    materials: [
      m('application', '印章刻制申请表', { form: 'both' }),
      shared('business-license', '营业执照（市场主体登记信息）', '清渭县市场监督管理局'),
      m('legal-rep-id', '法定代表人（经营者）居民身份证'),
    ],
    result: { name: '印章及印章备案信息', type: 'other' },
  };
}

function fireInspection(b: Base): GuideData {
  return {
    ...common, ...b, entryMode: 'comprehensive', name: '公众聚集场所投入使用、营业前消防安全检查', type: 'license', theme: '企业开办', servedParty: 'both',
    legalBasis: '《中华人民共和国消防法》第十五条；《公众聚集场所投入使用、营业前消防安全检查规则》',
    statutoryLimit: wd(10), promisedLimit: wd(7), caseKind: 'promised', maxVisits: 1,
    conditions: '宾馆、饭店、商场、集贸市场等公众聚集场所在投入使用、营业前，场所已依法通过消防验收或备案；可选择告知承诺方式办理。',
    reviewStandard: '材料齐全的当场受理；采用告知承诺的当场作出许可，并在许可后组织核查；不采用告知承诺的，自受理之日起10个工作日内完成现场检查。',
    procedure: flow('消防安全现场检查', 5),
    materials: [
      m('application', '公众聚集场所投入使用、营业前消防安全检查申请表', { form: 'both' }),
      shared('business-license', '营业执照（市场主体登记信息）', '清渭县市场监督管理局'),
      m('fire-plans', '场所平面布置图、消防设施平面图'),
      m('fire-rules', '消防安全制度、灭火和应急疏散预案', { major: false }),
      m('commitment', '消防安全告知承诺书', { required: 'conditional', condition: '选择告知承诺方式办理的', major: false }),
    ],
    result: { name: '公众聚集场所投入使用、营业前消防安全检查意见书（许可证）', type: 'certificate' },
  };
}

function retireeMedical(b: Base): GuideData {
  return {
    ...common, ...b, entryMode: 'comprehensive', name: '职工基本医疗保险退休人员待遇核定', type: 'confirmation', theme: '退休养老', servedParty: 'person',
    aliases: ['退休医保待遇', '医保退休核定'], keywords: ['医保', '退休'],
    legalBasis: '《中华人民共和国社会保险法》第二十七条；《国务院关于建立城镇职工基本医疗保险制度的决定》（国发〔1998〕44号）',
    statutoryLimit: wd(10), promisedLimit: wd(5), caseKind: 'promised',
    conditions: '参加职工基本医疗保险的人员，达到法定退休年龄并办理退休手续，累计缴费年限达到国家和本省规定年限的，退休后不再缴纳基本医疗保险费，按规定享受退休人员基本医疗保险待遇；未达到规定年限的，可缴费至规定年限。',
    reviewStandard: '核对退休审批信息（共享获取）；核定职工基本医疗保险实际缴费年限和视同缴费年限；达到规定年限的变更为退休人员参保状态，未达到的一次性告知补缴方式。',
    procedure: flow('缴费年限核定', 3),
    materials: [
      m('application', '职工基本医疗保险退休人员待遇核定申请表', { form: 'both' }),
      m('id-card', '退休人员居民身份证', { note: '原件现场核验' }),
      m('retire-approval', '退休审批表（核准退休）'),
      m('social-card', '本人社会保障卡', { note: '用于个人账户划入' }),
    ],
    result: { name: '职工基本医疗保险退休人员待遇核定结果', type: 'approval' },
  };
}

function housingFundWithdrawal(b: Base): GuideData {
  return {
    ...common, ...b, entryMode: 'comprehensive', name: '住房公积金退休提取', type: 'publicService', theme: '退休养老', servedParty: 'person',
    aliases: ['退休提取公积金', '公积金销户提取'], keywords: ['公积金', '退休'],
    legalBasis: '《住房公积金管理条例》第二十四条第一款第（二）项；《甘肃省住房公积金提取管理办法》',
    statutoryLimit: wd(3), promisedLimit: wd(3), caseKind: 'promised',
    conditions: '缴存职工离休、退休的，可提取本人住房公积金账户内全部余额并同时注销账户；有未结清住房公积金贷款的，须先结清贷款。',
    reviewStandard: '核对退休审批信息与缴存信息一致；确认无未结清的住房公积金贷款；本息转入本人社会保障卡金融账户或本人银行账户。',
    procedure: flow('提取审核及转账', 2),
    materials: [
      m('id-card', '缴存职工居民身份证', { note: '原件现场核验' }),
      m('retire-approval', '退休审批表（核准退休）或退休证'),
      m('bank-card', '本人社会保障卡或本人名下银行卡', { note: '用于转入提取金额' }),
    ],
    result: { name: '住房公积金提取到账及账户销户', type: 'other' },
  };
}

// ---- The things ------------------------------------------------------------------------

const f = (key: string, label: string, group: string, kind: FormField['kind'] = 'text', o: Partial<FormField> = {}): FormField => ({ key, label, kind, required: true, group, ...o });
const CHILD = [f('childName', '新生儿姓名', '新生儿'), f('childSex', '新生儿性别', '新生儿', 'choice', { options: ['男', '女'] }), f('birthDate', '出生日期', '新生儿', 'date')];
const PARENTS = [f('motherName', '母亲姓名', '父母'), f('motherId', '母亲身份证号', '父母', 'idNumber'), f('fatherName', '父亲姓名', '父母'), f('fatherId', '父亲身份证号', '父母', 'idNumber'), f('phone', '联系电话', '父母', 'phone')];
const COMPANY = [f('entityName', '经营主体名称', '经营主体'), f('premises', '经营场所地址', '经营主体', 'address'), f('operator', '法定代表人（经营者）姓名', '经营者'), f('operatorId', '法定代表人（经营者）身份证号', '经营者', 'idNumber'), f('phone', '联系电话', '经营者', 'phone')];
const ti = (itemCode: string, o: Partial<ThingItem>): ThingItem => ({ itemCode, after: [], fields: [], shares: [], ...o });

type Codes = Record<string, string>;

function newborn(c: Codes, lead: string, contact: ThingData['contact']): ThingData {
  return {
    name: '新生儿出生一件事', lifeEvent: 'birth', servedParty: 'person', leadDepartmentId: lead, contact, basis: SERVICE_BASIS,
    summary: '新生儿出生后，出生医学证明、户口登记、医保参保、社会保障卡申领、生育登记一次申请、一套材料、一次办好；出生医学证明由卫健部门签发后直接共享给公安、医保部门，不再重复提交。',
    questions: [
      { key: 'socialCard', text: '是否同时为新生儿申领社会保障卡？', kind: 'yesNo' },
      { key: 'birthRegistered', text: '孕期是否已办理生育登记？', kind: 'yesNo', help: '已办理的无需再次登记' },
    ],
    items: [
      ti(c.birthCert!, { fields: [...CHILD, f('hospital', '出生医院', '新生儿'), ...PARENTS], shares: [{ materialId: 'parents-id', key: 'parents-id' }, { materialId: 'application', key: 'one-form' }] }),
      ti(c.birthReg!, { after: [c.birthCert!], fields: [...CHILD, ...PARENTS, f('hukouAddress', '落户地址', '落户', 'address')], shares: [{ materialId: 'birth-certificate', key: 'birth-certificate' }, { materialId: 'id-card', key: 'parents-id' }] }),
      ti(c.insurance!, { after: [c.birthReg!], fields: [...CHILD, f('phone', '联系电话', '父母', 'phone')], shares: [{ materialId: 'birth-certificate', key: 'birth-certificate' }, { materialId: 'guardian-id', key: 'parents-id' }, { materialId: 'application', key: 'one-form' }] }),
      ti(c.card!, { after: [c.insurance!], when: [{ question: 'socialCard', in: ['yes'] }], fields: [...CHILD, f('mailAddress', '社保卡邮寄地址', '送达', 'address', { required: false })], shares: [{ materialId: 'guardian', key: 'parents-id' }] }),
      ti(c.fertility!, { when: [{ question: 'birthRegistered', in: ['no'] }], fields: [...PARENTS, f('childOrder', '本次生育子女孩次', '新生儿', 'choice', { options: ['一孩', '二孩', '三孩及以上'] })], shares: [{ materialId: 'id-card', key: 'parents-id' }, { materialId: 'application', key: 'one-form' }] }),
    ],
    sharedMaterials: [
      { key: 'one-form', name: '新生儿出生一件事联办申请表（一表申请）', note: '替代各事项的申请表、登记表' },
      { key: 'parents-id', name: '父母双方居民身份证', note: '原件现场核验一次，各部门共享影像' },
      { key: 'birth-certificate', name: '出生医学证明', producedBy: c.birthCert! },
    ],
  };
}

function restaurant(c: Codes, lead: string, contact: ThingData['contact']): ThingData {
  return {
    name: '开办餐饮店一件事', lifeEvent: 'opening', servedParty: 'organization', leadDepartmentId: lead, contact,
    basis: `${SERVICE_BASIS}；《国务院办公厅关于印发〈“高效办成一件事”2024年度重点事项清单〉的通知》`,
    summary: '开饭店、小吃店：营业执照、食品经营许可、公章刻制、发票领用、公众聚集场所消防安全检查一次申请；营业执照办结后，食品经营许可与消防检查并联办理。',
    questions: [
      { key: 'entity', text: '以何种经营主体开办？', kind: 'choice', options: [{ value: 'individual', label: '个体工商户' }, { value: 'company', label: '企业（公司）' }] },
      { key: 'seal', text: '是否需要刻制公章？', kind: 'yesNo' },
      { key: 'invoice', text: '是否需要领用发票？', kind: 'yesNo' },
      { key: 'crowded', text: '营业场所是否属于公众聚集场所（设有就餐区的饭店、餐厅等）？', kind: 'yesNo', help: '仅外卖、无堂食的可选“否”' },
    ],
    items: [
      ti(c.individual!, { when: [{ question: 'entity', in: ['individual'] }], fields: COMPANY, shares: [{ materialId: 'application', key: 'one-form' }, { materialId: 'id-card', key: 'operator-id' }] }),
      ti(c.company!, { when: [{ question: 'entity', in: ['company'] }], fields: [...COMPANY, f('capital', '注册资本（万元）', '经营主体', 'number')], shares: [{ materialId: 'application', key: 'one-form' }, { materialId: 'id-card', key: 'operator-id' }] }),
      ti(c.food!, { after: [c.individual!, c.company!], fields: [...COMPANY, f('foodCategories', '经营项目', '食品经营', 'choice', { options: ['热食类食品制售', '冷食类食品制售', '热食类和冷食类食品制售'] })], shares: [{ materialId: 'application', key: 'one-form' }, { materialId: 'id-card', key: 'operator-id' }, { materialId: 'business-license', key: 'business-license' }] }),
      ti(c.seal!, { after: [c.individual!, c.company!], when: [{ question: 'seal', in: ['yes'] }], fields: COMPANY, shares: [{ materialId: 'legal-rep-id', key: 'operator-id' }, { materialId: 'business-license', key: 'business-license' }] }),
      ti(c.invoice!, { after: [c.individual!, c.company!], when: [{ question: 'invoice', in: ['yes'] }], fields: COMPANY, shares: [{ materialId: 'id-card', key: 'operator-id' }, { materialId: 'business-license', key: 'business-license' }] }),
      ti(c.fire!, { after: [c.individual!, c.company!], when: [{ question: 'crowded', in: ['yes'] }], fields: [...COMPANY, f('floorArea', '营业面积（平方米）', '消防', 'number')], shares: [{ materialId: 'business-license', key: 'business-license' }, { materialId: 'application', key: 'one-form' }] }),
    ],
    sharedMaterials: [
      { key: 'one-form', name: '开办餐饮店一件事联办申请表（一表申请）', note: '替代登记、许可、消防检查各自的申请书' },
      { key: 'operator-id', name: '法定代表人（经营者）居民身份证', note: '原件现场核验一次' },
      { key: 'business-license', name: '营业执照', sharingSource: '清渭县市场监督管理局（营业执照办结后电子证照共享）' },
    ],
  };
}

function marriage(c: Codes, lead: string, contact: ThingData['contact']): ThingData {
  return {
    name: '公民婚育一件事', lifeEvent: 'family', servedParty: 'person', leadDepartmentId: lead, contact, basis: SERVICE_BASIS,
    summary: '结婚登记时一并办理生育登记，需要的可同时申请户口随迁；婚姻登记信息共享给卫健、公安部门。',
    questions: [
      { key: 'fertility', text: '是否同时办理生育登记？', kind: 'yesNo' },
      { key: 'move', text: '是否需要将户口迁入配偶户籍所在地？', kind: 'yesNo' },
    ],
    items: [
      ti(c.marriage!, { fields: [f('partyA', '男方姓名', '当事人'), f('partyAId', '男方身份证号', '当事人', 'idNumber'), f('partyB', '女方姓名', '当事人'), f('partyBId', '女方身份证号', '当事人', 'idNumber'), f('phone', '联系电话', '当事人', 'phone')], shares: [{ materialId: 'id-card', key: 'couple-id' }] }),
      ti(c.fertility!, { after: [c.marriage!], when: [{ question: 'fertility', in: ['yes'] }], fields: [f('partyA', '男方姓名', '当事人'), f('partyB', '女方姓名', '当事人'), f('phone', '联系电话', '当事人', 'phone')], shares: [{ materialId: 'id-card', key: 'couple-id' }, { materialId: 'marriage-record', key: 'marriage-record' }] }),
      ti(c.move!, { after: [c.marriage!], when: [{ question: 'move', in: ['yes'] }], fields: [f('mover', '迁移人姓名', '户口迁移'), f('moverId', '迁移人身份证号', '户口迁移', 'idNumber'), f('toAddress', '迁入地址', '户口迁移', 'address')], shares: [{ materialId: 'id-card', key: 'couple-id' }, { materialId: 'marriage-record', key: 'marriage-record' }] }),
    ],
    sharedMaterials: [
      { key: 'couple-id', name: '男女双方居民身份证' },
      { key: 'marriage-record', name: '结婚登记信息', producedBy: c.marriage! },
    ],
  };
}

function enterpriseChange(c: Codes, lead: string, contact: ThingData['contact']): ThingData {
  return {
    name: '企业信息变更一件事', lifeEvent: 'change', servedParty: 'organization', leadDepartmentId: lead, contact, basis: SERVICE_BASIS,
    summary: '企业变更名称、法定代表人等登记事项后，税务信息同步确认，名称变更的同时重新刻制印章。',
    questions: [{ key: 'rename', text: '是否变更企业名称？', kind: 'yesNo', help: '名称变更须重新刻制公章' }],
    items: [
      ti(c.change!, { fields: [f('entityName', '企业名称', '企业'), f('creditCode', '统一社会信用代码', '企业'), f('changes', '变更事项', '企业')], shares: [{ materialId: 'business-license', key: 'business-license' }] }),
      ti(c.tax!, { after: [c.change!], fields: [f('entityName', '企业名称', '企业'), f('creditCode', '统一社会信用代码', '企业')], shares: [{ materialId: 'business-license', key: 'business-license' }] }),
      ti(c.seal!, { after: [c.change!], when: [{ question: 'rename', in: ['yes'] }], fields: [f('entityName', '企业名称', '企业')], shares: [{ materialId: 'business-license', key: 'business-license' }] }),
    ],
    sharedMaterials: [{ key: 'business-license', name: '营业执照（变更后）', producedBy: c.change! }],
  };
}

function retirement(c: Codes, lead: string, contact: ThingData['contact']): ThingData {
  const RETIREE = [f('name', '退休人员姓名', '退休人员'), f('idNumber', '身份证号', '退休人员', 'idNumber'), f('phone', '联系电话', '退休人员', 'phone')];
  return {
    name: '退休一件事', lifeEvent: 'retirement', servedParty: 'person', leadDepartmentId: lead, contact,
    basis: `${SERVICE_BASIS}；《国务院办公厅关于印发〈“高效办成一件事”2024年度第二批重点事项清单〉的通知》（国办发〔2024〕45号）`,
    summary: '职工退休时，退休审批、职工医保退休人员待遇核定、住房公积金退休提取一次申请；退休审批办结后审批信息直接共享给医保部门和公积金中心，不再提交退休审批表。',
    questions: [
      { key: 'medical', text: '退休前是否参加职工基本医疗保险？', kind: 'yesNo', help: '参加城乡居民医保的选“否”' },
      { key: 'fund', text: '是否缴存住房公积金并需要提取？', kind: 'yesNo' },
    ],
    items: [
      ti(c.retire!, { fields: [...RETIREE, f('employer', '工作单位', '工作单位'), f('workStart', '参加工作时间', '工作单位', 'date'), f('retireKind', '退休类别', '工作单位', 'choice', { options: ['正常退休', '特殊工种提前退休', '因病提前退休', '弹性提前退休'] })], shares: [{ materialId: 'id-card', key: 'retiree-id' }, { materialId: 'application', key: 'one-form' }] }),
      ti(c.retireMedical!, { after: [c.retire!], when: [{ question: 'medical', in: ['yes'] }], fields: [...RETIREE, f('employer', '工作单位', '工作单位')], shares: [{ materialId: 'id-card', key: 'retiree-id' }, { materialId: 'retire-approval', key: 'retire-approval' }, { materialId: 'social-card', key: 'social-card' }, { materialId: 'application', key: 'one-form' }] }),
      ti(c.fund!, { after: [c.retire!], when: [{ question: 'fund', in: ['yes'] }], fields: [...RETIREE, f('fundAccount', '住房公积金个人账号', '住房公积金', 'text', { required: false })], shares: [{ materialId: 'id-card', key: 'retiree-id' }, { materialId: 'retire-approval', key: 'retire-approval' }, { materialId: 'bank-card', key: 'social-card' }] }),
    ],
    sharedMaterials: [
      { key: 'one-form', name: '退休一件事联办申请表（一表申请）', note: '替代职工退休申报表和医保待遇核定申请表' },
      { key: 'retiree-id', name: '退休人员居民身份证', note: '原件现场核验一次，各部门共享影像' },
      { key: 'retire-approval', name: '退休审批表（核准退休）', producedBy: c.retire! },
      { key: 'social-card', name: '本人社会保障卡（金融账户）', sharingSource: '清渭县人力资源和社会保障局（社会保障卡信息共享）' },
    ],
  };
}

/** The six items this demo adds to the catalog, given each department's facts. */
export function demoItemGuides(base: (short: string, windowNames: string[]) => Base): GuideData[] {
  return [
    birthCertificate(base('WJ', ['卫健委窗口', ...COMPREHENSIVE])), medicalInsurance(base('YB', COMPREHENSIVE)),
    sealEngraving(base('GA', ['企业开办专区', '公安局窗口'])), fireInspection(base('XF', ['企业开办专区', ...COMPREHENSIVE])),
    retireeMedical(base('YB', COMPREHENSIVE)), housingFundWithdrawal(base('GJ', COMPREHENSIVE)),
  ];
}

/** The same guides without a database (department and contact left blank): what the search tests and bench index beside the demo catalog. */
export const DEMO_ITEM_GUIDES: GuideData[] = demoItemGuides((_short, windowNames) => ({
  departmentId: '', windowNames, responsiblePerson: '', contact: { address: '', hours: '', phone: '', complaintPhone: '' },
}));

// ---- Seeding ---------------------------------------------------------------------------

const NEW_DEPARTMENTS = [
  { shortCode: 'YB', name: '清渭县医疗保障局', phone: '0938-6821210' },
  { shortCode: 'XF', name: '清渭县消防救援大队', phone: '0938-6821211' },
  { shortCode: 'GJ', name: '天水市住房公积金管理中心清渭管理部', phone: '0938-6821212' },
];

export async function seedThingsDemo(tx: Tx, countyId: string, adminId: string, now: Date): Promise<void> {
  const [county] = await tx.select().from(centers).where(eq(centers.id, countyId));
  const dept = new Map((await tx.select().from(departments).where(eq(departments.centerId, countyId))).map((d) => [d.shortCode, d]));
  for (const d of NEW_DEPARTMENTS) {
    const [row] = await tx.insert(departments).values({ centerId: countyId, ...d }).returning();
    dept.set(d.shortCode, row!);
  }
  const actor = { id: adminId, role: 'centerAdmin' as const, centerId: countyId, departmentId: null };
  const base = (short: string, windowNames: string[]): Base => ({
    departmentId: dept.get(short)!.id, windowNames, responsiblePerson: `${dept.get(short)!.name}首席代表`,
    contact: { address: `${county!.address}（${windowNames[0]}）`, hours: county!.hours, phone: dept.get(short)!.phone, complaintPhone: county!.complaintPhone },
  });
  const add = async (short: string, seq: number, data: GuideData) =>
    (await createItem(tx, actor, data, now, buildItemCode(county!.divisionCode.slice(0, 6), short, data.type, seq), { status: 'published', audit: false })).code;
  const codeOf = async (name: string) => {
    const [r] = await tx.select({ code: serviceItems.code }).from(serviceItems).where(and(eq(serviceItems.name, name), eq(serviceItems.centerId, countyId)));
    return r!.code;
  };
  const [birthCert, insurance, seal, fire, retireMedical, fund] = demoItemGuides(base);
  const c: Codes = {
    birthCert: await add('WJ', 5, birthCert!), insurance: await add('YB', 1, insurance!), seal: await add('GA', 5, seal!), fire: await add('XF', 1, fire!),
    retireMedical: await add('YB', 2, retireMedical!), fund: await add('GJ', 1, fund!), retire: await codeOf('退休审批'),
    birthReg: await codeOf('出生登记'), card: await codeOf('社会保障卡申领'), fertility: await codeOf('生育登记'),
    individual: await codeOf('个体工商户设立登记'), company: await codeOf('企业设立登记'), food: await codeOf('食品经营许可'),
    invoice: await codeOf('发票领用'), marriage: await codeOf('内地居民结婚登记'), move: await codeOf('户口迁移'),
    change: await codeOf('企业变更登记'), tax: await codeOf('税务登记（信息确认）'),
  };
  const contact = { address: `${county!.address}一楼综合受理窗口`, hours: county!.hours, phone: county!.phone };
  const things: [string, ThingData, 'published' | 'draft'][] = [
    ['newborn', newborn(c, dept.get('WJ')!.id, contact), 'published'],
    ['restaurant', restaurant(c, dept.get('SC')!.id, { ...contact, address: `${county!.address}一楼企业开办专区` }), 'published'],
    ['marriage', marriage(c, dept.get('MZ')!.id, contact), 'published'],
    ['retirement', retirement(c, dept.get('RS')!.id, contact), 'published'],
    // A draft: 企业变更登记 is itself a draft in the demo catalog, so the thing shows why it cannot be submitted yet.
    ['enterprise-change', enterpriseChange(c, dept.get('SC')!.id, { ...contact, address: `${county!.address}一楼企业开办专区` }), 'draft'],
  ];
  for (const [code, data, status] of things) await createThing(tx, actor, code, data, now, { status, audit: false });
}

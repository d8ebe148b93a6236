/** A realistic notice input (清渭县, 食品经营许可) for tests and previews. */
import type { DocumentKind } from '../types.js';
import type { DocumentInput } from './types.js';

type Details = DocumentInput['details'];

/** Kind-specific facts as the case service passes them. */
export const SAMPLE_DETAILS: Record<DocumentKind, Details> = {
  receipt: { acceptBy: '2025-10-10' },
  acceptance: {},
  jointAcceptance: {
    participants: [
      { department: '清渭县自然资源局', task: '建设工程规划许可核验（规划核实）', subLimitWorkingDays: 5, subDue: '2025-10-14' },
      { department: '清渭县公安局', task: '消防设计审查', subLimitWorkingDays: 10, subDue: '2025-10-21' },
    ],
  },
  supplement: { note: '平面图须标明各功能区面积并加盖单位公章；法定代表人身份证复印件须正反面复印在同一页。' },
  pledge: { owedBy: '2025-10-17' },
  return: { reasons: '申请设立的为烟草制品零售经营，不属于本机关的审批事项。', redirectTo: '清渭县烟草专卖局（县城关镇建设路12号）' },
  refusal: { reasons: '申请人所持营业执照已被依法吊销，不具备申请主体资格。' },
  specialProcedure: { procedure: { label: '现场核查（检验检测）', reason: '经营场所涉及冷链贮存设施，需委托第三方机构检测温控设备', plannedWorkingDays: 7, startOn: '2025-10-09' } },
  extension: { extension: { workingDays: 10, reason: '现场核查发现布局需整改复核，在承诺期限内不能作出决定', newPromisedDue: '2025-10-28', newStatutoryDue: '2025-11-11' } },
  approval: { outcome: 'approved', resultName: '食品经营许可证' },
  denial: { outcome: 'denied', resultName: '食品经营许可证', reasons: '现场核查发现经营场所距离旱厕不足25米，且无法整改，不符合《食品经营许可审查通则》第十条的规定。' },
  completion: { resultName: '食品经营许可证', deliveryMode: 'post', trackingNo: '1178459063321' },
  paymentNotice: {
    fee: {
      lines: [{ name: '食品经营许可证工本费', standard: '10元/证', basis: '《行政事业性收费标准管理办法》', quantity: 1, unit: '证', freeUnits: 0, unitFen: 1000, amountFen: 1000 }],
      totalFen: 1000, treasury: { name: '清渭县财政局非税收入汇缴结算户', bank: '中国农业银行清渭县支行', accountNo: '27-365101040001234' }, payBeforeDelivery: true,
    },
  },
  handlingNotice: { steps: [{ index: 0, name: '全程办事人分办', roleLabel: '全程办事人' }, { index: 1, name: '现场核查', roleLabel: '承办人', workingDays: 5 }] },
  routeSheet: { route: [{ seq: 3, action: '分办', from: '李协调', to: '王承办', by: '李协调', at: '2025-09-30 10:15', opinion: '' }] },
  controlSheet: {
    steps: [{ index: 0, name: '现场核查', roleLabel: '承办人', workingDays: 5, doneBy: '王承办', doneAt: '2025-10-08 16:00', opinion: '符合要求', defects: [{ material: '经营场所平面图', defect: '未标注面积', correction: '补充标注后盖章', by: '王承办', at: '2025-10-02 11:00' }] }],
  },
};

export function sampleInput(kind: DocumentKind, patch: { details?: Details; case?: Partial<DocumentInput['case']> } & Partial<Omit<DocumentInput, 'details' | 'case'>> = {}): DocumentInput {
  const { details, case: casePatch, ...rest } = patch;
  return {
    kind,
    docNo: '清渭县政务受字〔2025〕第000123号',
    issuedAt: '2025-09-30T02:15:00.000Z',
    issuedOn: '2025-09-30',
    center: {
      name: '清渭县政务服务中心', address: '甘肃省清渭县城关镇人民西路168号政务服务中心大楼',
      phone: '0938-6821100', complaintPhone: '0938-6822345', hours: '周一至周五 上午9:00—12:00 下午13:30—17:30（法定节假日除外）',
    },
    department: { name: '清渭县市场监督管理局', phone: '0938-6821230' },
    item: { type: 'license', legalBasis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）', registration: false, filing: false, forwarded: false },
    reviewBody: '清渭县人民政府',
    case: {
      caseNo: '620521202509300001', queryCode: '482913', itemName: '食品经营许可', itemCode: 'XK-SC-003', itemVersion: 2,
      kindLabel: '承诺件', channelLabel: '窗口', applicantKind: 'organization', applicantName: '清渭县福满楼餐饮有限公司',
      applicantIdMasked: '91620521MA7******X', applicantPhoneMasked: '139****5678', submittedOn: '2025-09-29', acceptedOn: '2025-09-30',
      promisedLimit: { value: 5, unit: 'workingDays' }, statutoryLimit: { value: 10, unit: 'workingDays' },
      promisedDue: '2025-10-14', statutoryDue: '2025-10-21',
      ...casePatch,
    },
    materials: [
      { id: 'application', name: '食品经营许可申请书', required: 'required', major: true, copies: 1, provided: true, owed: false, missing: false },
      { id: 'legal-id', name: '法定代表人（负责人）身份证明', required: 'required', major: true, copies: 1, provided: true, owed: false, missing: false },
      { id: 'layout', name: '经营场所平面图和设备布局、工艺流程图', required: 'required', major: true, copies: 1, provided: true, owed: false, missing: false },
      { id: 'equipment', name: '主要设备设施清单', required: 'required', major: false, copies: 1, provided: true, owed: false, missing: false },
      { id: 'safety-rules', name: '保证食品安全的规章制度', required: 'required', major: false, copies: 1, provided: true, owed: false, missing: false },
      { id: 'safety-manager', name: '食品安全管理人员任命文件及培训考核合格证明', required: 'required', major: false, copies: 1, provided: true, owed: false, missing: false },
      { id: 'proxy', name: '授权委托书及受托人身份证明', required: 'conditional', condition: '委托他人代为办理的', major: false, copies: 1, provided: false, owed: false, missing: false },
    ],
    details: details ?? SAMPLE_DETAILS[kind],
    issuer: { name: '李明', roleLabel: '窗口受理员' },
    progressUrl: 'https://zwfw.qingwei.gov.cn/progress?caseNo=620521202509300001&queryCode=482913',
    ...rest,
  };
}

import type { GuideData } from '../src/catalog/types.js';

/** A complete guide that passes publish validation: the catalog tests' starting point. */
export function sampleGuide(departmentId: string, over: Partial<GuideData> = {}): GuideData {
  return {
    name: '测试事项：宗教活动场所筹备设立审核', type: 'license', theme: '社会事务', servedParty: 'organization', departmentId,
    entryMode: 'resident', windowNames: ['综合受理窗口（一）'], responsiblePerson: '张三', legalBasis: '《宗教事务条例》第二十一条',
    statutoryLimit: { value: 20, unit: 'workingDays' }, promisedLimit: { value: 10, unit: 'workingDays' }, caseKind: 'promised',
    conditions: '符合条例规定的条件', reviewStandard: '材料齐全、符合法定形式', procedure: [{ name: '受理', role: 'receiver' }, { name: '审查', role: 'handler', workingDays: 5 }, { name: '决定', role: 'chiefRep' }],
    specialProcedures: [], jointParticipants: [], maxVisits: 1, onlineDepth: 3, conditionalAcceptance: true, appointmentAllowed: true,
    deliveryModes: ['pickup', 'post'], overdueDefault: 'none',
    materials: [
      { id: 'application', name: '申请书', required: 'required', major: true, copies: 1, form: 'paper', source: 'applicant' },
      { id: 'licence-copy', name: '营业执照', required: 'required', major: false, copies: 1, form: 'electronic', source: 'sharing', sourceAgency: '市场监督管理局' },
      { id: 'lease', name: '场所使用证明', required: 'conditional', condition: '租赁场所的', major: false, copies: 1, form: 'paper', source: 'applicant' },
    ],
    fees: { free: true, items: [] }, result: { name: '批复', type: 'approval' },
    contact: { address: '县政务服务中心二楼', hours: '工作日 9:00-17:30', phone: '0938-1234567', complaintPhone: '12345' },
    ...over,
  };
}

import type { DocumentKind } from '../types.js';
import type { Limit } from '../../catalog/types.js';
import type { ItemNature } from './decision.js';

/** Everything a notice shows, gathered by the case service at the moment of issue. */
export interface DocumentInput {
  kind: DocumentKind;
  /** e.g. 清渭政务受字〔2026〕第000123号 */
  docNo: string;
  /** ISO instant of issue. */
  issuedAt: string;
  /** The calendar date of issue in the center's zone (YYYY-MM-DD). */
  issuedOn: string;
  center: { name: string; address: string; phone: string; complaintPhone: string; hours: string };
  department: { name: string; phone: string };
  /** The item's legal nature (type, 设定依据): decides the decision's kind, wording and basis. Absent: a licence without a stored basis. */
  item?: ItemNature;
  /** Who hears an application for 行政复议 against the department (e.g. 清渭县人民政府), when the data names it. */
  reviewBody?: string | null;
  /** The people's court that hears 行政诉讼 (e.g. 清渭县人民法院), when the center's settings name it; else 人民法院. */
  court?: string | null;
  /** Applicants named with the main one (结婚登记: both parties), each with the ID number masked. */
  coApplicants?: { name: string; idMasked: string }[];
  case: {
    caseNo: string;
    queryCode: string;
    itemName: string;
    itemCode: string;
    itemVersion: number;
    kindLabel: string;
    channelLabel: string;
    applicantKind: 'person' | 'organization';
    /** Notices go to the applicant: full name; ID number masked all the same. */
    applicantName: string;
    applicantIdMasked: string;
    applicantPhoneMasked: string;
    submittedOn: string;
    acceptedOn: string | null;
    promisedLimit: Limit;
    statutoryLimit: Limit;
    promisedDue: string | null;
    statutoryDue: string | null;
  };
  /** The item's materials with what this case has of them. */
  materials: { id: string; name: string; required: 'required' | 'optional' | 'conditional'; condition?: string; major: boolean; copies: number; provided: boolean; owed: boolean; missing: boolean }[];
  /** Kind-specific facts. */
  details: {
    note?: string;
    reasons?: string;
    redirectTo?: string;
    procedure?: { label: string; reason: string; plannedWorkingDays: number; startOn: string };
    extension?: { workingDays: number; reason: string; newPromisedDue: string; newStatutoryDue: string };
    outcome?: 'approved' | 'denied';
    resultName?: string;
    deliveryMode?: 'pickup' | 'post';
    trackingNo?: string;
    /** Remedies (行政复议/行政诉讼) for refusals and denials. */
    remedies?: string;
    /** 联办受理通知书: the participant departments, their tasks and sub-due dates. */
    participants?: { department: string; task: string; subLimitWorkingDays: number; subDue: string }[];
    /** 接件回执: the last working day for the acceptance decision. */
    acceptBy?: string;
    /** 容缺受理承诺书: the last working day for the owed materials, and what happens when it passes. */
    owedBy?: string;
    owedOverdue?: string;
    /** 缴款通知书: the lines by the item's rule, the total and the treasury account (src/fees). */
    fee?: {
      lines: { name: string; standard: string; basis: string; quantity: number; unit: string; freeUnits: number; unitFen: number; amountFen: number; assessed?: boolean }[];
      totalFen: number;
      treasury: { name: string; bank: string; accountNo: string };
      payBeforeDelivery: boolean;
    };
    /** 办理通知书 / 控制单: the item's handling steps with their planned working days. */
    steps?: { index: number; name: string; roleLabel: string; workingDays?: number; doneBy?: string; doneAt?: string; opinion?: string; defects?: { material: string; defect: string; correction: string; by: string; at: string }[] }[];
    /** 全程承办单: every hand-over of the case, signed (who, when, opinion). */
    route?: { seq: number; action: string; from: string; to: string; by: string; at: string; opinion: string }[];
  };
  /** The staff member who issued it (name and role label). */
  issuer: { name: string; roleLabel: string };
  /** Absolute URL of the public progress query for this case (goes into the QR code). */
  progressUrl: string;
}

/** Agency service (代办) API shapes — see docs/api.md "Agency". */
import type { AgencyMode, HandoverStage } from '../../../src/agency/types';

export { AGENCY_MODE_LABELS, HANDOVER_STAGE_LABELS } from '../../../src/agency/types';
export type { AgencyMode, HandoverStage };

export interface AgencyPoint {
  id: string;
  centerId: string;
  name: string;
  level: string;
  address: string;
  phone: string;
  handoverCenter: string;
  agents: { id: string; username: string; displayName: string; phone: string }[];
}

export interface AgencyCaseRow {
  id: string;
  caseNo: string;
  itemName: string;
  itemCode: string;
  state: string;
  stateLabel: string;
  finished: boolean;
  applicantName: string;
  submittedAt: string;
  promisedDue: string | null;
  mode: AgencyMode;
  modeLabel: string;
  pointName: string;
  agentName: string;
  lastStage: HandoverStage | null;
  lastStageLabel: string | null;
}

export interface Handover {
  id: string;
  seq: number;
  stage: HandoverStage;
  stageLabel: string;
  giver: { name: string; roleLabel: string };
  taker: { name: string; roleLabel: string };
  items: string[];
  note: string;
  at: string;
  documentId: string;
}

export interface AgencyCaseView {
  caseId: string;
  caseNo: string;
  state: string;
  stateLabel: string;
  itemName: string;
  mode: AgencyMode;
  modeLabel: string;
  point: { id: string; name: string };
  agent: { id: string; displayName: string };
  handovers: Handover[];
  nextStages: { stage: HandoverStage; label: string; needsCounterpart: boolean }[];
}

export interface SubmitResponse {
  id: string;
  caseNo: string;
  queryCode: string;
  state: string;
  mode: AgencyMode;
  handover: { id: string; documentId: string };
}

export interface Consultation {
  id: string;
  residentName: string;
  residentPhone: string;
  itemCode: string | null;
  itemName: string;
  question: string;
  advice: string;
  at: string;
}

export const reportUrl = (pointId: string, month: string) => `/api/agency/points/${encodeURIComponent(pointId)}/report.xlsx?month=${encodeURIComponent(month)}`;

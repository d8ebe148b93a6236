/** Agency vocabulary (domain §9), shared by the server and the web app (no Node imports). */

/** 代办 (the agent handles it, the applicant stays home) and 陪办 (the agent accompanies) file a case; 咨办 only advises. */
export const AGENCY_MODES = ['proxy', 'accompany'] as const;
export type AgencyMode = (typeof AGENCY_MODES)[number];
export const AGENCY_MODE_LABELS: Record<AgencyMode | 'advise', string> = { proxy: '代办', accompany: '陪办', advise: '咨办' };

/** The hand-over chain of an agency case: resident → agent → center → agent → resident. */
export const HANDOVER_STAGES = ['residentToAgent', 'agentToCenter', 'centerToAgent', 'agentToResident'] as const;
export type HandoverStage = (typeof HANDOVER_STAGES)[number];
export const HANDOVER_STAGE_LABELS: Record<HandoverStage, string> = {
  residentToAgent: '群众交代办员（收件）',
  agentToCenter: '代办员交中心（送件）',
  centerToAgent: '中心交代办员（领取结果）',
  agentToResident: '代办员交群众（送达结果）',
};

export const HANDOVER_DOCUMENT_KIND = 'agencyHandover';
export const HANDOVER_DOCUMENT_TITLE = '代办交接单';

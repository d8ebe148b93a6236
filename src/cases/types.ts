/** Case vocabulary shared by the server and the web app (no Node imports). */

export const CASE_STATES = [
  'submitted', 'awaitingSupplement', 'accepted', 'inProgress', 'suspended', 'reportedUp', 'decided', 'resultReady',
  'delivered', 'completed', 'archived', 'refused', 'returned', 'withdrawn', 'terminated',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_LABELS: Record<CaseState, string> = {
  submitted: '已提交待受理', awaitingSupplement: '待补正', accepted: '已受理', inProgress: '办理中', suspended: '特别程序（暂停计时）', reportedUp: '已上报待批复（暂停计时）',
  decided: '已决定', resultReady: '结果待领取', delivered: '已送达', completed: '已办结', archived: '已归档',
  refused: '不予受理', returned: '已退回', withdrawn: '已撤回', terminated: '已终止',
};

/** Finished states; every other state is "active" and shows on worklists. */
export const FINISHED_STATES: readonly CaseState[] = ['completed', 'archived', 'refused', 'returned', 'withdrawn', 'terminated'];

/** States in which the case is still open (the clock may run). */
export const OPEN_STATES: readonly CaseState[] = ['submitted', 'awaitingSupplement', 'accepted', 'inProgress', 'suspended', 'reportedUp'];

export const CHANNELS = ['window', 'online', 'agent', 'appointment', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { window: '窗口', online: '网上申报', agent: '代办', appointment: '预约', post: '邮寄' };

export const CASE_ACTIONS = [
  'accept', 'notifySupplement', 'supply', 'acceptConditional', 'return', 'refuse', 'assign', 'handOver', 'completeStep',
  'suspend', 'resume', 'requestExtension', 'approveExtension', 'rejectExtension', 'decide', 'markResultReady', 'deliver',
  'complete', 'withdraw', 'reportUp', 'recordReply',
  // 联办 and 绿色通道 (see src/cases/joint/).
  'assignPart', 'giveOpinion', 'callMeeting', 'recordMeeting', 'appointCoordinator',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const CASE_ACTION_LABELS: Record<CaseAction | 'submit' | 'overturn', string> = {
  submit: '提交申请', overturn: '否定备案被撤销，责令重办', accept: '受理', notifySupplement: '一次性告知补正', supply: '补正材料', acceptConditional: '容缺受理',
  return: '退回', refuse: '不予受理', assign: '分办', handOver: '移交', completeStep: '完成本环节', suspend: '启动特别程序',
  resume: '恢复计时', requestExtension: '申请延期', approveExtension: '批准延期', rejectExtension: '驳回延期', decide: '作出决定',
  markResultReady: '结果待领取', deliver: '送达', complete: '办结', withdraw: '撤回',
  reportUp: '上报上级机关', recordReply: '登记上级批复',
  assignPart: '分派联办任务', giveOpinion: '出具联办意见', callMeeting: '召集联审会议', recordMeeting: '登记联审会议结果', appointCoordinator: '指定全程代办人',
};

/** System events of joint cases (written by the sweep, not the action table). */
export const JOINT_EVENT_LABELS: Record<'deemConsent' | 'escalatePart', string> = { deemConsent: '逾期视为同意（缺席默认）', escalatePart: '逾期未出具意见，已上报督办' };

/** A participant department's opinion on a joint case. */
export const OPINIONS = ['agree', 'agreeWithConditions', 'disagree'] as const;
export type Opinion = (typeof OPINIONS)[number];
export const OPINION_LABELS: Record<Opinion, string> = { agree: '同意', agreeWithConditions: '附条件同意', disagree: '不同意' };

/**
 * Where a participant's part stands: waiting for its opinion; answered; deemed to agree
 * (缺席默认, overdue default deemedApproved); escalated (overdue default none — still owes its opinion).
 */
export const PART_STATUSES = ['pending', 'answered', 'deemed', 'escalated'] as const;
export type PartStatus = (typeof PART_STATUSES)[number];
export const PART_STATUS_LABELS: Record<PartStatus, string> = { pending: '办理中', answered: '已出具意见', deemed: '逾期视为同意', escalated: '逾期已督办' };

export const DOCUMENT_KINDS = [
  'receipt', 'acceptance', 'jointAcceptance', 'supplement', 'pledge', 'return', 'refusal', 'specialProcedure', 'extension', 'approval', 'denial', 'completion',
  // Fees (src/fees) and the internal paperwork (src/cases/paperwork).
  'paymentNotice', 'handlingNotice', 'routeSheet', 'controlSheet',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  receipt: '接件回执', acceptance: '受理通知书', jointAcceptance: '联办受理通知书', supplement: '一次性告知书', pledge: '容缺受理承诺书', return: '退回告知书', refusal: '不予受理通知书',
  specialProcedure: '特别程序告知书', extension: '延期告知书', approval: '准予许可决定书', denial: '不予许可决定书', completion: '办结通知书',
  paymentNotice: '缴款通知书', handlingNotice: '办理通知书', routeSheet: '全程承办单', controlSheet: '内部审批过程控制单',
};

/** Internal paperwork: read by staff, never shown to the applicant. */
export const INTERNAL_DOCUMENTS: readonly DocumentKind[] = ['handlingNotice', 'routeSheet', 'controlSheet'];

/** Events the engine writes by itself (no action of a person). */
export const SYSTEM_EVENT_LABELS: Record<string, string> = {
  calendarMoved: '工作日历调整，办理期限随之变更', feeNotice: '开具缴款通知书', feePaid: '登记缴费', routeSheet: '出具全程承办单', controlSheet: '出具内部审批过程控制单', reviewDefect: '登记材料审查问题', deemedApproval: '承诺期限届满，按超时默认视为同意', pledgeOverdue: '容缺材料补齐期限已过',
};

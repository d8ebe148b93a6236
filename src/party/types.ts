/** Party building (机关党建, domain §11, seed 004): names shared by rules, service, routes and the web. */

export const ORG_KINDS = ['committee', 'branch', 'group'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABELS: Record<OrgKind, string> = { committee: '机关党委', branch: '党支部', group: '党小组' };

/** Officer roles on an organization (seed 004 第四条–第七条). */
export const OFFICER_ROLES = ['secretary', 'deputySecretary', 'organizer', 'propaganda', 'discipline', 'massOrg', 'committeeMember', 'groupLeader'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];
export const OFFICER_ROLE_LABELS: Record<OfficerRole, string> = {
  secretary: '书记', deputySecretary: '副书记', organizer: '组织（组宣）委员', propaganda: '宣传委员', discipline: '纪检委员',
  massOrg: '群团委员', committeeMember: '委员', groupLeader: '党小组组长',
};
/** Officers who run an organization's party work in the system (record meetings, members, evaluation, dues). */
export const MANAGING_OFFICERS: readonly OfficerRole[] = ['secretary', 'deputySecretary', 'organizer', 'groupLeader'];

export const MEMBER_STATUSES = ['applicant', 'activist', 'developmentTarget', 'probationary', 'full', 'retired', 'transferredOut', 'disqualified'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  applicant: '入党申请人', activist: '入党积极分子', developmentTarget: '发展对象', probationary: '预备党员', full: '正式党员',
  retired: '离退休党员', transferredOut: '已转出', disqualified: '已取消预备党员资格',
};
/** Party members proper (on the roll for meetings, evaluation and dues). */
export const MEMBER_ON_ROLL: readonly MemberStatus[] = ['probationary', 'full', 'retired'];

export const PIPELINE_ACTIONS = ['becomeActivist', 'examine', 'train', 'becomeTarget', 'admit', 'extendProbation', 'confirm', 'disqualify', 'retire', 'transferOut'] as const;
export type PipelineAction = (typeof PIPELINE_ACTIONS)[number];
export const PIPELINE_ACTION_LABELS: Record<PipelineAction, string> = {
  becomeActivist: '确定为入党积极分子', examine: '半年考察', train: '参加集中培训', becomeTarget: '列为发展对象', admit: '接收为预备党员',
  extendProbation: '延长预备期', confirm: '预备党员转正', disqualify: '取消预备党员资格', retire: '离退休', transferOut: '组织关系转出',
};

export const MEETING_KINDS = ['committee', 'branchAssembly', 'branchCommittee', 'group', 'partyClass', 'democraticLife'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  committee: '机关党委会议', branchAssembly: '支部党员大会', branchCommittee: '支部委员会', group: '党小组会', partyClass: '党课', democraticLife: '民主生活会',
};
export type Frequency = 'month' | 'quarter' | 'halfYear';

/**
 * 第十七条 机关党委会议「每季度召开一次」; 第十九条 支部党员大会「每月召开一次」、支部委员会「每月召开一次」、
 * 党小组会「每月至少召开一次」、党课「每季度进行一次」; 第二十条 支部民主生活会「每半年召开一次」.
 */
export const FREQUENCIES: Record<MeetingKind, Frequency> = {
  committee: 'quarter', branchAssembly: 'month', branchCommittee: 'month', group: 'month', partyClass: 'quarter', democraticLife: 'halfYear',
};

/** Which meetings each kind of organization holds. */
export const MEETINGS_OF: Record<OrgKind, readonly MeetingKind[]> = {
  committee: ['committee'],
  branch: ['branchAssembly', 'branchCommittee', 'partyClass', 'democraticLife'],
  group: ['group'],
};

export const FREQUENCY_LABELS: Record<Frequency, string> = { month: '每月', quarter: '每季度', halfYear: '每半年' };

export const RESOLUTION_KINDS = ['general', 'personnel', 'admission', 'confirmation'] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];
export const RESOLUTION_KIND_LABELS: Record<ResolutionKind, string> = { general: '一般事项', personnel: '人员调整、组织发展', admission: '接收预备党员', confirmation: '预备党员转正' };

export const GRADES = ['excellent', 'qualified', 'basicallyQualified', 'unqualified', 'notGraded'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = { excellent: '优秀', qualified: '合格', basicallyQualified: '基本合格', unqualified: '不合格', notGraded: '只参加评议不定格' };

export const DISCLOSURE_CATEGORIES = ['majorDecision', 'appointment', 'project', 'funds', 'hotIssue', 'routine'] as const;
export type DisclosureCategory = (typeof DISCLOSURE_CATEGORIES)[number];
export const DISCLOSURE_CATEGORY_LABELS: Record<DisclosureCategory, string> = {
  majorDecision: '重大决策', appointment: '重要干部任免', project: '重要项目安排', funds: '大额度资金使用', hotIssue: '党员群众关心的热点问题', routine: '常规党务',
};

/** Roles from the domain glossary (domain.md §1). */
export const ROLES = [
  'centerAdmin',
  'receiver',
  'coordinator',
  'handler',
  'chiefRep',
  'leader',
  'supervisor',
  'agent',
  'partySecretary',
  'applicant',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  centerAdmin: '管理办公室',
  receiver: '受理人（窗口）',
  coordinator: '全程办事人',
  handler: '具体办理人',
  chiefRep: '首席代表',
  leader: '分管领导',
  supervisor: '监察',
  agent: '代办员',
  partySecretary: '机关党委（党务）',
  applicant: '申请人',
};

/** Staff roles belong to a center; department roles also to a department. */
export const DEPARTMENT_ROLES: readonly Role[] = ['coordinator', 'handler', 'chiefRep', 'leader'];
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'applicant');

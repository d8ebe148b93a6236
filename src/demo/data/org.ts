/**
 * Demo organization of a (fictional) county government service center: the center tree,
 * the departments stationed in the county center, the hall's windows and one account per
 * demo persona. Plain typed data — the seeding code turns keys into ids.
 *
 * 清渭县 is invented; its division code 620524 is the one used in the examples of
 * domain.md §2 (item codes like 62052400MZ-XK-0001).
 */
import type { Role } from '../../core/auth/roles.js';

export type CenterLevel = 'city' | 'county' | 'town' | 'village';

export interface DemoCenter {
  key: string;
  parentKey: string | null;
  level: CenterLevel;
  name: string;
  /** County: 6-digit division code; town: 9 digits; village: 12 digits (统计用区划代码). */
  divisionCode: string;
  address: string;
  phone: string;
  complaintPhone: string;
  /** Office hours as shown on the guide. */
  hours: string;
  /** The same hours, machine-readable (local time, HH:MM), Monday–Friday working days. */
  sessions: { start: string; end: string }[];
}

export interface DemoDepartment {
  /** = shortCode */
  key: string;
  centerKey: string;
  name: string;
  /** Two-letter code used in item codes. */
  shortCode: string;
  phone: string;
}

export type WindowKind = 'comprehensive' | 'themed' | 'specialized';

export interface DemoWindow {
  centerKey: string;
  /** Unique within its center. */
  number: number;
  /** Unique within its center; items' `windowNames` refer to it. */
  name: string;
  kind: WindowKind;
  departmentKey?: string;
  floor: number;
  note?: string;
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  /** Staff: the center they work in. Applicants: null (they belong to no center). */
  centerKey: string | null;
  departmentKey?: string;
  /** A window number of `centerKey` where the person sits (A/B post). */
  windowNumber?: number;
  applicantKind?: 'person' | 'organization';
  /** 18-digit citizen ID number or 18-char unified social credit code (valid check digits). */
  idNumber?: string;
  phone?: string;
  /** What the account is for in the demo (Chinese). */
  note: string;
}

export const COUNTY_NAME = '清渭县';
export const COUNTY_DIVISION_CODE = '620524';

const WEEKDAY_SESSIONS = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '17:30' },
];
const HOURS = '周一至周五 上午9:00-12:00，下午13:30-17:30（法定节假日除外，调休上班日正常办公）';

export const centers: DemoCenter[] = [
  {
    key: 'county',
    parentKey: null,
    level: 'county',
    name: '清渭县政务服务中心',
    divisionCode: COUNTY_DIVISION_CODE,
    address: '甘肃省清渭县城关镇人民西路168号政务服务中心大楼',
    phone: '0938-6821100',
    complaintPhone: '0938-6822345',
    hours: HOURS,
    sessions: WEEKDAY_SESSIONS,
  },
  {
    key: 'town1',
    parentKey: 'county',
    level: 'town',
    name: '清渭县龙泉镇便民服务中心',
    divisionCode: '620524101',
    address: '甘肃省清渭县龙泉镇龙泉街45号镇政府一楼',
    phone: '0938-6850012',
    complaintPhone: '0938-6850018',
    hours: HOURS,
    sessions: WEEKDAY_SESSIONS,
  },
  {
    key: 'village1',
    parentKey: 'town1',
    level: 'village',
    name: '龙泉镇柳树沟村便民服务站',
    divisionCode: '620524101201',
    address: '甘肃省清渭县龙泉镇柳树沟村村委会院内',
    phone: '0938-6851201',
    complaintPhone: '0938-6850018',
    hours: '周一至周五 上午9:00-12:00，下午14:00-17:30（农忙时节预约上门代办）',
    sessions: [
      { start: '09:00', end: '12:00' },
      { start: '14:00', end: '17:30' },
    ],
  },
  {
    key: 'village2',
    parentKey: 'town1',
    level: 'village',
    name: '龙泉镇石桥沟村便民代办点',
    divisionCode: '620524101202',
    address: '甘肃省清渭县龙泉镇石桥沟村党群服务中心',
    phone: '0938-6851202',
    complaintPhone: '0938-6850018',
    hours: '周一至周五 上午9:00-12:00，下午14:00-17:30（农忙时节预约上门代办）',
    sessions: [
      { start: '09:00', end: '12:00' },
      { start: '14:00', end: '17:30' },
    ],
  },
];

/** Agency points (代办点, §9): village centers whose agents hand cases to the town center above them. */
export interface DemoAgencyPoint { centerKey: string; handoverCenterKey: string }
export const agencyPoints: DemoAgencyPoint[] = [
  { centerKey: 'village1', handoverCenterKey: 'town1' },
  { centerKey: 'village2', handoverCenterKey: 'town1' },
];

export const departments: DemoDepartment[] = [
  { key: 'MZ', centerKey: 'county', name: '清渭县民政局', shortCode: 'MZ', phone: '0938-6821201' },
  { key: 'SC', centerKey: 'county', name: '清渭县市场监督管理局', shortCode: 'SC', phone: '0938-6821202' },
  { key: 'ZR', centerKey: 'county', name: '清渭县自然资源局', shortCode: 'ZR', phone: '0938-6821203' },
  { key: 'ZJ', centerKey: 'county', name: '清渭县住房和城乡建设局', shortCode: 'ZJ', phone: '0938-6821204' },
  { key: 'RS', centerKey: 'county', name: '清渭县人力资源和社会保障局', shortCode: 'RS', phone: '0938-6821205' },
  { key: 'GA', centerKey: 'county', name: '清渭县公安局', shortCode: 'GA', phone: '0938-6821206' },
  { key: 'WJ', centerKey: 'county', name: '清渭县卫生健康委员会', shortCode: 'WJ', phone: '0938-6821207' },
  { key: 'SW', centerKey: 'county', name: '国家税务总局清渭县税务局', shortCode: 'SW', phone: '0938-6821208' },
  { key: 'HB', centerKey: 'county', name: '天水市生态环境局清渭分局', shortCode: 'HB', phone: '0938-6821209' },
];

/** Short window names per department, as the hall signs show them. */
const DEPT_WINDOW_NAMES: Record<string, string> = {
  MZ: '民政局窗口',
  SC: '市场监管局窗口',
  ZR: '自然资源局窗口',
  ZJ: '住建局窗口',
  RS: '人社局窗口',
  GA: '公安局窗口',
  WJ: '卫健委窗口',
  SW: '税务局窗口',
  HB: '生态环境局窗口',
};

export const windows: DemoWindow[] = [
  // County hall, 1st floor: 无差别综合受理 + 主题专区
  { centerKey: 'county', number: 1, name: '综合受理窗口（一）', kind: 'comprehensive', floor: 1, note: '无差别综合受理，A岗' },
  { centerKey: 'county', number: 2, name: '综合受理窗口（二）', kind: 'comprehensive', floor: 1, note: '无差别综合受理，A岗' },
  { centerKey: 'county', number: 3, name: '综合受理窗口（三）', kind: 'comprehensive', floor: 1, note: '无差别综合受理，兼老年人、残疾人绿色通道' },
  { centerKey: 'county', number: 4, name: '企业开办专区', kind: 'themed', floor: 1, note: '企业开办“一件事”：登记、印章、发票、社保一窗通办' },
  { centerKey: 'county', number: 5, name: '工程建设项目审批专区', kind: 'themed', floor: 1, note: '工程建设项目并联审批、联审会议申请' },
  { centerKey: 'county', number: 6, name: '不动产登记专区', kind: 'themed', floor: 1, note: '不动产登记、交易、缴税一窗受理' },
  // County hall, 2nd floor: 部门专业窗口
  ...departments.map((d, i): DemoWindow => ({
    centerKey: 'county',
    number: 11 + i,
    name: DEPT_WINDOW_NAMES[d.key]!,
    kind: 'specialized',
    departmentKey: d.key,
    floor: 2,
  })),
  // Town center
  { centerKey: 'town1', number: 1, name: '便民服务中心综合窗口', kind: 'comprehensive', floor: 1, note: '镇级事项受理及县级事项代办' },
  { centerKey: 'town1', number: 2, name: '社保民政窗口', kind: 'themed', floor: 1, note: '劳动保障、民政低保、老龄事务' },
];

/** Window number of a department's specialized window in the county hall. */
export function deptWindowNumber(deptKey: string): number {
  const w = windows.find((x) => x.centerKey === 'county' && x.departmentKey === deptKey);
  if (!w) throw new Error(`no window for department ${deptKey}`);
  return w.number;
}

/** Department staff: coordinator, handler(s), chief representative, leader. */
interface DeptStaff {
  dept: string;
  coord: [username: string, name: string];
  handlers: [username: string, name: string][];
  chief: [username: string, name: string];
  leader: [username: string, name: string, title: string];
}

const DEPT_STAFF: DeptStaff[] = [
  { dept: 'MZ', coord: ['coord1', '刘芳'], handlers: [['handler1', '陈志刚'], ['mz_handler2', '苏晓东']], chief: ['chief1', '周丽华'], leader: ['leader1', '汪德明', '县民政局副局长'] },
  { dept: 'SC', coord: ['sc_coord', '赵晓红'], handlers: [['sc_handler', '孙建军'], ['sc_handler2', '蒲永强']], chief: ['sc_chief', '何文静'], leader: ['sc_leader', '马志远', '县市场监管局副局长'] },
  { dept: 'ZR', coord: ['zr_coord', '郭亚楠'], handlers: [['zr_handler', '巩海涛']], chief: ['zr_chief', '牛国栋'], leader: ['zr_leader', '裴永胜', '县自然资源局副局长'] },
  { dept: 'ZJ', coord: ['zj_coord', '杜娟'], handlers: [['zj_handler', '吕鹏飞'], ['zj_handler2', '安宏伟']], chief: ['zj_chief', '雷振东'], leader: ['zj_leader', '包建平', '县住建局副局长'] },
  { dept: 'RS', coord: ['rs_coord', '田小燕'], handlers: [['rs_handler', '韩磊']], chief: ['rs_chief', '温淑琴'], leader: ['rs_leader', '姚继红', '县人社局副局长'] },
  { dept: 'GA', coord: ['ga_coord', '冯晓军'], handlers: [['ga_handler', '邓斌']], chief: ['ga_chief', '石玉龙'], leader: ['ga_leader', '程卫东', '县公安局副局长'] },
  { dept: 'WJ', coord: ['wj_coord', '任婷婷'], handlers: [['wj_handler', '袁浩']], chief: ['wj_chief', '曹慧敏'], leader: ['wj_leader', '谢长青', '县卫健委副主任'] },
  { dept: 'SW', coord: ['sw_coord', '潘雅琴'], handlers: [['sw_handler', '罗俊']], chief: ['sw_chief', '董晓梅'], leader: ['sw_leader', '贾国华', '县税务局副局长'] },
  { dept: 'HB', coord: ['hb_coord', '康丽'], handlers: [['hb_handler', '邵明辉']], chief: ['hb_chief', '崔建林'], leader: ['hb_leader', '秦文斌', '生态环境分局副局长'] },
];

function deptShort(deptKey: string): string {
  return DEPT_WINDOW_NAMES[deptKey]!.replace(/窗口$/, '');
}

function staffUsers(s: DeptStaff): DemoUser[] {
  const win = deptWindowNumber(s.dept);
  const short = deptShort(s.dept);
  const base = { centerKey: 'county', departmentKey: s.dept } as const;
  return [
    { ...base, username: s.coord[0], displayName: s.coord[1], role: 'coordinator', windowNumber: win, note: `${short}全程办事人：分办、跟踪、复核本部门办件（${short}窗口A岗）` },
    ...s.handlers.map(([username, displayName], i): DemoUser => ({
      ...base, username, displayName, role: 'handler',
      note: `${short}具体办理人${s.handlers.length > 1 ? `（${i === 0 ? '一' : '二'}）` : ''}：承办审查、现场核查等环节`,
    })),
    { ...base, username: s.chief[0], displayName: s.chief[1], role: 'chiefRep', windowNumber: win, note: `${short}首席代表：窗口授权签批、督办单答复（${short}窗口B岗）` },
    { ...base, username: s.leader[0], displayName: s.leader[1], role: 'leader', note: `${s.leader[2]}（分管领导）：超出首席代表权限的签发、延期审批、领导现场办公` },
  ];
}

export const users: DemoUser[] = [
  // —— 县政务服务中心 ——
  { username: 'admin', displayName: '杨振华', role: 'centerAdmin', centerKey: 'county', phone: '13909381100', note: '县政务服务中心管理办公室主任：事项目录审核发布、窗口与人员配置、考核、投诉处理' },
  { username: 'admin2', displayName: '苏文静', role: 'centerAdmin', centerKey: 'county', note: '县政务服务中心管理办公室副主任：事项目录第二审核人（双人审核：admin编辑提交的事项由她审核发布）' },
  { username: 'party1', displayName: '陈建国', role: 'partySecretary', centerKey: 'county', phone: '13909381102', note: '机关党委专职副书记（党务）：党组织与换届、发展党员、三会一课、民主评议、党费、党务公开' },
  { username: 'super1', displayName: '魏国强', role: 'supervisor', centerKey: 'county', phone: '13909381101', note: '县纪委监委派驻监察：电子监察看板、催办督办、问责记录' },
  { username: 'window1', displayName: '李雪梅', role: 'receiver', centerKey: 'county', windowNumber: 1, note: '综合受理窗口（一）受理人：无差别受理、一次性告知、容缺受理演示' },
  { username: 'window2', displayName: '张婷', role: 'receiver', centerKey: 'county', windowNumber: 2, note: '综合受理窗口（二）受理人：无差别受理，与window1互为A/B岗' },
  { username: 'window3', displayName: '马晓燕', role: 'receiver', centerKey: 'county', windowNumber: 3, note: '综合受理窗口（三）受理人：绿色通道、预约签到' },
  { username: 'window4', displayName: '赵明', role: 'receiver', centerKey: 'county', windowNumber: 4, note: '企业开办专区受理人：企业开办“一件事”联办受理' },
  { username: 'window5', displayName: '王海燕', role: 'receiver', centerKey: 'county', windowNumber: 5, note: '工程建设项目审批专区受理人：施工许可并联审批受理' },
  { username: 'window6', displayName: '黄丽', role: 'receiver', centerKey: 'county', windowNumber: 6, note: '不动产登记专区受理人：不动产登记、缴费' },
  ...DEPT_STAFF.flatMap(staffUsers),
  // —— 龙泉镇便民服务中心 ——
  { username: 'town_admin', displayName: '吴永平', role: 'centerAdmin', centerKey: 'town1', phone: '13909385001', note: '龙泉镇便民服务中心主任：镇中心管理、代办月报' },
  { username: 'town_window1', displayName: '朱红霞', role: 'receiver', centerKey: 'town1', windowNumber: 1, note: '镇便民服务中心综合窗口受理人：镇级事项受理、县级事项代办转报' },
  { username: 'town_window2', displayName: '尚文杰', role: 'receiver', centerKey: 'town1', windowNumber: 2, note: '镇社保民政窗口受理人：低保、临时救助、高龄津贴受理' },
  // —— 村级便民服务站 / 代办点 ——
  { username: 'agent1', displayName: '柳成林', role: 'agent', centerKey: 'village1', phone: '13893801201', note: '柳树沟村代办员（村文书）：代办、陪办、咨办，填写代办交接单' },
  { username: 'agent2', displayName: '石秀英', role: 'agent', centerKey: 'village2', phone: '13893801202', note: '石桥沟村代办员：为留守老人、行动不便群众上门代办' },
  // —— 申请人 ——
  { username: 'citizen1', displayName: '王立军', role: 'applicant', centerKey: null, applicantKind: 'person', idNumber: '620524199005122336', phone: '13919385566', note: '自然人申请人：网上申报、查询进度、好差评、投诉' },
  { username: 'citizen2', displayName: '张桂兰', role: 'applicant', centerKey: null, applicantKind: 'person', idNumber: '620524194203081026', phone: '13993861208', note: '石桥沟村八旬老人：高龄津贴等经代办员agent2代办' },
  { username: 'citizen3', displayName: '李娜', role: 'applicant', centerKey: null, applicantKind: 'person', idNumber: '620524199310270220', phone: '18793842217', note: '自然人申请人：结婚登记、生育登记等即办件演示' },
  { username: 'company1', displayName: '清渭县丰禾农业科技有限公司', role: 'applicant', centerKey: null, applicantKind: 'organization', idNumber: '91620524MA74K3D709', phone: '13830897712', note: '法人申请人（统一社会信用代码）：食品经营许可、发票领用等' },
  { username: 'company2', displayName: '甘肃陇泰建设工程有限公司', role: 'applicant', centerKey: null, applicantKind: 'organization', idNumber: '91620524MA7J8Q5C1T', phone: '13909384420', note: '法人申请人：建筑工程施工许可（联办件、重点项目）演示' },
];

/** The ten accounts the demo script and the e2e tests rely on, with their roles. */
export const REQUIRED_ACCOUNTS: Record<string, Role> = {
  admin: 'centerAdmin',
  window1: 'receiver',
  coord1: 'coordinator',
  handler1: 'handler',
  chief1: 'chiefRep',
  leader1: 'leader',
  super1: 'supervisor',
  agent1: 'agent',
  citizen1: 'applicant',
  company1: 'applicant',
};

export function userByName(username: string): DemoUser {
  const u = users.find((x) => x.username === username);
  if (!u) throw new Error(`no demo user ${username}`);
  return u;
}

/** The department's chief representative (审批责任人 on the guides). */
export function chiefRepOf(deptKey: string): DemoUser {
  const u = users.find((x) => x.role === 'chiefRep' && x.departmentKey === deptKey);
  if (!u) throw new Error(`no chief representative for ${deptKey}`);
  return u;
}

export function leaderOf(deptKey: string): DemoUser {
  const u = users.find((x) => x.role === 'leader' && x.departmentKey === deptKey);
  if (!u) throw new Error(`no leader for ${deptKey}`);
  return u;
}

export function departmentByKey(key: string): DemoDepartment {
  const d = departments.find((x) => x.key === key);
  if (!d) throw new Error(`no department ${key}`);
  return d;
}

export function centerByKey(key: string): DemoCenter {
  const c = centers.find((x) => x.key === key);
  if (!c) throw new Error(`no center ${key}`);
  return c;
}

/** The specialized window name of a department (county hall). */
export function deptWindowName(deptKey: string): string {
  return DEPT_WINDOW_NAMES[deptKey]!;
}

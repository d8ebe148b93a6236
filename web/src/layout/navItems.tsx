/**
 * The role's menu: which entries a user sees (each module's own access rule) and which one
 * the current path belongs to. One table, in menu order; AppLayout shows it as the header
 * menu (visitors, applicants, agents) or the side menu (staff).
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { AppstoreOutlined, FileSearchOutlined, FolderOpenOutlined, FundOutlined, KeyOutlined, OrderedListOutlined, SafetyCertificateOutlined, SearchOutlined, TableOutlined } from '@ant-design/icons';
import type { StaffIconName } from './staffIcons';
import type { Me } from '../api/types';
import { canSeeDuty } from '../pages/duty/access';
import { canManageAccounts, canSeeParty, canIntake, canSeeAgency, canSeeStats, canSeeSupervision, canSeeCalendar, canSeeFilings, canSeeCatalog, canSeeWorklist, isApplicant } from '../auth/session';
import { canSeeFeedback } from '../pages/feedback/api';
import { canSeeAssessment } from '../pages/assessment/api';
import { HallNav, hallMenu } from '../pages/hall/nav';
import { zh } from '../lib/i18n';
import type { NavItem } from './PublicNav';

type User = Me | null | undefined;

const StaffIcon = lazy(() => import('./staffIcons'));
/**
 * A staff entry's icon, loaded with the first menu that shows one. antd's Menu gives the icon
 * element its class (`ant-menu-item-icon`): passed on to the icon itself.
 */
function LazyIcon({ name, className }: { name: StaffIconName; className?: string }) {
  return <Suspense fallback={<span className={`anticon ${className ?? ''}`} aria-hidden />}><StaffIcon name={name} className={className} /></Suspense>;
}
const staff = (name: StaffIconName) => <LazyIcon name={name} />;
type T = (zh: string) => string;

interface Entry { key: string; to: string; icon: ReactNode; label: (u: User) => string; show: (u: User) => boolean }

/** Portal pages anyone may open (domain §12): listed for visitors, applicants and agents; staff have 统计报表. */
const publicOnly = (u: User) => !u || isApplicant(u) || u.role === 'agent';

const BEFORE_HALL: Entry[] = [
  { key: 'portal', to: '/', icon: <FileSearchOutlined />, label: () => zh('办事指南'), show: () => true },
  { key: 'intake', to: '/workbench/intake', icon: staff('form'), label: () => zh('窗口受理'), show: (u) => canIntake(u) },
  { key: 'cases', to: '/workbench/cases', icon: staff('audit'), label: () => zh('办件'), show: (u) => canSeeWorklist(u) },
  { key: 'agency', to: '/agency', icon: staff('team'), label: (u) => (u?.role === 'agent' ? zh('代办工作台') : zh('代办管理')), show: (u) => canSeeAgency(u) },
  { key: 'my-cases', to: '/my/cases', icon: <FolderOpenOutlined />, label: () => zh('我的办件'), show: (u) => isApplicant(u) },
  { key: 'my-bookings', to: '/my/bookings', icon: <FolderOpenOutlined />, label: () => zh('我的预约'), show: (u) => isApplicant(u) },
  { key: 'my-licences', to: '/my/licences', icon: <SafetyCertificateOutlined />, label: () => zh('我的证照'), show: (u) => isApplicant(u) },
  { key: 'catalog', to: '/admin/catalog', icon: staff('profile'), label: () => zh('事项管理'), show: (u) => canSeeCatalog(u) },
  { key: 'admin-things', to: '/admin/things', icon: staff('profile'), label: () => zh('一件事管理'), show: (u) => canSeeCatalog(u) },
  { key: 'filings', to: '/admin/filings', icon: staff('audit'), label: () => zh('否定备案'), show: (u) => canSeeFilings(u) },
  { key: 'supervision', to: '/supervision', icon: staff('alert'), label: () => zh('电子监察'), show: (u) => canSeeSupervision(u) },
  { key: 'supervision-reports', to: '/supervision/reports', icon: staff('fileText'), label: () => zh('监察通报'), show: (u) => canSeeSupervision(u) },
  { key: 'fees', to: '/admin/fees', icon: staff('accountBook'), label: () => zh('收费管理'), show: (u) => u?.role === 'centerAdmin' },
  { key: 'feedback', to: '/feedback', icon: staff('like'), label: () => zh('好差评'), show: (u) => canSeeFeedback(u) },
  { key: 'assessment', to: '/assessment', icon: staff('trophy'), label: () => zh('考核'), show: (u) => canSeeAssessment(u) },
  { key: 'stats-report', to: '/admin/stats', icon: staff('barChart'), label: () => zh('统计报表'), show: (u) => canSeeStats(u) },
  { key: 'duty', to: '/duty', icon: staff('calendar'), label: () => zh('值班与考勤'), show: (u) => canSeeDuty(u) },
  { key: 'party', to: '/party', icon: staff('flag'), label: () => zh('机关党建'), show: (u) => canSeeParty(u) },
  { key: 'accounts', to: '/admin/accounts', icon: staff('idcard'), label: () => zh('账号管理'), show: (u) => canManageAccounts(u) },
  { key: 'calendar', to: '/admin/calendar', icon: staff('calendar'), label: () => zh('工作日历'), show: (u) => canSeeCalendar(u) },
];

const AFTER_HALL: Entry[] = [
  { key: 'progress', to: '/progress', icon: <SearchOutlined />, label: () => zh('进度查询'), show: () => true },
  { key: 'things', to: '/things', icon: <AppstoreOutlined />, label: () => zh('一件事一次办'), show: publicOnly },
  { key: 'board', to: '/board', icon: <TableOutlined />, label: () => zh('挂牌销号'), show: publicOnly },
  { key: 'public-stats', to: '/stats', icon: <FundOutlined />, label: () => zh('办件统计'), show: publicOnly },
];

/** 长辈版 has no drop-downs (工信部 适老化): the user menu's 修改密码 becomes a menu entry. */
const PASSWORD: Entry = { key: 'password', to: '/account/password', icon: <KeyOutlined />, label: () => zh('修改密码'), show: (u) => !!u };

export function navItems(user: User, t: T, elderly = false): NavItem[] {
  const link = (e: Entry): NavItem => ({ key: e.key, icon: e.icon, label: <Link to={e.to} data-testid={`nav-${e.key}`}>{t(e.label(user))}</Link> });
  return [
    ...BEFORE_HALL.filter((e) => e.show(user)).map(link),
    ...hallMenu(user).map((h) => ({ key: h.key, icon: <OrderedListOutlined />, label: <HallNav to={h.to} testId={h.testId} zh={h.zh} /> })),
    ...AFTER_HALL.filter((e) => e.show(user)).map(link),
    ...(elderly && PASSWORD.show(user) ? [link(PASSWORD)] : []),
  ];
}

/** Path prefixes and their menu entry, most specific first. */
const SECTIONS: [prefix: string, key: string][] = [
  ['/feedback', 'feedback'], ['/supervision/reports', 'supervision-reports'], ['/supervision', 'supervision'], ['/assessment', 'assessment'],
  ['/admin/fees', 'fees'], ['/admin/stats', 'stats-report'], ['/admin/catalog', 'catalog'], ['/admin/things', 'admin-things'], ['/duty', 'duty'], ['/admin/accounts', 'accounts'],
  ['/admin/calendar', 'calendar'], ['/agency', 'agency'], ['/party', 'party'], ['/workbench/intake', 'intake'], ['/workbench/cases', 'cases'],
  ['/things', 'things'], ['/account/password', 'password'], ['/my/bookings', 'my-bookings'], ['/my/licences', 'my-licences'], ['/my/cases', 'my-cases'], ['/progress', 'progress'],
];

/** The menu entry the path belongs to (a case page is under 办件 for staff, 我的办件 for applicants). */
export function selectedKey(path: string, user: User): string {
  if (path.startsWith('/hall/')) return hallMenu(user).find((h) => path.startsWith(h.to))?.key ?? '';
  if (path === '/board') return 'board';
  if (path === '/stats') return 'public-stats';
  if (path.startsWith('/cases/')) return isApplicant(user) ? 'my-cases' : 'cases';
  return SECTIONS.find(([prefix]) => path.startsWith(prefix))?.[1] ?? 'portal';
}

/**
 * Page frame: header with the brand and the user, the role's menu, content, footer.
 * Visitors and applicants have a handful of entries: a horizontal menu in the header.
 * Staff have a dozen or more (a center admin sees every module), which a header cannot
 * hold without hiding some behind "…": theirs is a side menu that shows them all.
 */
import { Button, Layout } from 'antd';
import {
  AlertOutlined,
  AuditOutlined,
  FlagOutlined,
  TeamOutlined,
  BarChartOutlined,
  CalendarOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  FormOutlined,
  FundOutlined,
  LikeOutlined,
  OrderedListOutlined,
  LogoutOutlined,
  ProfileOutlined,
  SearchOutlined,
  TableOutlined,
  TrophyOutlined,
  FileTextOutlined,
  AccountBookOutlined,
  IdcardOutlined,
  AppstoreOutlined,
} from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { PublicNav, type NavItem } from './PublicNav';
import { lazy, Suspense } from 'react';
import { FullPageSpin } from '../auth/session';
import { useLang, useT } from '../lib/i18n';
import { useDisplay } from '../lib/display';
import { canSeeDuty } from '../pages/duty/access';
import { canManageAccounts, canSeeParty, canIntake, canSeeAgency, canSeeStats, canSeeSupervision, canSeeCalendar, canSeeFilings, canSeeCatalog, canSeeWorklist, isApplicant, useSession } from '../auth/session';
import { canSeeFeedback } from '../pages/feedback/api';
import { canSeeAssessment } from '../pages/assessment/api';
import { HallNav, hallMenu } from '../pages/hall/nav';

const { Header, Content, Footer, Sider } = Layout;

// Signed-in parts of the frame load with the first page that shows them, not on the portal home.
const NotificationBell = lazy(() => import('../components/NotificationBell').then((m) => ({ default: m.NotificationBell })));
const UserMenu = lazy(() => import('./UserMenu').then((m) => ({ default: m.UserMenu })));
const StaffMenu = lazy(() => import('./StaffMenu').then((m) => ({ default: m.StaffMenu })));
const CalendarWarningBanner = lazy(() => import('../pages/admin/CalendarYearPanel').then((m) => ({ default: m.CalendarWarningBanner })));

/** 中文/EN and 长辈版 (适老化) switches: on every page, remembered in localStorage. */
function DisplaySwitches() {
  const t = useT();
  const { lang, setLang } = useLang();
  const { elderly, setElderly } = useDisplay();
  return (
    <span className="bs-switches">
      <Button
        size="small"
        className={`bs-switch${elderly ? ' bs-switch-on' : ''}`}
        aria-pressed={elderly}
        onClick={() => setElderly(!elderly)}
        data-testid="elderly-switch"
        title={t('适老化模式：大字体、高对比度')}
      >
        {elderly ? t('标准版') : t('长辈版')}
      </Button>
      <Button
        size="small"
        className="bs-switch"
        onClick={() => setLang(lang === 'en' ? 'zh' : 'en')}
        data-testid="lang-switch"
        lang={lang === 'en' ? 'zh-CN' : 'en'}
        title={lang === 'en' ? '切换到中文' : 'Switch to English'}
      >
        {lang === 'en' ? '中文' : 'EN'}
      </Button>
    </span>
  );
}

export function AppLayout() {
  const t = useT();
  const { user, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();

  const items: NavItem[] = [
    {
      key: 'portal',
      icon: <FileSearchOutlined />,
      label: (
        <Link to="/" data-testid="nav-portal">
          {t('办事指南')}
        </Link>
      ),
    },
  ];
  if (canIntake(user)) {
    items.push({
      key: 'intake',
      icon: <FormOutlined />,
      label: (
        <Link to="/workbench/intake" data-testid="nav-intake">
          {t('窗口受理')}
        </Link>
      ),
    });
  }
  if (canSeeWorklist(user)) {
    items.push({
      key: 'cases',
      icon: <AuditOutlined />,
      label: (
        <Link to="/workbench/cases" data-testid="nav-cases">
          {t('办件')}
        </Link>
      ),
    });
  }
  if (canSeeAgency(user)) {
    items.push({
      key: 'agency',
      icon: <TeamOutlined />,
      label: (
        <Link to="/agency" data-testid="nav-agency">
          {user?.role === 'agent' ? t('代办工作台') : t('代办管理')}
        </Link>
      ),
    });
  }
  if (isApplicant(user)) {
    items.push({
      key: 'my-cases',
      icon: <FolderOpenOutlined />,
      label: (
        <Link to="/my/cases" data-testid="nav-my-cases">
          {t('我的办件')}
        </Link>
      ),
    });
    items.push({ key: 'my-bookings', icon: <FolderOpenOutlined />, label: <Link to="/my/bookings" data-testid="nav-my-bookings">{t('我的预约')}</Link> });
  }
  if (canSeeCatalog(user)) {
    items.push({
      key: 'catalog',
      icon: <ProfileOutlined />,
      label: (
        <Link to="/admin/catalog" data-testid="nav-catalog">
          {t('事项管理')}
        </Link>
      ),
    });
  }
  if (canSeeFilings(user)) {
    items.push({
      key: 'filings',
      icon: <AuditOutlined />,
      label: (
        <Link to="/admin/filings" data-testid="nav-filings">
          {t('否定备案')}
        </Link>
      ),
    });
  }
  if (canSeeSupervision(user)) {
    items.push({
      key: 'supervision',
      icon: <AlertOutlined />,
      label: (
        <Link to="/supervision" data-testid="nav-supervision">
          {t('电子监察')}
        </Link>
      ),
    });
    items.push({
      key: 'supervision-reports',
      icon: <FileTextOutlined />,
      label: (
        <Link to="/supervision/reports" data-testid="nav-supervision-reports">
          {t('监察通报')}
        </Link>
      ),
    });
  }
  if (user?.role === 'centerAdmin') {
    items.push({
      key: 'fees',
      icon: <AccountBookOutlined />,
      label: (
        <Link to="/admin/fees" data-testid="nav-fees">
          {t('收费管理')}
        </Link>
      ),
    });
  }
  if (canSeeFeedback(user)) {
    items.push({
      key: 'feedback',
      icon: <LikeOutlined />,
      label: (
        <Link to="/feedback" data-testid="nav-feedback">
          {t('好差评')}
        </Link>
      ),
    });
  }
  if (canSeeAssessment(user)) {
    items.push({
      key: 'assessment',
      icon: <TrophyOutlined />,
      label: (
        <Link to="/assessment" data-testid="nav-assessment">
          {t('考核')}
        </Link>
      ),
    });
  }
  if (canSeeStats(user)) {
    items.push({
      key: 'stats-report',
      icon: <BarChartOutlined />,
      label: (
        <Link to="/admin/stats" data-testid="nav-stats-report">
          {t('统计报表')}
        </Link>
      ),
    });
  }
  if (canSeeDuty(user)) {
    items.push({
      key: 'duty',
      icon: <CalendarOutlined />,
      label: (
        <Link to="/duty" data-testid="nav-duty">
          {t('值班与考勤')}
        </Link>
      ),
    });
  }
  if (canSeeParty(user)) {
    items.push({
      key: 'party',
      icon: <FlagOutlined />,
      label: (
        <Link to="/party" data-testid="nav-party">
          {t('机关党建')}
        </Link>
      ),
    });
  }
  if (canManageAccounts(user)) {
    items.push({
      key: 'accounts',
      icon: <IdcardOutlined />,
      label: (
        <Link to="/admin/accounts" data-testid="nav-accounts">
          {t('账号管理')}
        </Link>
      ),
    });
  }
  if (canSeeCalendar(user)) {
    items.push({
      key: 'calendar',
      icon: <CalendarOutlined />,
      label: (
        <Link to="/admin/calendar" data-testid="nav-calendar">
          {t('工作日历')}
        </Link>
      ),
    });
  }

  for (const h of hallMenu(user)) items.push({ key: h.key, icon: <OrderedListOutlined />, label: <HallNav to={h.to} testId={h.testId} zh={h.zh} /> });

  items.push({
    key: 'progress',
    icon: <SearchOutlined />,
    label: (
      <Link to="/progress" data-testid="nav-progress">
        {t('进度查询')}
      </Link>
    ),
  });

  // Portal pages anyone may open (domain §12: the public board and statistics). Listed for
  // visitors and applicants; back-office menus are long already, and staff have 统计报表.
  if (!user || isApplicant(user) || user.role === 'agent') items.push(
    {
      key: 'things',
      icon: <AppstoreOutlined />,
      label: (
        <Link to="/things" data-testid="nav-things">
          {t('一件事一次办')}
        </Link>
      ),
    },
    {
      key: 'board',
      icon: <TableOutlined />,
      label: (
        <Link to="/board" data-testid="nav-board">
          {t('挂牌销号')}
        </Link>
      ),
    },
    {
      key: 'public-stats',
      icon: <FundOutlined />,
      label: (
        <Link to="/stats" data-testid="nav-public-stats">
          {t('办件统计')}
        </Link>
      ),
    },
  );

  const path = location.pathname;
  const selected = path.startsWith('/hall/')
    ? hallMenu(user).find((h) => path.startsWith(h.to))?.key ?? ''
    : path.startsWith('/feedback')
    ? 'feedback'
    : path.startsWith('/supervision/reports')
    ? 'supervision-reports'
    : path.startsWith('/supervision')
    ? 'supervision'
    : path.startsWith('/assessment')
    ? 'assessment'
    : path.startsWith('/admin/fees')
    ? 'fees'
    : path.startsWith('/admin/stats')
    ? 'stats-report'
    : path.startsWith('/things')
      ? 'things'
    : path === '/board'
      ? 'board'
      : path === '/stats'
        ? 'public-stats'
        : path.startsWith('/admin/catalog')
    ? 'catalog'
    : path.startsWith('/duty')
    ? 'duty'
    : path.startsWith('/admin/accounts')
      ? 'accounts'
    : path.startsWith('/admin/calendar')
      ? 'calendar'
      : path.startsWith('/agency')
        ? 'agency'
        : path.startsWith('/party')
        ? 'party'
        : path.startsWith('/workbench/intake')
          ? 'intake'
          : path.startsWith('/workbench/cases') || (path.startsWith('/cases/') && !isApplicant(user))
            ? 'cases'
            : path.startsWith('/my/bookings')
            ? 'my-bookings'
            : path.startsWith('/my/cases') || path.startsWith('/cases/')
              ? 'my-cases'
              : path.startsWith('/progress')
                ? 'progress'
                : 'portal';
  const selectedKeys = path.startsWith('/notifications') ? [] : [selected];
  const sideMenu = !!user && !isApplicant(user) && user.role !== 'agent';
  const org = user ? [user.centerName, user.departmentName].filter(Boolean).join(' · ') : '';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header className="bs-header">
        <Link to="/" className="bs-brand" data-testid="brand">
          <span className="bs-brand-mark">{t('办')}</span>
          <span className="bs-brand-text">{t('政务服务中心')}</span>
        </Link>
        {sideMenu ? <div className="bs-menu" /> : <PublicNav items={items} selected={selected} />}
        <div className="bs-user">
          <DisplaySwitches />
          {/* Every signed-in user: staff get assignments and orders; applicants whatever in-app notices reach them. */}
          {user && <Suspense fallback={null}><NotificationBell /></Suspense>}
          {user ? (
            <Suspense fallback={null}>
              <UserMenu user={user} org={org} onLogout={async () => { await logout(); navigate('/login', { replace: true }); }} />
            </Suspense>
          ) : user === null ? (
            <Button className="bs-login-link" onClick={() => navigate('/login')} data-testid="login-link">
              {t('登录')}
            </Button>
          ) : null}
          {user && (
            <Button
              type="text"
              icon={<LogoutOutlined />}
              className="bs-logout"
              data-testid="logout-button"
              onClick={async () => {
                await logout();
                navigate('/login', { replace: true });
              }}
            >
              {t('退出')}
            </Button>
          )}
        </div>
      </Header>
      <Layout>
        {sideMenu && (
          <Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0} className="bs-sider" data-testid="side-menu">
            <Suspense fallback={null}><StaffMenu items={items} selected={selectedKeys} /></Suspense>
          </Sider>
        )}
        <Layout>
          <Content className="bs-content">
            {user && (user.role === 'centerAdmin' || user.role === 'supervisor') && <Suspense fallback={null}><CalendarWarningBanner /></Suspense>}
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </Content>
          <Footer style={{ textAlign: 'center', color: '#595959' }}>{t('办事 · 政务服务中心 — 一窗受理 · 限时办结 · 阳光政务')}</Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}

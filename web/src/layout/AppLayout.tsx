/**
 * Page frame: header with the brand and the user, the role's menu, content, footer.
 * Visitors and applicants have a handful of entries: a horizontal menu in the header.
 * Staff have a dozen or more (a center admin sees every module), which a header cannot
 * hold without hiding some behind "…": theirs is a side menu that shows them all.
 */
import { Button, Layout } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { PublicNav } from './PublicNav';
import { lazy, Suspense } from 'react';
import { FullPageSpin } from '../auth/session';
import { useT } from '../lib/i18n';
import { isApplicant, useSession } from '../auth/session';
import { DisplaySwitches } from './DisplaySwitches';
import { useDisplay } from '../lib/display';
import './layout.css';
import { navItems, selectedKey } from './navItems';

const { Header, Content, Footer, Sider } = Layout;

// Signed-in parts of the frame load with the first page that shows them, not on the portal home.
const NotificationBell = lazy(() => import('../components/NotificationBell').then((m) => ({ default: m.NotificationBell })));
const UserMenu = lazy(() => import('./UserMenu').then((m) => ({ default: m.UserMenu })));
const StaffMenu = lazy(() => import('./StaffMenu').then((m) => ({ default: m.StaffMenu })));
const CalendarWarningBanner = lazy(() => import('../pages/admin/CalendarYearPanel').then((m) => ({ default: m.CalendarWarningBanner })));

export function AppLayout() {
  const t = useT();
  const { user, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const { elderly } = useDisplay();
  const items = navItems(user, t, elderly);

  const path = location.pathname;
  const selected = selectedKey(path, user);
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

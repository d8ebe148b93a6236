/** Page frame: header with the role's menus and the user, content, footer. */
import { Button, Dropdown, Layout, Menu, Space, Tag, Typography } from 'antd';
import {
  AlertOutlined,
  AuditOutlined,
  TeamOutlined,
  BarChartOutlined,
  CalendarOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  FormOutlined,
  FundOutlined,
  LikeOutlined,
  LogoutOutlined,
  ProfileOutlined,
  SearchOutlined,
  TableOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { MenuProps } from 'antd';
import { NotificationBell } from '../components/NotificationBell';
import { canSeeFeedback } from '../pages/feedback/api';
import { canIntake, canSeeAgency, canSeeStats, canSeeSupervision, canSeeCalendar, canSeeFilings, canSeeCatalog, canSeeWorklist, isApplicant, useSession } from '../auth/session';

const { Header, Content, Footer } = Layout;

export function AppLayout() {
  const { user, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();

  const items: MenuProps['items'] = [
    {
      key: 'portal',
      icon: <FileSearchOutlined />,
      label: (
        <Link to="/" data-testid="nav-portal">
          办事指南
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
          窗口受理
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
          办件
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
          {user?.role === 'agent' ? '代办工作台' : '代办管理'}
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
          我的办件
        </Link>
      ),
    });
  }
  if (canSeeCatalog(user)) {
    items.push({
      key: 'catalog',
      icon: <ProfileOutlined />,
      label: (
        <Link to="/admin/catalog" data-testid="nav-catalog">
          事项管理
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
          否定备案
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
          电子监察
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
          好差评
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
          统计报表
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
          工作日历
        </Link>
      ),
    });
  }

  items.push({
    key: 'progress',
    icon: <SearchOutlined />,
    label: (
      <Link to="/progress" data-testid="nav-progress">
        进度查询
      </Link>
    ),
  });

  // Portal pages anyone may open (domain §12: the public board and statistics). Listed for
  // visitors and applicants; back-office menus are long already, and staff have 统计报表.
  if (!user || isApplicant(user) || user.role === 'agent') items.push(
    {
      key: 'board',
      icon: <TableOutlined />,
      label: (
        <Link to="/board" data-testid="nav-board">
          挂牌销号
        </Link>
      ),
    },
    {
      key: 'public-stats',
      icon: <FundOutlined />,
      label: (
        <Link to="/stats" data-testid="nav-public-stats">
          办件统计
        </Link>
      ),
    },
  );

  const path = location.pathname;
  const selected = path.startsWith('/feedback')
    ? 'feedback'
    : path.startsWith('/supervision')
    ? 'supervision'
    : path.startsWith('/admin/stats')
    ? 'stats-report'
    : path === '/board'
      ? 'board'
      : path === '/stats'
        ? 'public-stats'
        : path.startsWith('/admin/catalog')
    ? 'catalog'
    : path.startsWith('/admin/calendar')
      ? 'calendar'
      : path.startsWith('/agency')
        ? 'agency'
        : path.startsWith('/workbench/intake')
          ? 'intake'
          : path.startsWith('/workbench/cases') || (path.startsWith('/cases/') && !isApplicant(user))
            ? 'cases'
            : path.startsWith('/my/cases') || path.startsWith('/cases/')
              ? 'my-cases'
              : path.startsWith('/progress')
                ? 'progress'
                : 'portal';
  const org = user ? [user.centerName, user.departmentName].filter(Boolean).join(' · ') : '';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header className="bs-header">
        <Link to="/" className="bs-brand" data-testid="brand">
          <span className="bs-brand-mark">办</span>
          <span className="bs-brand-text">政务服务中心</span>
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={path.startsWith('/notifications') ? [] : [selected]}
          items={items}
          className="bs-menu"
          data-testid="main-menu"
        />
        <div className="bs-user">
          {/* Every signed-in user: staff get assignments and orders; applicants whatever in-app notices reach them. */}
          {user && <NotificationBell />}
          {user ? (
            <Dropdown
              menu={{
                items: [
                  { key: 'org', label: org || '—', disabled: true },
                  { type: 'divider' },
                  {
                    key: 'logout',
                    icon: <LogoutOutlined />,
                    label: <span data-testid="logout-menu-item">退出登录</span>,
                    onClick: async () => {
                      await logout();
                      navigate('/login', { replace: true });
                    },
                  },
                ],
              }}
            >
              <Space size={8} style={{ cursor: 'pointer' }} data-testid="header-user">
                <UserOutlined />
                <span data-testid="header-user-name">{user.displayName}</span>
                <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="header-role">
                  {user.roleLabel}
                </Tag>
                {org && (
                  <Typography.Text className="bs-org" data-testid="header-org">
                    {org}
                  </Typography.Text>
                )}
              </Space>
            </Dropdown>
          ) : user === null ? (
            <Button type="primary" ghost onClick={() => navigate('/login')} data-testid="login-link">
              登录
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
              退出
            </Button>
          )}
        </div>
      </Header>
      <Content className="bs-content">
        <Outlet />
      </Content>
      <Footer style={{ textAlign: 'center', color: '#8c8c8c' }}>办事 · 政务服务中心 — 一窗受理 · 限时办结 · 阳光政务</Footer>
    </Layout>
  );
}

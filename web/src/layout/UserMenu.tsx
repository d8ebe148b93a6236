/**
 * The signed-in user's name, role and org in the header, with 修改密码 and logout in a drop-down;
 * loaded only once signed in. In 长辈版 (no pop-ups) it is plain text: 修改密码 is then a menu
 * entry (navItems.tsx) and 退出 the header's own button.
 */
import { Dropdown, Space, Tag, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { Me } from '../api/types';
import { useT } from '../lib/i18n';
import { useDisplay } from '../lib/display';

export function UserMenu({ user, org, onLogout }: { user: Me; org: string; onLogout: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { elderly } = useDisplay();
  const who = (
    <Space size={8} style={{ cursor: elderly ? undefined : 'pointer' }} data-testid="header-user">
      <UserOutlined />
      <span data-testid="header-user-name" translate="no">{user.displayName}</span>
      <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="header-role">
        {t(user.roleLabel)}
      </Tag>
      {org && (
        <Typography.Text className="bs-org" data-testid="header-org" translate="no">
          {org}
        </Typography.Text>
      )}
    </Space>
  );
  if (elderly) return who;
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'org', label: <span translate="no">{org || '—'}</span>, disabled: true },
          { type: 'divider' },
          { key: 'password', icon: <KeyOutlined />, label: <span data-testid="change-password-menu-item">{t('修改密码')}</span>, onClick: () => navigate('/account/password') },
          { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout-menu-item">{t('退出登录')}</span>, onClick: onLogout },
        ],
      }}
    >
      {who}
    </Dropdown>
  );
}

import { useEffect, useState, type HTMLAttributes } from 'react';
import { Alert, Button, Card, Form, Input, Table, Tag, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../api/client';
import type { DemoAccount, DemoAccountsResponse, Me } from '../api/types';
import { homeFor, mayOpen, useSession } from '../auth/session';
import { errorText } from '../lib/feedback';
import { useT } from '../lib/i18n';

const DEMO_PASSWORD = 'banshi123';

/** Only follow `next` to a path inside the app, never an absolute URL. */
function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}

export function LoginPage() {
  const t = useT();
  const { user, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<string | null>(null);
  /** A lockout (account or address): its message says until when. */
  const [locked, setLocked] = useState(false);
  const [busy, setBusy] = useState(false);

  const demo = useQuery({
    queryKey: ['demo-accounts'],
    queryFn: () => api.get<DemoAccountsResponse>('/api/demo/accounts'),
    retry: false,
    staleTime: Infinity,
  });

  useEffect(() => {
    document.title = t('登录 · 政务服务中心');
  }, []);

  const target = (me: Me) => {
    const next = safeNext(params.get('next'));
    return next && mayOpen(me, next) ? next : homeFor(me);
  };
  const after = (me: Me) => navigate(target(me), { replace: true });

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    setLocked(false);
    try {
      const me = await login(values.username.trim(), values.password);
      after(me);
    } catch (e) {
      if (e instanceof ApiError && e.details.length) {
        form.setFields(
          e.details
            .filter((d) => d.field === 'username' || d.field === 'password')
            .map((d) => ({ name: d.field as 'username' | 'password', errors: [d.messageZh || d.message || ''] })),
        );
      }
      setLocked(e instanceof ApiError && (e.code === 'account_locked' || e.code === 'too_many_attempts'));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const demoPassword = demo.data?.password || DEMO_PASSWORD;
  const fill = (username: string) => {
    form.setFieldsValue({ username, password: demoPassword });
    setError(null);
  };

  if (user) {
    // Already logged in (e.g. navigated back to /login).
    return <Navigate to={target(user)} replace />;
  }

  const accounts = demo.data?.accounts ?? [];

  return (
    <div className="bs-login">
      <Card className="bs-login-card" title={<span data-testid="login-title">{t('登录政务服务平台')}</span>}>
        {error && <Alert type={locked ? 'warning' : 'error'} showIcon title={error} style={{ marginBottom: 16 }} data-testid={locked ? 'login-locked' : 'login-error'} />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
          <Form.Item name="username" label={t('用户名')} rules={[{ required: true, message: t('请输入用户名') }]}>
            <Input prefix={<UserOutlined />} placeholder={t('用户名')} autoComplete="username" data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('密码')} rules={[{ required: true, message: t('请输入密码') }]}>
            <Input.Password prefix={<LockOutlined />} placeholder={t('密码')} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('登录')}
          </Button>
        </Form>
      </Card>

      {accounts.length > 0 && (
        <Card
          className="bs-login-card bs-demo-card"
          title={t('演示账号')}
          extra={<Typography.Text type="secondary">{t('密码均为 {password}，点击一行即可填入', { password: demoPassword })}</Typography.Text>}
          data-testid="demo-accounts"
        >
          <Table<DemoAccount>
            size="small"
            rowKey="username"
            pagination={false}
            scroll={{ x: 600 }}
            dataSource={accounts}
            onRow={(r) => ({ onClick: () => fill(r.username), style: { cursor: 'pointer' }, 'data-testid': `demo-row-${r.username}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('角色'), dataIndex: 'roleLabel', width: 120, render: (v: string) => <Tag color="blue">{t(v)}</Tag> },
              { title: t('姓名'), dataIndex: 'displayName', width: 100 },
              { title: t('用户名'), dataIndex: 'username', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
              { title: t('说明'), dataIndex: 'note', ellipsis: true },
              {
                title: '',
                key: 'op',
                width: 150,
                render: (_: unknown, r) => (
                  <span onClick={(e) => e.stopPropagation()}>
                    <Button size="small" type="link" onClick={() => fill(r.username)} data-testid={`demo-fill-${r.username}`}>
                      {t('填入')}
                    </Button>
                    <Button size="small" type="link" onClick={() => void submit({ username: r.username, password: demoPassword })} data-testid={`demo-login-${r.username}`}>
                      {t('直接登录')}
                    </Button>
                  </span>
                ),
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
}

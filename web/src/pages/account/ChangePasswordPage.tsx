/**
 * 修改密码. Forced: an account an admin created or reset shows only this (the server answers
 * nothing else until the password is changed — src/core/auth/policy.ts). Otherwise reached
 * from the user menu.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { homeFor, useSession } from '../../auth/session';
import { applyFieldErrors, errorText, showSuccess } from '../../lib/feedback';
import { useT } from '../../lib/i18n';

/** The server's rule (src/core/auth/passwordRules.ts) checked again there; this only spares a round trip. */
const MIN_LENGTH = 10;

interface Values { currentPassword: string; newPassword: string; confirm: string }

export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const t = useT();
  const { user, changePassword, logout } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = t('修改密码 · 政务服务中心');
  }, []);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const me = await changePassword(v.currentPassword, v.newPassword);
      showSuccess(t('密码已修改'));
      navigate(forced ? homeFor(me) : '/', { replace: true });
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      setError(rest.length ? rest.join('；') : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="bs-login" data-testid="change-password-page">
      <Card className="bs-login-card" title={<span data-testid="change-password-title">{forced ? t('首次登录，请修改初始密码') : t('修改密码')}</span>}>
        {forced && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('{name}，您的账号使用的是管理员设置的初始密码。修改密码后才能使用系统。', { name: user?.displayName ?? '' })}
            data-testid="change-password-forced"
          />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="change-password-error" />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="currentPassword" label={forced ? t('初始密码') : t('当前密码')} rules={[{ required: true, message: t('请输入当前密码') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('新密码')}
            extra={t('至少{n}位，包含字母、数字、符号中的至少两类，不含用户名', { n: MIN_LENGTH })}
            rules={[{ required: true, message: t('请输入新密码') }, { min: MIN_LENGTH, message: t('密码至少需要{n}位', { n: MIN_LENGTH }) }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('确认新密码')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('请再次输入新密码') },
              ({ getFieldValue }) => ({
                validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('两次输入的新密码不一致')))),
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="confirm-password" />
          </Form.Item>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="change-password-submit">
              {t('修改密码')}
            </Button>
            {forced ? (
              <Button
                type="link"
                onClick={async () => {
                  await logout();
                  navigate('/login', { replace: true });
                }}
                data-testid="change-password-logout"
              >
                {t('退出登录')}
              </Button>
            ) : (
              <Typography.Link onClick={() => navigate(-1)}>{t('返回')}</Typography.Link>
            )}
          </Space>
        </Form>
      </Card>
    </div>
  );
}

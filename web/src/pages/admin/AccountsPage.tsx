/**
 * 账号管理: a center admin creates staff accounts of their center and the centers below
 * (the initial password is shown once and must be changed at the first sign-in), resets
 * passwords, deactivates and reactivates accounts. Scope and checks are on the server.
 */
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, Button, type ButtonProps, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { applyFieldErrors, showError, showSuccess } from '../../lib/feedback';
import { Data, useT } from '../../lib/i18n';
import { DEPARTMENT_ROLES, type Role } from '../../../../src/core/auth/roles';

interface Account {
  id: string; username: string; displayName: string; role: Role; roleLabel: string; centerId: string; centerName: string;
  departmentId: string | null; departmentName: string | null; windowId: string | null; windowName: string | null;
  active: boolean; mustChangePassword: boolean; createdAt: string;
}
interface Options {
  centers: { id: string; name: string; level: string }[];
  departments: { id: string; name: string; centerId: string }[];
  windows: { id: string; number: number; name: string; centerId: string; departmentId: string | null }[];
  roles: { value: Role; label: string }[];
}
interface NewAccount { username: string; displayName: string; role: Role; centerId: string; departmentId?: string; windowId?: string }
interface WithPassword { account: Account; initialPassword: string }

/** Must match src/core/auth/accountRules.ts (WINDOW_ROLES). */
const WINDOW_ROLES: Role[] = ['receiver', 'coordinator', 'handler', 'chiefRep'];

export function AccountsPage() {
  const t = useT();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [centerId, setCenterId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<WithPassword | null>(null);
  useEffect(() => {
    document.title = t('账号管理 · 政务服务中心');
  }, []);

  const options = useQuery({ queryKey: ['account-options'], queryFn: () => api.get<Options>('/api/accounts/options') });
  const list = useQuery({
    queryKey: ['accounts', centerId, q],
    queryFn: ({ signal }) => api.get<{ items: Account[] }>('/api/accounts', { centerId, q }, signal),
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: ['accounts'] });

  const act = async (a: Account, action: 'reset-password' | 'deactivate' | 'activate') => {
    try {
      const res = await api.post<WithPassword | Account>(`/api/accounts/${a.id}/${action}`);
      if (action === 'reset-password') setShown(res as WithPassword);
      else showSuccess(action === 'deactivate' ? t('已停用') : t('已重新启用'));
      await reload();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('账号管理')}</Typography.Title>
      <Typography.Text type="secondary">{t('为本中心及下级中心的工作人员开设账号。初始密码只显示一次，本人首次登录时必须修改。')}</Typography.Text>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('全部中心')}
            style={{ width: 220 }}
            value={centerId}
            onChange={setCenterId}
            options={(options.data?.centers ?? []).map((c) => ({ value: c.id, label: c.name }))}
            data-testid="accounts-center-filter"
          />
          <Input.Search allowClear placeholder={t('用户名或姓名')} style={{ width: 220 }} onSearch={setQ} data-testid="accounts-search" />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="account-new">
            {t('新建账号')}
          </Button>
        </Space>
        <Table<Account>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          onRow={(r) => ({ 'data-testid': `account-row-${r.username}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('用户名'), dataIndex: 'username', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t('姓名'), dataIndex: 'displayName', render: (v: string) => <Data>{v}</Data> },
            { title: t('角色'), dataIndex: 'roleLabel', render: (v: string) => <Tag color="blue">{t(v)}</Tag> },
            { title: t('中心'), dataIndex: 'centerName', render: (v: string) => <Data>{v}</Data> },
            { title: t('部门'), dataIndex: 'departmentName', render: (v: string | null) => (v ? <Data>{v}</Data> : '—') },
            { title: t('窗口'), dataIndex: 'windowName', render: (v: string | null) => (v ? <Data>{v}</Data> : '—') },
            {
              title: t('状态'),
              key: 'state',
              render: (_: unknown, a) => (
                <Space size={4}>
                  {a.active ? <Tag color="green">{t('在用')}</Tag> : <Tag>{t('已停用')}</Tag>}
                  {a.mustChangePassword && <Tag color="orange">{t('待改初始密码')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('操作'),
              key: 'op',
              render: (_: unknown, a) =>
                a.id === user?.id ? (
                  <Typography.Text type="secondary">{t('本人')}</Typography.Text>
                ) : (
                  <Space size={0}>
                    <Popconfirm title={t('重置 {name} 的密码？其当前登录将失效。', { name: a.displayName })} onConfirm={() => act(a, 'reset-password')}>
                      <Button type="link" size="small" data-testid={`account-reset-${a.username}`}>{t('重置密码')}</Button>
                    </Popconfirm>
                    {a.active ? (
                      <Popconfirm title={t('停用 {name} 的账号？其当前登录将失效。', { name: a.displayName })} onConfirm={() => act(a, 'deactivate')}>
                        <Button type="link" size="small" danger data-testid={`account-deactivate-${a.username}`}>{t('停用账号')}</Button>
                      </Popconfirm>
                    ) : (
                      <Button type="link" size="small" onClick={() => act(a, 'activate')} data-testid={`account-activate-${a.username}`}>{t('重新启用')}</Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      {creating && options.data && (
        <NewAccountModal
          options={options.data}
          defaultCenterId={centerId ?? user?.centerId ?? undefined}
          onClose={() => setCreating(false)}
          onCreated={async (res) => {
            setCreating(false);
            setShown(res);
            await reload();
          }}
        />
      )}
      <Modal
        open={!!shown}
        title={t('初始密码')}
        onCancel={() => setShown(null)}
        footer={<Button type="primary" onClick={() => setShown(null)} data-testid="initial-password-done">{t('我已记下')}</Button>}
      >
        {shown && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>{t('账号 {username}（{name}）的初始密码：', { username: shown.account.username, name: shown.account.displayName })}</Typography.Text>
            <Typography.Text code copyable style={{ fontSize: 20 }} data-testid="initial-password">{shown.initialPassword}</Typography.Text>
            <Alert type="warning" showIcon title={t('此密码只显示这一次，请当面或通过安全渠道交给本人。本人首次登录时必须修改。')} />
          </Space>
        )}
      </Modal>
    </Space>
  );
}

function NewAccountModal({ options, defaultCenterId, onClose, onCreated }: {
  options: Options; defaultCenterId?: string; onClose: () => void; onCreated: (res: WithPassword) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<NewAccount>();
  const [busy, setBusy] = useState(false);
  const center = Form.useWatch('centerId', form);
  const role = Form.useWatch('role', form);
  const departmentId = Form.useWatch('departmentId', form);
  const needsDepartment = !!role && DEPARTMENT_ROLES.includes(role);
  const mayHaveWindow = !!role && WINDOW_ROLES.includes(role);
  const departments = useMemo(() => options.departments.filter((d) => d.centerId === center), [options, center]);
  const windows = useMemo(
    () => options.windows.filter((w) => w.centerId === center && (!departmentId || !w.departmentId || w.departmentId === departmentId)),
    [options, center, departmentId],
  );

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const body = { ...v, departmentId: needsDepartment ? v.departmentId : undefined, windowId: mayHaveWindow ? v.windowId : undefined };
      onCreated(await api.post<WithPassword>('/api/accounts', body));
      showSuccess(t('账号已创建'));
    } catch (e) {
      if (!applyFieldErrors(form, e).length) showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('新建账号')} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={t('创建')} okButtonProps={{ 'data-testid': 'account-create' } as ButtonProps}>
      <Form form={form} layout="vertical" initialValues={{ centerId: defaultCenterId }} requiredMark={false}>
        <Form.Item
          name="username"
          label={t('用户名')}
          extra={t('小写字母开头，可含数字和 _ . -，3–32位')}
          rules={[{ required: true, message: t('请输入用户名') }, { pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: t('用户名格式不正确') }]}
        >
          <Input autoComplete="off" data-testid="account-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('姓名')} rules={[{ required: true, whitespace: true, message: t('请输入姓名') }]}>
          <Input maxLength={64} data-testid="account-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t('角色')} rules={[{ required: true, message: t('请选择角色') }]}>
          <Select data-testid="account-role" options={options.roles.map((r) => ({ value: r.value, label: t(r.label) }))} />
        </Form.Item>
        <Form.Item name="centerId" label={t('中心')} rules={[{ required: true, message: t('请选择中心') }]}>
          <Select data-testid="account-center" options={options.centers.map((c) => ({ value: c.id, label: <Data>{c.name}</Data>, title: c.name }))} onChange={() => form.setFieldsValue({ departmentId: undefined, windowId: undefined })} />
        </Form.Item>
        {needsDepartment && (
          <Form.Item name="departmentId" label={t('部门')} rules={[{ required: true, message: t('请选择部门') }]}>
            <Select data-testid="account-department" options={departments.map((d) => ({ value: d.id, label: <Data>{d.name}</Data>, title: d.name }))} />
          </Form.Item>
        )}
        {mayHaveWindow && (
          <Form.Item name="windowId" label={t('窗口（可选）')}>
            <Select allowClear data-testid="account-window" options={windows.map((w) => ({ value: w.id, label: <Data>{`${w.number} · ${w.name}`}</Data>, title: w.name }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

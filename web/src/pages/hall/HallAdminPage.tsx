/** 大厅配置 (center admin): service categories, the categories each window serves, extended/weekend service days, settings, statistics. */
import { useEffect, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { showError, showSuccess } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import type { Categories, Category, WindowRow } from './api';
import { HallStatsPage } from './HallStatsPage';

export function HallAdminPage() {
  const t = useT();
  useEffect(() => { document.title = t('大厅配置'); }, [t]);
  return (
    <div className="bs-page" data-testid="hall-admin">
      <Typography.Title level={3}>{t('大厅配置')}</Typography.Title>
      <Tabs items={[
        { key: 'cats', label: t('业务类别'), children: <CategoriesTab /> },
        { key: 'windows', label: t('窗口业务'), children: <WindowsTab /> },
        { key: 'days', label: t('延时/周末服务'), children: <ServiceDaysTab /> },
        { key: 'settings', label: t('参数设置'), children: <SettingsTab /> },
        { key: 'stats', label: t('统计'), children: <HallStatsPage embedded /> },
      ]} />
    </div>
  );
}

function CategoriesTab() {
  const t = useT();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['hall', 'categories', 'all'], queryFn: () => api.get<Categories>('/api/hall/categories', { all: true }) });
  const [editing, setEditing] = useState<Partial<Category> | null>(null);
  const [form] = Form.useForm();
  const save = async () => {
    const v = await form.validateFields();
    try {
      if (editing?.id) await api.put(`/api/hall/categories/${editing.id}`, v);
      else await api.post('/api/hall/categories', v);
      setEditing(null);
      void qc.invalidateQueries({ queryKey: ['hall'] });
    } catch (e) { showError(e); }
  };
  return (
    <Card extra={<Button type="primary" onClick={() => { form.resetFields(); setEditing({}); }} data-testid="hall-cat-add">{t('新增业务类别')}</Button>}>
      <Table<Category> rowKey="id" size="small" pagination={false} dataSource={q.data?.categories ?? []} columns={[
        { title: t('字头'), dataIndex: 'prefix' }, { title: t('名称'), dataIndex: 'name' },
        { title: t('每时段预约容量'), dataIndex: 'slotCapacity' }, { title: t('今日等候'), dataIndex: 'waiting' },
        { title: t('状态'), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">{t('启用')}</Tag> : <Tag>{t('停用')}</Tag>) },
        { title: '', render: (_, r) => <Button size="small" onClick={() => { form.setFieldsValue(r); setEditing(r); }}>{t('编辑')}</Button> },
      ]} />
      <Modal open={!!editing} title={editing?.id ? t('编辑业务类别') : t('新增业务类别')} onOk={save} onCancel={() => setEditing(null)}>
        <Form form={form} layout="vertical" initialValues={{ slotCapacity: 4, active: true, sortOrder: 0 }}>
          <Form.Item name="prefix" label={t('字头（号票前的字母）')} rules={[{ required: true, pattern: /^[A-Z]{1,2}$/ }]}><Input maxLength={2} /></Form.Item>
          <Form.Item name="name" label={t('名称')} rules={[{ required: true, max: 40 }]}><Input /></Form.Item>
          <Form.Item name="slotCapacity" label={t('每时段预约容量')}><InputNumber min={0} max={500} /></Form.Item>
          <Form.Item name="sortOrder" label={t('排序')}><InputNumber min={0} max={999} /></Form.Item>
          <Form.Item name="active" label={t('启用')} valuePropName="checked"><Switch /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function WindowsTab() {
  const t = useT();
  const qc = useQueryClient();
  const cats = useQuery({ queryKey: ['hall', 'categories', 'all'], queryFn: () => api.get<Categories>('/api/hall/categories', { all: true }) });
  const wins = useQuery({ queryKey: ['hall', 'windows'], queryFn: () => api.get<{ windows: WindowRow[] }>('/api/hall/windows') });
  const save = async (id: string, categoryIds: string[]) => {
    try { await api.put(`/api/hall/windows/${id}/categories`, { categoryIds }); void qc.invalidateQueries({ queryKey: ['hall', 'windows'] }); } catch (e) { showError(e); }
  };
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('按优先顺序选择窗口办理的业务类别：叫号时先叫优先群体和预约号，再按此顺序和取号时间。')}</Typography.Paragraph>
      <Table<WindowRow> rowKey="id" size="small" pagination={false} dataSource={wins.data?.windows ?? []} columns={[
        { title: t('窗口'), render: (_, w) => `${t('{n}号', { n: w.number })} ${w.name}` },
        { title: t('办理业务（按优先顺序）'), render: (_, w) => (
          <Select mode="multiple" style={{ minWidth: 360 }} value={w.categoryIds} onChange={(v) => save(w.id, v)}
            options={(cats.data?.categories ?? []).map((c) => ({ value: c.id, label: `${c.prefix} ${c.name}` }))} />
        ) },
        { title: t('状态'), render: (_, w) => (w.paused ? <Tag color="red">{t('暂停服务')}</Tag> : w.current ? <Tag color="gold">{w.current.number}</Tag> : null) },
      ]} />
    </Card>
  );
}

interface ServiceDay { day: string; kind: 'extended' | 'weekend'; sessions: { start: string; end: string }[]; note: string }

function ServiceDaysTab() {
  const t = useT();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['hall', 'service-days'], queryFn: () => api.get<{ serviceDays: ServiceDay[] }>('/api/hall/service-days') });
  const [form] = Form.useForm<{ day: Dayjs; kind: 'extended' | 'weekend'; start: string; end: string; note: string }>();
  const add = async () => {
    const v = await form.validateFields();
    try {
      await api.put(`/api/hall/service-days/${v.day.format('YYYY-MM-DD')}`, { kind: v.kind, sessions: [{ start: v.start, end: v.end }], note: v.note ?? '' });
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['hall'] });
    } catch (e) { showError(e); }
  };
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('工作日可加设延时服务时段（如午间、下班后）；休息日和节假日默认闭厅，设为周末服务后开放预约。工作日以本中心日历为准。')}</Typography.Paragraph>
      <Form form={form} layout="inline" style={{ marginBottom: 16 }} initialValues={{ kind: 'extended', start: '12:00', end: '13:30' }}>
        <Form.Item name="day" rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.Item name="kind"><Select style={{ width: 140 }} options={[{ value: 'extended', label: t('延时服务') }, { value: 'weekend', label: t('周末服务') }]} /></Form.Item>
        <Form.Item name="start" rules={[{ required: true, pattern: /^\d\d:\d\d$/ }]}><Input style={{ width: 90 }} /></Form.Item>
        <Form.Item name="end" rules={[{ required: true, pattern: /^\d\d:\d\d$/ }]}><Input style={{ width: 90 }} /></Form.Item>
        <Form.Item name="note"><Input placeholder={t('说明')} /></Form.Item>
        <Button type="primary" onClick={add}>{t('保存')}</Button>
      </Form>
      <Table<ServiceDay> rowKey="day" size="small" pagination={false} dataSource={q.data?.serviceDays ?? []} columns={[
        { title: t('日期'), dataIndex: 'day' },
        { title: t('类型'), dataIndex: 'kind', render: (k: string) => (k === 'weekend' ? t('周末服务') : t('延时服务')) },
        { title: t('时段'), dataIndex: 'sessions', render: (s: ServiceDay['sessions']) => s.map((x) => `${x.start}–${x.end}`).join('，') },
        { title: t('说明'), dataIndex: 'note' },
      ]} />
    </Card>
  );
}

function SettingsTab() {
  const t = useT();
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['hall', 'settings'], queryFn: () => api.get<Record<string, unknown>>('/api/hall/settings') });
  useEffect(() => { if (q.data) form.setFieldsValue(q.data); }, [q.data, form]);
  const save = async () => {
    const v = await form.validateFields();
    try {
      await api.put('/api/hall/settings', { ...q.data, ...v });
      showSuccess(t('已保存'));
      void q.refetch();
    } catch (e) { showError(e); }
  };
  // Whole numbers within the server's bounds (src/hall/routes.ts), said before saving, not after a 400.
  const num = (name: string, label: string, max: number, min = 1, extra?: string) => (
    <Form.Item name={name} label={label} extra={extra}
      rules={[{ required: true, message: t('请填写{label}', { label }) }, { type: 'integer', min, max, message: t('请填写 {min}–{max} 之间的整数', { min, max }) }]}>
      <InputNumber precision={0} data-testid={`hall-setting-${name}`} />
    </Form.Item>
  );
  return (
    <Card>
      <Form form={form} layout="vertical" style={{ maxWidth: 520 }}>
        {num('noShowCalls', t('叫号几次无人应答可过号'), 10)}
        {num('waitTargetMinutes', t('等候时间目标（分钟）'), 240)}
        {num('bookingHorizonDays', t('可预约天数'), 60, 0)}
        {num('slotMinutes', t('预约时段长度（分钟）'), 240, 5)}
        {num('checkInBeforeMinutes', t('时段开始前可签到（分钟）'), 240, 0)}
        {num('checkInAfterMinutes', t('时段开始后可签到（分钟）'), 240, 0)}
        {num('cancelBeforeMinutes', t('时段开始前多久停止取消预约（分钟）'), 1440, 0, t('0 表示时段开始前都可取消；之后预约保留，未到按爽约计。'))}
        {num('noShowLimit', t('爽约几次暂停预约'), 20)}
        {num('noShowWindowDays', t('爽约统计天数'), 365)}
        {num('blockDays', t('暂停预约天数'), 365)}
        {num('defaultServiceMinutes', t('预计每人办理时间（分钟）'), 120)}
        <Button type="primary" onClick={save} data-testid="hall-settings-save">{t('保存')}</Button>
      </Form>
    </Card>
  );
}

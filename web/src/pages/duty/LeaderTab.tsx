import { formatTime } from '../../lib/labels';
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { showError, showSuccess } from '../../lib/feedback';
import { useT, zh } from '../../lib/i18n';
import type { DutyDay, MyDay, People, PlansOverview } from './api';
import { canReadDuty, isCenterAdmin, isDeptManager, nextMonthOf } from './access';
import { LeaderSettings } from './LeaderSettings';

const PLAN_COLORS: Record<string, string> = { onTime: 'green', late: 'orange', missing: 'red', pending: 'default', covered: 'blue' };
const DAY_STATUS: Record<string, [string, string]> = { planned: [zh('待履职'), 'default'], done: [zh('已到岗'), 'green'], missed: [zh('缺岗'), 'red'] };

/** What a month's plan must hold, by the center's sitting cadence. */
function planRule(t: ReturnType<typeof useT>, month: string, p: PlansOverview): string {
  const v = { m: month, d: p.dueOn, n: p.minDays };
  if (p.cadence === 'weeklyHalfDay') return t('{m}计划应于{d}前报送，每个部门每周安排一次坐班（半天）；中心汇总后发布', v);
  if (p.cadence === 'quarterlyHalfDay') return t('{m}计划应于{d}前报送，每个部门每季度至少安排一次接待日（半天）；中心汇总后发布', v);
  return t('{m}计划应于{d}前报送，每个部门不少于{n}个工作日；中心汇总后发布', v);
}

export function LeaderTab() {
  const t = useT();
  const { user } = useSession();
  const qc = useQueryClient();
  const me = useQuery({ queryKey: ['duty-me'], queryFn: ({ signal }) => api.get<MyDay>('/api/duty/attendance/me', undefined, signal) });
  const [picked, setMonth] = useState<string | null>(null);
  const today = me.data?.day ?? '';
  const month = picked ?? (today ? nextMonthOf(today.slice(0, 7)) : '');
  const people = useQuery({ queryKey: ['duty-people'], queryFn: ({ signal }) => api.get<People>('/api/duty/people', undefined, signal) });
  const plans = useQuery({ queryKey: ['duty-plans', month], enabled: !!month, queryFn: ({ signal }) => api.get<PlansOverview>('/api/duty/leader/plans', { month }, signal) });
  const [planOpen, setPlanOpen] = useState(false);
  const [subFor, setSubFor] = useState<DutyDay | null>(null);
  const [form] = Form.useForm<{ leaderId: string; days: dayjs.Dayjs[] }>();
  const [subForm] = Form.useForm<{ substituteId: string; reason: string }>();
  const refresh = () => qc.invalidateQueries({ queryKey: ['duty-plans'] });
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      showSuccess(ok);
      await refresh();
      return true;
    } catch (e) {
      showError(e);
      return false;
    }
  };
  const leaders = (people.data?.people ?? []).filter((p) => ['leader', 'chiefRep'].includes(p.role) && p.departmentId === user?.departmentId);
  const allDays = (plans.data?.departments ?? []).flatMap((d) => d.days);
  const dayActions = (d: DutyDay) => {
    const mine = d.onDuty === user?.displayName;
    const isToday = d.day === today;
    return (
      <Space size={4} wrap>
        {(mine || isCenterAdmin(user)) && isToday && plans.data?.published && !d.signInAt && (
          <Button size="small" type="primary" data-testid={`duty-leader-sign-in-${d.id}`} onClick={() => run(() => api.post(`/api/duty/leader/days/${d.id}/sign-in`), t('已签到'))}>{t('签到')}</Button>
        )}
        {(mine || isCenterAdmin(user)) && isToday && d.signInAt && !d.signOutAt && (
          <Button size="small" onClick={() => run(() => api.post(`/api/duty/leader/days/${d.id}/sign-out`), t('已签退'))}>{t('签退')}</Button>
        )}
        {mine && d.signInAt && (
          <Button size="small" onClick={() => {
            let text = '';
            Modal.confirm({ title: t('现场办公工作记录'), content: <Input.TextArea rows={4} onChange={(e) => { text = e.target.value; }} />, onOk: () => run(() => api.post(`/api/duty/leader/days/${d.id}/log`, { text }), t('已记录')) });
          }}>{t('工作记录')}</Button>
        )}
        {isDeptManager(user) && user?.departmentId === d.departmentId && d.status === 'planned' && d.substitute?.state !== 'requested' && (
          <Button size="small" onClick={() => { subForm.resetFields(); setSubFor(d); }}>{t('申请替班')}</Button>
        )}
        {isCenterAdmin(user) && d.substitute?.state === 'requested' && (
          <>
            <Button size="small" type="primary" onClick={() => run(() => api.post(`/api/duty/leader/days/${d.id}/substitute/approve`), t('已同意替班'))}>{t('同意替班')}</Button>
            <Button size="small" danger onClick={() => run(() => api.post(`/api/duty/leader/days/${d.id}/substitute/reject`), t('已不同意替班'))}>{t('不同意')}</Button>
          </>
        )}
      </Space>
    );
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={t('领导现场办公计划')}
        extra={
          <Space wrap>
            <DatePicker picker="month" value={month ? dayjs(`${month}-01`) : null} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} allowClear={false} data-testid="duty-leader-month" />
            {isDeptManager(user) && <Button onClick={() => { form.resetFields(); setPlanOpen(true); }} data-testid="duty-plan-open">{t('报送计划')}</Button>}
            {isCenterAdmin(user) && !plans.data?.published && (
              <Button type="primary" data-testid="duty-publish" onClick={() => run(() => api.post(`/api/duty/leader/schedule/${month}/publish`), t('排班已发布'))}>{t('汇总发布')}</Button>
            )}
            {canReadDuty(user) && <Button href={`/api/duty/leader/circular/${month}`} target="_blank">{t('月度通报')}</Button>}
            {canReadDuty(user) && <Button href={`/api/duty/leader/circular/${month}/xlsx`}>{t('通报（Excel）')}</Button>}
          </Space>
        }
      >
        {plans.data && (
          <Alert
            style={{ marginBottom: 12 }}
            type={plans.data.published ? 'success' : 'info'}
            data-testid="duty-publish-state"
            message={plans.data.published ? t('{m}排班已发布', { m: month }) : planRule(t, month, plans.data)}
          />
        )}
        <Table
          rowKey="departmentId" size="small" pagination={false} loading={plans.isLoading} dataSource={plans.data?.departments ?? []}
          columns={[
            { title: t('部门'), dataIndex: 'department' },
            { title: t('报送情况'), render: (_, d) => <Tag color={PLAN_COLORS[d.status]}>{t(d.statusLabel)}</Tag> },
            { title: t('安排'), render: (_, d) => d.days.map((x) => `${x.day} ${x.onDuty}`).join('；') || '—' },
          ]}
        />
      </Card>
      <Card title={t('排班与履职')}>
        <Table
          rowKey="id" size="small" pagination={false} dataSource={allDays}
          columns={[
            { title: t('日期'), dataIndex: 'day' },
            { title: t('部门'), dataIndex: 'department' },
            { title: t('现场办公领导'), render: (_, d) => <span>{d.onDuty}{d.substitute && <Tag style={{ marginInlineStart: 6 }}>{d.substitute.state === 'approved' ? t('替班（原{n}）', { n: d.leader }) : d.substitute.state === 'requested' ? t('替班待审批') : t('替班未同意')}</Tag>}</span> },
            { title: t('状态'), render: (_, d) => <Tag color={DAY_STATUS[d.status]?.[1]}>{t(DAY_STATUS[d.status]?.[0] ?? d.status)}</Tag> },
            { title: t('签到'), render: (_, d) => formatTime(d.signInAt) },
            { title: t('记录'), render: (_, d) => d.log.map((l) => l.text).join('；') || '—' },
            { title: t('操作'), render: (_, d) => dayActions(d) },
          ]}
        />
      </Card>
      {isCenterAdmin(user) && <LeaderSettings people={people.data} />}
      <Modal open={planOpen} title={t('报送{m}领导现场办公计划', { m: month })} onCancel={() => setPlanOpen(false)} okButtonProps={{ 'data-testid': 'duty-plan-submit' } as ButtonProps}
        onOk={async () => {
          const v = await form.validateFields();
          const ok = await run(() => api.post('/api/duty/leader/plans', { month, days: v.days.map((d) => ({ day: d.format('YYYY-MM-DD'), leaderId: v.leaderId })) }), t('计划已报送'));
          if (ok) setPlanOpen(false);
        }}>
        <Form form={form} layout="vertical">
          <Form.Item name="leaderId" label={t('领导')} rules={[{ required: true, message: t('请选择领导') }]}>
            <Select options={leaders.map((l) => ({ value: l.id, label: l.displayName }))} data-testid="duty-plan-leader" />
          </Form.Item>
          <Form.Item name="days" label={t('日期')} rules={[{ required: true, message: t('请选择日期') }]}>
            <DatePicker multiple style={{ width: '100%' }} defaultPickerValue={month ? dayjs(`${month}-01`) : undefined} data-testid="duty-plan-days" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!subFor} title={t('申请替班')} onCancel={() => setSubFor(null)}
        onOk={async () => {
          const v = await subForm.validateFields();
          if (await run(() => api.post(`/api/duty/leader/days/${subFor!.id}/substitute`, v), t('替班申请已提交'))) setSubFor(null);
        }}>
        <Typography.Paragraph type="secondary">{t('现场办公期间确需离开的，须经中心同意并安排本单位其他领导替班。')}</Typography.Paragraph>
        <Form form={subForm} layout="vertical">
          <Form.Item name="substituteId" label={t('替班领导')} rules={[{ required: true, message: t('请选择替班领导') }]}>
            <Select options={leaders.filter((l) => l.id !== subFor?.leaderId).map((l) => ({ value: l.id, label: l.displayName }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('事由')} rules={[{ required: true, message: t('请填写事由') }]}><Input.TextArea rows={3} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

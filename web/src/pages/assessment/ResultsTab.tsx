/** 考核结果: a period's state and actions, the ranking per subject type with its trend, award candidates, the bulletin and export. */
import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Form, Input, Modal, Radio, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { showError, showSuccess } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import { isAdmin, isOfficeReader, type AwardList, type Period, type PeriodKind, type Ranking, type SubjectType } from './api';
import { ACTIONS, KINDS, STATES, SUBJECTS, signed } from './labels';
import { SubjectDrawer } from './SubjectDrawer';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function Results() {
  const t = useT();
  const { user } = useSession();
  const qc = useQueryClient();
  const periods = useQuery({ queryKey: ['assessment', 'periods'], queryFn: ({ signal }) => api.get<{ items: Period[] }>('/api/assessment/periods', undefined, signal) });
  const [periodId, setPeriodId] = useState<string | null>(null);
  const [subject, setSubject] = useState<SubjectType>('window');
  const [open, setOpen] = useState<{ id: string; name: string } | null>(null);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ kind: PeriodKind; key: string }>();
  const list = periods.data?.items ?? [];
  const current = list.find((p) => p.id === periodId) ?? list[0];
  const ranking = useQuery({
    queryKey: ['assessment', 'ranking', current?.id, subject], enabled: !!current && current.state !== 'draft',
    queryFn: ({ signal }) => api.get<Ranking>(`/api/assessment/periods/${current!.id}/ranking`, { subject }, signal),
  });
  const awards = useQuery({
    queryKey: ['assessment', 'awards', current?.id], enabled: !!current && current.state !== 'draft' && isOfficeReader(user),
    queryFn: ({ signal }) => api.get<AwardList>(`/api/assessment/periods/${current!.id}/awards`, undefined, signal),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['assessment'] });

  const act = async (action: string) => {
    if (!current) return;
    setBusy(true);
    try {
      const r = await api.post<Period & { sameAsBefore?: boolean | null }>(`/api/assessment/periods/${current.id}/${action}`);
      showSuccess(action === 'compute' && r.sameAsBefore ? t('已重新计算：结果与上次相同') : t('已{action}', { action: t(ACTIONS[action]) }));
      await refresh();
    } catch (e) { showError(e); } finally { setBusy(false); }
  };
  const create = async () => {
    const v = await form.validateFields();
    try {
      const p = await api.post<Period>('/api/assessment/periods', v);
      setCreating(false);
      form.resetFields();
      setPeriodId(p.id);
      await refresh();
    } catch (e) { showError(e); }
  };

  const rows = ranking.data?.items ?? [];
  const top = rows.slice(0, 8);
  const chart = ranking.data && ranking.data.periods.length > 0 && {
    tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll' }, grid: { left: 40, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: ranking.data.periods }, yAxis: { type: 'value', scale: true },
    series: top.map((r) => ({ name: r.name, type: 'line', connectNulls: true, data: ranking.data!.periods.map((k) => r.history.find((h) => h.key === k)?.total ?? null) })),
  };
  const download = current ? `/api/assessment/periods/${current.id}/ranking.xlsx?subject=${subject}` : '';

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Select style={{ minWidth: 220 }} placeholder={t('选择考核周期')} value={current?.id} onChange={setPeriodId} data-testid="period-select"
          options={list.map((p) => ({ value: p.id, label: `${p.key} ${t(KINDS.find(([k]) => k === p.kind)![1])} · ${t(STATES[p.state][0])}` }))} />
        {current && <Tag color={STATES[current.state][1]} data-testid="period-state">{t(STATES[current.state][0])}</Tag>}
        {current?.actions.filter((a) => ACTIONS[a]).map((a) => (
          <Button key={a} type={a === 'compute' ? 'primary' : 'default'} loading={busy} data-testid={`period-${a}`}
            onClick={() => (a === 'compute' ? act(a) : Modal.confirm({ title: t('确认{action}？', { action: t(ACTIONS[a]) }), content: a === 'freeze' ? t('冻结后结果不再重新计算，只能通过申诉调整。') : t('发布后被考核对象可查看结果并在期限内申诉。'), onOk: () => act(a) }))}>
            {t(ACTIONS[a])}
          </Button>
        ))}
        {isAdmin(user) && <Button onClick={() => setCreating(true)} data-testid="period-new">{t('新建考核周期')}</Button>}
        {current && current.state !== 'draft' && isOfficeReader(user) && (
          <>
            <Button href={`/api/assessment/periods/${current.id}/bulletin`} target="_blank" data-testid="bulletin">{t('考核通报（打印）')}</Button>
            <Button href={download} data-testid="ranking-export">{t('导出排名（Excel）')}</Button>
          </>
        )}
      </Space>
      {current && (
        <Typography.Text type="secondary">
          {t('{from} 至 {to}', { from: current.from, to: current.to })}
          {current.appealBy ? ` · ${t('申诉截止 {d}', { d: current.appealBy })}` : ''}
        </Typography.Text>
      )}
      {!current && <Empty description={t('暂无考核周期')} />}
      {current?.state === 'draft' && <Empty description={t('该周期尚未计算')} />}
      {current && current.state !== 'draft' && (
        <>
          <Segmented value={subject} onChange={(v) => setSubject(v as SubjectType)} options={SUBJECTS.map(([k, l]) => ({ value: k, label: t(l) }))} data-testid="subject-type" />
          <Table<typeof rows[number]> size="small" rowKey="subjectId" loading={ranking.isLoading} dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="ranking-table"
            onRow={(r) => ({ onClick: () => setOpen({ id: r.subjectId, name: r.name }), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('名次'), dataIndex: 'rank', width: 70 },
              { title: t('考核对象'), dataIndex: 'name', render: (v: string, r) => <a data-testid={`rank-${r.subjectId}`} translate="no">{v}</a> },
              { title: t('计算得分'), dataIndex: 'computed', align: 'right' },
              { title: t('申诉调整'), dataIndex: 'adjustment', align: 'right', render: (v: number) => (v ? signed(v) : '—') },
              { title: t('最终得分'), dataIndex: 'total', align: 'right', render: (v: number) => <b>{v}</b> },
              { title: t('较上期'), dataIndex: 'trend', align: 'right', render: (v: number | null) => (v === null ? '—' : <Typography.Text type={v < 0 ? 'danger' : v > 0 ? 'success' : undefined}>{signed(v)}</Typography.Text>) },
            ]} />
          {chart && ranking.data!.periods.length > 1 && (
            <Card size="small" title={t('得分趋势')}><ReactEChartsCore echarts={echarts} option={chart} style={{ height: 280 }} notMerge /></Card>
          )}
          {awards.data && (
            <Card size="small" title={t('评优候选')} data-testid="awards">
              <Descriptions size="small" column={1} bordered items={awards.data.items.map((a) => ({
                key: a.key, label: t(a.name),
                children: a.candidates.length ? <span translate="no">{a.candidates.map((c) => `${c.name}（${c.total}）`).join(t('、'))}</span> : <Typography.Text type="secondary">{t('暂无')}</Typography.Text>,
              }))} />
              <Typography.Text type="secondary">{t('按设置：名次在前 N 名、得分不低于门槛、本期无违规办件、问责和有效投诉。')}</Typography.Text>
            </Card>
          )}
        </>
      )}
      <Modal open={creating} title={t('新建考核周期')} onOk={create} onCancel={() => setCreating(false)} okText={t('创建')} cancelText={t('取消')}>
        <Form form={form} layout="vertical" initialValues={{ kind: 'month' }}>
          <Form.Item name="kind" label={t('周期')}><Radio.Group options={KINDS.map(([k, l]) => ({ value: k, label: t(l) }))} /></Form.Item>
          <Form.Item name="key" label={t('期别')} rules={[{ required: true, message: t('请填写期别') }]} extra={t('月度 2026-11，季度 2026-Q4，年度 2026')}>
            <Input data-testid="period-key" />
          </Form.Item>
        </Form>
      </Modal>
      {open && current && <SubjectDrawer period={current} subjectType={subject} subjectId={open.id} name={open.name} onClose={() => setOpen(null)} />}
    </Space>
  );
}

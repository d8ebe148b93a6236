/** 电子监察看板: lights, departments and windows, red/black cases, trends, orders and anomalies — live over SSE. */
import { useEffect, useState } from 'react';
import { Badge, Button, Card, Col, Form, Input, Modal, Row, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { CSSProperties } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only the charts this page draws (the whole of echarts is 330 KB more on the wire).
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
const ReactECharts = (props: { option: object; style?: CSSProperties; notMerge?: boolean }) => <ReactEChartsCore echarts={echarts} {...props} />;
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { showError, showSuccess } from '../../lib/feedback';
import { formatDateTime } from '../../lib/labels';
import { Data, useT, zh } from '../../lib/i18n';
import { ThingsBlock, type ThingsSection } from './ThingsBlock';

interface Row { id: string | null; name: string; received: number; inProgress: number; finished: number; onTime: number; onTimeRate: number | null; overdue: number; openOrders?: number }
interface LateCase { id: string; caseNo: string; itemName: string; applicantName: string; promisedDue: string; statutoryDue: string; department: string; holder: string | null; light: 'red' | 'black' }
interface Board {
  today: string; days: number; lights: Record<'green' | 'yellow' | 'red' | 'black' | 'paused', number>;
  departments: Row[]; windows: Row[]; late: LateCase[]; openAnomalies: number;
  hall?: { waitingNow: number; tickets: number; served: number; noShows: number; avgWaitMinutes: number | null; withinTargetRate: number | null; waitTargetMinutes: number; pausedWindows: number } | null;
  feedback?: { openBadReviews: number; lateRectifications: number; goodRate: number | null; rated: number; openComplaints: number; overdueComplaints: number };
  trend: { day: string; received: number; urge: number; order: number; violation: number }[];
  things?: ThingsSection;
}
interface Step { id: string; caseId: string; caseNo: string; itemName: string; department: string; kind: 'urge' | 'order' | 'violation'; docNo: string; issuedOn: string; answerDue: string | null; answeredAt: string | null; answer: string | null; escalatedAt: string | null }
interface Anomaly { id: string; rule: string; ruleLabel: string; caseId: string | null; caseNo: string | null; evidence: Record<string, unknown>; detectedAt: string; handledAt: string | null; note: string | null }

const LIGHTS = [
  ['green', zh('绿灯（正常）'), '#52c41a'], ['yellow', zh('黄灯（预警）'), '#faad14'], ['red', zh('红灯（超承诺时限）'), '#f5222d'], ['black', zh('黑灯（超法定时限）'), '#262626'], ['paused', zh('暂停计时'), '#8c8c8c'],
] as const;
const KIND = { urge: [zh('催办单'), 'gold'], order: [zh('督办单'), 'red'], violation: [zh('违法记录'), 'default'] } as const;

/**
 * Live updates: the server pushes `change` events; a burst of them (a busy hall) makes one
 * refetch a second at most, so many open boards do not multiply the load.
 */
function useLiveBoard(onChange: () => void) {
  const [live, setLive] = useState(false);
  useEffect(() => {
    const es = new EventSource('/api/supervision/stream');
    let pending: ReturnType<typeof setTimeout> | null = null;
    es.onopen = () => setLive(true);
    es.onerror = () => setLive(false);
    es.addEventListener('change', () => {
      pending ??= setTimeout(() => { pending = null; onChange(); }, 1000);
    });
    return () => { es.close(); if (pending) clearTimeout(pending); };
  }, [onChange]);
  return live;
}

export function SupervisionPage() {
  const t = useT();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [handling, setHandling] = useState<Anomaly | null>(null);
  const [answering, setAnswering] = useState<Step | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const [answerForm] = Form.useForm<{ answer: string }>();
  useEffect(() => { document.title = t('电子监察 · 政务服务中心'); }, []);
  const board = useQuery({ queryKey: ['supervision', 'board'], queryFn: ({ signal }) => api.get<Board>('/api/supervision/board', undefined, signal) });
  const steps = useQuery({ queryKey: ['supervision', 'steps'], queryFn: ({ signal }) => api.get<{ items: Step[] }>('/api/supervision/steps', undefined, signal) });
  const anomalies = useQuery({ queryKey: ['supervision', 'anomalies'], queryFn: ({ signal }) => api.get<{ items: Anomaly[] }>('/api/supervision/anomalies', { status: 'open' }, signal) });
  const [refresh] = useState(() => () => void queryClient.invalidateQueries({ queryKey: ['supervision'] }));
  const live = useLiveBoard(refresh);
  const b = board.data;

  const handle = async () => {
    if (!handling) return;
    const { note } = await form.validateFields();
    try {
      await api.post(`/api/supervision/anomalies/${handling.id}/handle`, { note });
      showSuccess(t('已标记处理'));
      setHandling(null);
      form.resetFields();
    } catch (e) {
      showError(e);
    }
  };

  /** A department leader answers a supervision order addressed to the department. */
  const answer = async () => {
    if (!answering) return;
    const values = await answerForm.validateFields();
    try {
      await api.post(`/api/supervision/steps/${answering.id}/answer`, values);
      showSuccess(t('已答复督办单'));
      setAnswering(null);
      answerForm.resetFields();
    } catch (e) {
      showError(e);
    }
  };

  const rowColumns = (first: string) => [
    { title: first, dataIndex: 'name', render: (v: string) => <Data>{v}</Data> },
    { title: t('受理量'), dataIndex: 'received' },
    { title: t('在办'), dataIndex: 'inProgress' },
    { title: t('按时办结率'), dataIndex: 'onTimeRate', render: (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`) },
    { title: t('超期在办'), dataIndex: 'overdue', render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0) },
  ];

  const trendOption = b && {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('受理量'), t('催办单'), t('督办单'), t('违法记录')], top: 0 },
    grid: { left: 40, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: b.trend.map((t) => t.day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('受理量'), type: 'line', data: b.trend.map((t) => t.received) },
      { name: t('催办单'), type: 'bar', stack: 'ladder', itemStyle: { color: '#faad14' }, data: b.trend.map((t) => t.urge) },
      { name: t('督办单'), type: 'bar', stack: 'ladder', itemStyle: { color: '#f5222d' }, data: b.trend.map((t) => t.order) },
      { name: t('违法记录'), type: 'bar', stack: 'ladder', itemStyle: { color: '#262626' }, data: b.trend.map((t) => t.violation) },
    ],
  };
  // Slices for the lights that have cases (an all-zero pie would draw four equal quarters).
  const lit = b ? LIGHTS.slice(0, 4).filter(([k]) => b.lights[k] > 0) : [];
  const lightOption = b && {
    tooltip: { trigger: 'item' },
    title: lit.length ? undefined : { text: t('暂无在办件'), left: 'center', top: 'middle', textStyle: { fontSize: 14, color: '#999', fontWeight: 'normal' } },
    series: [{
      type: 'pie', radius: ['45%', '70%'], label: { formatter: t('{b|{b}}\n{c} 件'), rich: { b: { fontSize: 12 } } },
      data: lit.map(([k, label, color]) => ({ name: t(label).replace(/（.*）/, ''), value: b.lights[k], itemStyle: { color } })),
    }],
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="supervision-board">
      <Space align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>{t('电子监察')}</Typography.Title>
        <Badge status={live ? 'processing' : 'default'} text={<span data-testid="board-live">{live ? t('实时更新') : t('连接中…')}</span>} />
        {b && <Typography.Text type="secondary">{t('截至 {today}，统计近 {days} 天', { today: b.today, days: b.days })}</Typography.Text>}
      </Space>
      <Row gutter={[12, 12]}>
        {LIGHTS.map(([k, label, color]) => (
          <Col key={k} xs={12} md={4}>
            <Card size="small"><Statistic title={t(label)} value={b?.lights[k] ?? 0} valueStyle={{ color }} valueRender={(n) => <span data-testid={`board-count-${k}`}>{n}</span>} /></Card>
          </Col>
        ))}
        <Col xs={12} md={4}><Card size="small"><Statistic title={t('待处理异常')} value={b?.openAnomalies ?? 0} valueRender={(n) => <span data-testid="board-count-anomalies">{n}</span>} /></Card></Col>
      </Row>
      {b?.feedback && (
        <Row gutter={[12, 12]} data-testid="board-feedback">
          <Col xs={12} md={4}><Card size="small"><Link to="/feedback/stats"><Statistic title={t('好评率（近{d}天，{n}条）', { d: b.days, n: b.feedback.rated })} value={b.feedback.goodRate === null ? '—' : `${b.feedback.goodRate.toFixed(2)}%`} /></Link></Card></Col>
          <Col xs={12} md={4}><Card size="small"><Link to="/feedback/evaluations"><Statistic title={t('差评未办结')} value={b.feedback.openBadReviews} /></Link></Card></Col>
          <Col xs={12} md={4}><Card size="small"><Statistic title={t('差评整改超期')} value={b.feedback.lateRectifications} valueStyle={{ color: b.feedback.lateRectifications ? '#f5222d' : undefined }} valueRender={(n) => <span data-testid="board-late-rectifications">{n}</span>} /></Card></Col>
          <Col xs={12} md={4}><Card size="small"><Link to="/feedback/complaints"><Statistic title={t('投诉待办')} value={b.feedback.openComplaints} /></Link></Card></Col>
          <Col xs={12} md={4}><Card size="small"><Statistic title={t('投诉逾期')} value={b.feedback.overdueComplaints} valueStyle={{ color: b.feedback.overdueComplaints ? '#f5222d' : undefined }} /></Card></Col>
        </Row>
      )}
      {b?.hall && (
        <Row gutter={[12, 12]} data-testid="board-hall">
          <Col xs={12} md={4}><Card size="small"><Link to="/hall/stats"><Statistic title={t('大厅候号')} value={b.hall.waitingNow} valueRender={(n) => <span data-testid="board-hall-waiting">{n}</span>} /></Link></Card></Col>
          <Col xs={12} md={4}><Card size="small"><Statistic title={t('今日取号')} value={b.hall.tickets} /></Card></Col>
          <Col xs={12} md={4}><Card size="small"><Statistic title={t('今日办结')} value={b.hall.served} /></Card></Col>
          <Col xs={12} md={4}><Card size="small"><Statistic title={t('平均等候（分钟）')} value={b.hall.avgWaitMinutes ?? '—'} /></Card></Col>
          <Col xs={12} md={4}><Card size="small"><Statistic title={t('{m}分钟内叫号率', { m: b.hall.waitTargetMinutes })} value={b.hall.withinTargetRate === null ? '—' : `${b.hall.withinTargetRate}%`} /></Card></Col>
          <Col xs={12} md={4}><Card size="small"><Statistic title={t('暂停服务窗口')} value={b.hall.pausedWindows} valueStyle={{ color: b.hall.pausedWindows ? '#fa8c16' : undefined }} /></Card></Col>
        </Row>
      )}
      {b?.things && (b.things.things.length > 0 || b.things.total.running.total > 0) && <ThingsBlock section={b.things} days={b.days} />}
      <Card title={t('红灯、黑灯办件')} size="small">
        <Table<LateCase>
          rowKey="id" size="small" loading={board.isLoading} dataSource={b?.late ?? []} pagination={{ pageSize: 10 }} data-testid="board-late"
          onRow={(r) => ({ 'data-testid': `board-late-${r.caseNo}`, 'data-light': r.light } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            { title: t('灯'), dataIndex: 'light', render: (l: LateCase['light']) => <Tag color={l === 'black' ? '#262626' : 'red'}>{l === 'black' ? t('黑灯') : t('红灯')}</Tag> },
            { title: t('办件编号'), dataIndex: 'caseNo', render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
            { title: t('事项'), dataIndex: 'itemName', render: (v: string) => <Data>{v}</Data> },
            { title: t('申请人'), dataIndex: 'applicantName', render: (v: string) => <Data>{v}</Data> },
            { title: t('部门'), dataIndex: 'department', render: (v: string) => <Data>{v}</Data> },
            { title: t('承办人'), dataIndex: 'holder', render: (v: string | null) => (v ? <Data>{v}</Data> : t('（未分办）')) },
            { title: t('承诺期限'), dataIndex: 'promisedDue' }, { title: t('法定期限'), dataIndex: 'statutoryDue' },
          ]}
        />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={16}><Card title={t('趋势')} size="small">{trendOption && <ReactECharts option={trendOption} style={{ height: 280 }} notMerge />}</Card></Col>
        <Col xs={24} lg={8}><Card title={t('亮灯分布')} size="small">{lightOption && <ReactECharts option={lightOption} style={{ height: 280 }} notMerge />}</Card></Col>
      </Row>
      <Card size="small">
        <Tabs items={[
          { key: 'dept', label: t('按部门'), children: <Table<Row> rowKey={(r) => r.id ?? r.name} size="small" pagination={false} dataSource={b?.departments ?? []} data-testid="board-departments"
            columns={[...rowColumns(t('部门')), { title: t('未答复督办单'), dataIndex: 'openOrders' }]} /> },
          { key: 'window', label: t('按窗口'), children: <Table<Row> rowKey={(r) => r.id ?? r.name} size="small" pagination={false} dataSource={b?.windows ?? []} columns={rowColumns(t('窗口'))} /> },
          { key: 'steps', label: t('催办督办'), children: <Table<Step> rowKey="id" size="small" dataSource={steps.data?.items ?? []} data-testid="board-steps"
            columns={[
              { title: t('类型'), dataIndex: 'kind', render: (k: Step['kind']) => <Tag color={KIND[k][1]}>{t(KIND[k][0])}</Tag> },
              { title: t('文号'), dataIndex: 'docNo', render: (v: string, r) => <a href={`/api/supervision/steps/${r.id}/document`} target="_blank" rel="noreferrer" translate="no">{v}</a> },
              { title: t('办件'), dataIndex: 'caseNo', render: (v: string, r) => <Link to={`/cases/${r.caseId}`}>{v}</Link> },
              { title: t('部门'), dataIndex: 'department', render: (v: string) => <Data>{v}</Data> }, { title: t('签发日期'), dataIndex: 'issuedOn' },
              { title: t('答复'), render: (_: unknown, r) => r.kind !== 'order' ? '—' : r.answeredAt ? <Tag color="green">{t('已答复')}</Tag> : (
                <Space>
                  {r.escalatedAt ? <Tag color="red">{t('逾期·已报分管领导')}</Tag> : t('待答复（{answerDue} 前）', { answerDue: r.answerDue ?? '' })}
                  {user?.role === 'leader' && <Button size="small" onClick={() => setAnswering(r)}>{t('答复')}</Button>}
                </Space>
              ) },
            ]} /> },
          { key: 'anomalies', label: t('异常（{v0}）', { v0: anomalies.data?.items.length ?? 0 }), children: <Table<Anomaly> rowKey="id" size="small" dataSource={anomalies.data?.items ?? []} data-testid="board-anomalies"
            columns={[
              // The rule's name (src/supervision/anomalies/rules.ts RULES), in English from en/supervision.ts.
              { title: t('规则'), dataIndex: 'ruleLabel', render: (v: string) => t(v) },
              { title: t('办件'), dataIndex: 'caseNo', render: (v: string | null, r) => (v && r.caseId ? <Link to={`/cases/${r.caseId}`}>{v}</Link> : '—') },
              { title: t('证据'), dataIndex: 'evidence', render: (e: Record<string, unknown>) => <Typography.Text code style={{ fontSize: 12 }} translate="no">{JSON.stringify(e).slice(0, 160)}</Typography.Text> },
              { title: t('发现时间'), dataIndex: 'detectedAt', render: (v: string) => formatDateTime(v) },
              ...(user?.role === 'supervisor' ? [{ title: t('操作'), render: (_: unknown, r: Anomaly) => <Button size="small" onClick={() => setHandling(r)}>{t('标记已处理')}</Button> }] : []),
            ]} /> },
        ]} />
      </Card>
      <Modal title={t('答复督办单 {v0}', { v0: answering?.docNo ?? '' })} open={!!answering} onOk={answer} onCancel={() => setAnswering(null)} okText={t('提交答复')} cancelText={t('取消')}>
        <Form form={answerForm} layout="vertical">
          <Form.Item name="answer" label={t('超时原因及整改措施')} rules={[{ required: true, min: 2, message: t('请填写答复内容') }]}><Input.TextArea rows={4} /></Form.Item>
        </Form>
      </Modal>
      <Modal title={t('标记异常已处理')} open={!!handling} onOk={handle} onCancel={() => setHandling(null)} okText={t('确定')} cancelText={t('取消')}>
        <Form form={form} layout="vertical">
          <Form.Item name="note" label={t('处理说明')} rules={[{ required: true, min: 2, message: t('请填写处理说明') }]}><Input.TextArea rows={3} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** 电子监察看板: lights, departments and windows, red/black cases, trends, orders and anomalies — live over SSE. */
import { useEffect, useState } from 'react';
import { Badge, Button, Card, Col, Form, Input, Modal, Row, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import ReactECharts from 'echarts-for-react';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { showError, showSuccess } from '../../lib/feedback';
import { formatDateTime } from '../../lib/labels';

interface Row { id: string | null; name: string; received: number; inProgress: number; finished: number; onTime: number; onTimeRate: number | null; overdue: number; openOrders?: number }
interface LateCase { id: string; caseNo: string; itemName: string; applicantName: string; promisedDue: string; statutoryDue: string; department: string; holder: string | null; light: 'red' | 'black' }
interface Board {
  today: string; days: number; lights: Record<'green' | 'yellow' | 'red' | 'black' | 'paused', number>;
  departments: Row[]; windows: Row[]; late: LateCase[]; openAnomalies: number;
  feedback?: { openBadReviews: number; lateRectifications: number; goodRate: number | null; rated: number; openComplaints: number; overdueComplaints: number };
  trend: { day: string; received: number; urge: number; order: number; violation: number }[];
}
interface Step { id: string; caseId: string; caseNo: string; itemName: string; department: string; kind: 'urge' | 'order' | 'violation'; docNo: string; issuedOn: string; answerDue: string | null; answeredAt: string | null; answer: string | null; escalatedAt: string | null }
interface Anomaly { id: string; rule: string; ruleLabel: string; caseId: string | null; caseNo: string | null; evidence: Record<string, unknown>; detectedAt: string; handledAt: string | null; note: string | null }

const LIGHTS = [
  ['green', '绿灯（正常）', '#52c41a'], ['yellow', '黄灯（预警）', '#faad14'], ['red', '红灯（超承诺时限）', '#f5222d'], ['black', '黑灯（超法定时限）', '#262626'], ['paused', '暂停计时', '#8c8c8c'],
] as const;
const KIND = { urge: ['催办单', 'gold'], order: ['督办单', 'red'], violation: ['违法记录', 'default'] } as const;

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
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [handling, setHandling] = useState<Anomaly | null>(null);
  const [answering, setAnswering] = useState<Step | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const [answerForm] = Form.useForm<{ answer: string }>();
  useEffect(() => { document.title = '电子监察 · 政务服务中心'; }, []);
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
      showSuccess('已标记处理');
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
      showSuccess('已答复督办单');
      setAnswering(null);
      answerForm.resetFields();
    } catch (e) {
      showError(e);
    }
  };

  const rowColumns = (first: string) => [
    { title: first, dataIndex: 'name' },
    { title: '受理量', dataIndex: 'received' },
    { title: '在办', dataIndex: 'inProgress' },
    { title: '按时办结率', dataIndex: 'onTimeRate', render: (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`) },
    { title: '超期在办', dataIndex: 'overdue', render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0) },
  ];

  const trendOption = b && {
    tooltip: { trigger: 'axis' },
    legend: { data: ['受理量', '催办单', '督办单', '违法记录'], top: 0 },
    grid: { left: 40, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: b.trend.map((t) => t.day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '受理量', type: 'line', data: b.trend.map((t) => t.received) },
      { name: '催办单', type: 'bar', stack: 'ladder', itemStyle: { color: '#faad14' }, data: b.trend.map((t) => t.urge) },
      { name: '督办单', type: 'bar', stack: 'ladder', itemStyle: { color: '#f5222d' }, data: b.trend.map((t) => t.order) },
      { name: '违法记录', type: 'bar', stack: 'ladder', itemStyle: { color: '#262626' }, data: b.trend.map((t) => t.violation) },
    ],
  };
  // Slices for the lights that have cases (an all-zero pie would draw four equal quarters).
  const lit = b ? LIGHTS.slice(0, 4).filter(([k]) => b.lights[k] > 0) : [];
  const lightOption = b && {
    tooltip: { trigger: 'item' },
    title: lit.length ? undefined : { text: '暂无在办件', left: 'center', top: 'middle', textStyle: { fontSize: 14, color: '#999', fontWeight: 'normal' } },
    series: [{
      type: 'pie', radius: ['45%', '70%'], label: { formatter: '{b|{b}}\n{c} 件', rich: { b: { fontSize: 12 } } },
      data: lit.map(([k, label, color]) => ({ name: label.replace(/（.*）/, ''), value: b.lights[k], itemStyle: { color } })),
    }],
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="supervision-board">
      <Space align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>电子监察</Typography.Title>
        <Badge status={live ? 'processing' : 'default'} text={<span data-testid="board-live">{live ? '实时更新' : '连接中…'}</span>} />
        {b && <Typography.Text type="secondary">截至 {b.today}，统计近 {b.days} 天</Typography.Text>}
      </Space>
      <Row gutter={[12, 12]}>
        {LIGHTS.map(([k, label, color]) => (
          <Col key={k} xs={12} md={4}>
            <Card size="small"><Statistic title={label} value={b?.lights[k] ?? 0} valueStyle={{ color }} valueRender={(n) => <span data-testid={`board-count-${k}`}>{n}</span>} /></Card>
          </Col>
        ))}
        <Col xs={12} md={4}><Card size="small"><Statistic title="待处理异常" value={b?.openAnomalies ?? 0} valueRender={(n) => <span data-testid="board-count-anomalies">{n}</span>} /></Card></Col>
      </Row>
      {b?.feedback && (
        <Row gutter={[12, 12]} data-testid="board-feedback">
          <Col xs={12} md={4}><Card size="small"><Link to="/feedback/stats"><Statistic title={`好评率（近${b.days}天，${b.feedback.rated}条）`} value={b.feedback.goodRate === null ? '—' : `${b.feedback.goodRate.toFixed(2)}%`} /></Link></Card></Col>
          <Col xs={12} md={4}><Card size="small"><Link to="/feedback/evaluations"><Statistic title="差评未办结" value={b.feedback.openBadReviews} /></Link></Card></Col>
          <Col xs={12} md={4}><Card size="small"><Statistic title="差评整改超期" value={b.feedback.lateRectifications} valueStyle={{ color: b.feedback.lateRectifications ? '#f5222d' : undefined }} valueRender={(n) => <span data-testid="board-late-rectifications">{n}</span>} /></Card></Col>
          <Col xs={12} md={4}><Card size="small"><Link to="/feedback/complaints"><Statistic title="投诉待办" value={b.feedback.openComplaints} /></Link></Card></Col>
          <Col xs={12} md={4}><Card size="small"><Statistic title="投诉逾期" value={b.feedback.overdueComplaints} valueStyle={{ color: b.feedback.overdueComplaints ? '#f5222d' : undefined }} /></Card></Col>
        </Row>
      )}
      <Card title="红灯、黑灯办件" size="small">
        <Table<LateCase>
          rowKey="id" size="small" loading={board.isLoading} dataSource={b?.late ?? []} pagination={{ pageSize: 10 }} data-testid="board-late"
          onRow={(r) => ({ 'data-testid': `board-late-${r.caseNo}`, 'data-light': r.light } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            { title: '灯', dataIndex: 'light', render: (l: LateCase['light']) => <Tag color={l === 'black' ? '#262626' : 'red'}>{l === 'black' ? '黑灯' : '红灯'}</Tag> },
            { title: '办件编号', dataIndex: 'caseNo', render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
            { title: '事项', dataIndex: 'itemName' }, { title: '申请人', dataIndex: 'applicantName' }, { title: '部门', dataIndex: 'department' },
            { title: '承办人', dataIndex: 'holder', render: (v: string | null) => v ?? '（未分办）' },
            { title: '承诺期限', dataIndex: 'promisedDue' }, { title: '法定期限', dataIndex: 'statutoryDue' },
          ]}
        />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={16}><Card title="趋势" size="small">{trendOption && <ReactECharts option={trendOption} style={{ height: 280 }} notMerge />}</Card></Col>
        <Col xs={24} lg={8}><Card title="亮灯分布" size="small">{lightOption && <ReactECharts option={lightOption} style={{ height: 280 }} notMerge />}</Card></Col>
      </Row>
      <Card size="small">
        <Tabs items={[
          { key: 'dept', label: '按部门', children: <Table<Row> rowKey={(r) => r.id ?? r.name} size="small" pagination={false} dataSource={b?.departments ?? []} data-testid="board-departments"
            columns={[...rowColumns('部门'), { title: '未答复督办单', dataIndex: 'openOrders' }]} /> },
          { key: 'window', label: '按窗口', children: <Table<Row> rowKey={(r) => r.id ?? r.name} size="small" pagination={false} dataSource={b?.windows ?? []} columns={rowColumns('窗口')} /> },
          { key: 'steps', label: '催办督办', children: <Table<Step> rowKey="id" size="small" dataSource={steps.data?.items ?? []} data-testid="board-steps"
            columns={[
              { title: '类型', dataIndex: 'kind', render: (k: Step['kind']) => <Tag color={KIND[k][1]}>{KIND[k][0]}</Tag> },
              { title: '文号', dataIndex: 'docNo', render: (v: string, r) => <a href={`/api/supervision/steps/${r.id}/document`} target="_blank" rel="noreferrer">{v}</a> },
              { title: '办件', dataIndex: 'caseNo', render: (v: string, r) => <Link to={`/cases/${r.caseId}`}>{v}</Link> },
              { title: '部门', dataIndex: 'department' }, { title: '签发日期', dataIndex: 'issuedOn' },
              { title: '答复', render: (_: unknown, r) => r.kind !== 'order' ? '—' : r.answeredAt ? <Tag color="green">已答复</Tag> : (
                <Space>
                  {r.escalatedAt ? <Tag color="red">逾期·已报分管领导</Tag> : `待答复（${r.answerDue} 前）`}
                  {user?.role === 'leader' && <Button size="small" onClick={() => setAnswering(r)}>答复</Button>}
                </Space>
              ) },
            ]} /> },
          { key: 'anomalies', label: `异常（${anomalies.data?.items.length ?? 0}）`, children: <Table<Anomaly> rowKey="id" size="small" dataSource={anomalies.data?.items ?? []} data-testid="board-anomalies"
            columns={[
              { title: '规则', dataIndex: 'ruleLabel' },
              { title: '办件', dataIndex: 'caseNo', render: (v: string | null, r) => (v && r.caseId ? <Link to={`/cases/${r.caseId}`}>{v}</Link> : '—') },
              { title: '证据', dataIndex: 'evidence', render: (e: Record<string, unknown>) => <Typography.Text code style={{ fontSize: 12 }}>{JSON.stringify(e).slice(0, 160)}</Typography.Text> },
              { title: '发现时间', dataIndex: 'detectedAt', render: (v: string) => formatDateTime(v) },
              ...(user?.role === 'supervisor' ? [{ title: '操作', render: (_: unknown, r: Anomaly) => <Button size="small" onClick={() => setHandling(r)}>标记已处理</Button> }] : []),
            ]} /> },
        ]} />
      </Card>
      <Modal title={`答复督办单 ${answering?.docNo ?? ''}`} open={!!answering} onOk={answer} onCancel={() => setAnswering(null)} okText="提交答复" cancelText="取消">
        <Form form={answerForm} layout="vertical">
          <Form.Item name="answer" label="超时原因及整改措施" rules={[{ required: true, min: 2, message: '请填写答复内容' }]}><Input.TextArea rows={4} /></Form.Item>
        </Form>
      </Modal>
      <Modal title="标记异常已处理" open={!!handling} onOk={handle} onCancel={() => setHandling(null)} okText="确定" cancelText="取消">
        <Form form={form} layout="vertical">
          <Form.Item name="note" label="处理说明" rules={[{ required: true, min: 2, message: '请填写处理说明' }]}><Input.TextArea rows={3} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

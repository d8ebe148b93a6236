/** 收费统计 and 事项目录指标 cards on the statistics report screen. */
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useT } from '../../lib/i18n';
import { feeTotals, yuan } from './api';

interface Share { count: number; percent: number | null }
interface CatalogRatios { items: number; immediate: Share; inCenter: Share; onlineCapable: Share; atMostOnce: Share; received: number; accepted: number; acceptedPercent: number | null }

const pct = (p: number | null) => (p === null ? '—' : `${p.toFixed(2)}%`);

export function FeeTotalsCard({ from, to, centerId }: { from: string; to: string; centerId?: string }) {
  const t = useT();
  const q = useQuery({ queryKey: ['stats-fees', from, to, centerId], queryFn: () => feeTotals({ from, to, centerId }) });
  const r = q.data;
  return (
    <Card title={t('收费统计（{from} 至 {to}）', { from, to })} data-testid="stats-fees">
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col><Statistic title={t('收费金额（元）')} value={r ? yuan(r.totalFen) : '—'} /></Col>
        <Col><Statistic title={t('缴款笔数')} value={r?.payments ?? '—'} /></Col>
      </Row>
      <Table rowKey={(x) => `${x.month}-${x.departmentId}-${x.itemId}`} size="small" pagination={false} loading={q.isFetching} dataSource={r?.rows ?? []}
        locale={{ emptyText: t('本期无收费') }}
        columns={[
          { title: t('月份'), dataIndex: 'month' },
          { title: t('部门'), dataIndex: 'department' },
          { title: t('事项'), dataIndex: 'itemName' },
          { title: t('笔数'), dataIndex: 'payments' },
          { title: t('金额（元）'), dataIndex: 'amountFen', render: (v: number) => yuan(v) },
        ]} />
    </Card>
  );
}

export function CatalogRatiosCard({ from, to, centerId }: { from: string; to: string; centerId?: string }) {
  const t = useT();
  const q = useQuery({ queryKey: ['stats-catalog', from, to, centerId], queryFn: () => api.get<CatalogRatios>('/api/stats/catalog', { from, to, centerId }) });
  const r = q.data;
  const cell = (title: string, s: Share | undefined, testid: string) => (
    <Col xs={12} md={6}><Statistic title={title} value={s ? pct(s.percent) : '—'} suffix={s ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('（{n}项）', { n: s.count })}</Typography.Text> : null} data-testid={testid} /></Col>
  );
  return (
    <Card title={t('事项目录指标')} data-testid="stats-catalog">
      <Row gutter={[16, 16]}>
        {cell(t('即办件占比'), r?.immediate, 'ratio-immediate')}
        {cell(t('进驻中心办理占比'), r?.inCenter, 'ratio-in-center')}
        {cell(t('网上可办占比（网办深度≥3）'), r?.onlineCapable, 'ratio-online')}
        {cell(t('“最多跑一次”占比'), r?.atMostOnce, 'ratio-once')}
        <Col xs={12} md={6}><Statistic title={t('已发布事项')} value={r?.items ?? '—'} /></Col>
        <Col xs={12} md={6}><Statistic title={t('收件')} value={r?.received ?? '—'} /></Col>
        <Col xs={12} md={6}><Statistic title={t('受理')} value={r?.accepted ?? '—'} /></Col>
        <Col xs={12} md={6}><Statistic title={t('受理占收件')} value={r ? pct(r.acceptedPercent) : '—'} /></Col>
      </Row>
    </Card>
  );
}

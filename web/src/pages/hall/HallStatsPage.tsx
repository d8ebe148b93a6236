/** 大厅统计: waiting now, wait and service time per hour / category / window, share within the wait target, no-shows, bookings kept. */
import { useEffect, useState } from 'react';
import { Card, Col, DatePicker, Row, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { useT } from '../../lib/i18n';

interface Group { key: string | number | null; name: string | null; tickets: number; called: number; served: number; noShows: number; avgWaitMinutes: number | null; avgServiceMinutes: number | null; withinTargetRate: number | null }
interface Stats {
  from: string; to: string; waitTargetMinutes: number;
  waitingNow: { categoryId: string; prefix: string; name: string; waiting: number }[];
  total: Group; byHour: Group[]; byCategory: Group[]; byWindow: Group[];
  bookings: { total: number; kept: number; noShows: number; cancelled: number; open: number; keptRate: number | null };
}

export function HallStatsPage({ embedded = false }: { embedded?: boolean }) {
  const t = useT();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs(), dayjs()]);
  useEffect(() => { if (!embedded) document.title = t('大厅统计'); }, [t, embedded]);
  return (
    <div className={embedded ? '' : 'bs-page'} data-testid="hall-stats">
      {!embedded && <Typography.Title level={3}>{t('大厅统计')}</Typography.Title>}
      <DatePicker.RangePicker value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} allowClear={false} style={{ marginBottom: 16 }} />
      <HallFigures from={range[0].format('YYYY-MM-DD')} to={range[1].format('YYYY-MM-DD')} />
    </div>
  );
}

/** The hall's figures over a period: here, and in the statistics report (统计报表) with the report's period. */
export function HallFigures({ from, to, brief = false }: { from: string; to: string; brief?: boolean }) {
  const t = useT();
  const q = useQuery({ queryKey: ['hall', 'stats', from, to], queryFn: ({ signal }) => api.get<Stats>('/api/hall/stats', { from, to }, signal) });
  const s = q.data;
  const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
  const min = (v: number | null) => (v === null ? '—' : t('{n}分钟', { n: v }));
  const cols = (first: string) => [
    { title: first, render: (_: unknown, r: Group) => <span translate="no">{`${r.key ?? ''} ${r.name ?? ''}`.trim()}</span> },
    { title: t('取号'), dataIndex: 'tickets' }, { title: t('已叫'), dataIndex: 'called' }, { title: t('办结'), dataIndex: 'served' }, { title: t('过号'), dataIndex: 'noShows' },
    { title: t('平均等候'), dataIndex: 'avgWaitMinutes', render: min }, { title: t('平均办理'), dataIndex: 'avgServiceMinutes', render: min },
    { title: t('{m}分钟内叫号率', { m: s?.waitTargetMinutes ?? 20 }), dataIndex: 'withinTargetRate', render: pct },
  ];
  if (!s) return null;
  return (
    <div data-testid="hall-figures">
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={4}><Card><Statistic title={t('取号')} value={s.total.tickets} /></Card></Col>
        <Col span={4}><Card><Statistic title={t('平均等候（分钟）')} value={s.total.avgWaitMinutes ?? '—'} /></Card></Col>
        <Col span={4}><Card><Statistic title={t('{m}分钟内叫号率', { m: s.waitTargetMinutes })} value={pct(s.total.withinTargetRate)} /></Card></Col>
        <Col span={4}><Card><Statistic title={t('过号')} value={s.total.noShows} /></Card></Col>
        <Col span={4}><Card><Statistic title={t('预约守约率')} value={pct(s.bookings.keptRate)} /></Card></Col>
        <Col span={4}><Card><Statistic title={t('预约爽约')} value={s.bookings.noShows} /></Card></Col>
      </Row>
      {!brief && (
        <>
          <Card title={t('当前等候')} style={{ marginBottom: 16 }}>
            {s.waitingNow.map((c) => <span key={c.categoryId} style={{ marginRight: 24 }}><span translate="no">{c.prefix} {c.name}</span>：<b>{c.waiting}</b></span>)}
          </Card>
          <Card title={t('按时段')} style={{ marginBottom: 16 }}><Table size="small" rowKey={(r) => String(r.key)} pagination={false} dataSource={s.byHour} columns={cols(t('时段（时）'))} /></Card>
        </>
      )}
      <Card title={t('按业务类别')} style={{ marginBottom: 16 }}><Table size="small" rowKey={(r) => String(r.key)} pagination={false} dataSource={s.byCategory} columns={cols(t('业务类别'))} /></Card>
      <Card title={t('按窗口')}><Table size="small" rowKey={(r) => String(r.key)} pagination={false} dataSource={s.byWindow} columns={cols(t('窗口'))} /></Card>
    </div>
  );
}

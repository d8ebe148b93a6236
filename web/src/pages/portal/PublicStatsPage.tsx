/** 办件统计 (portal, no login): aggregate counts and rates only — no names, no windows. */
import { useEffect, useState } from 'react';
import { Card, Col, DatePicker, Row, Segmented, Space, Statistic, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { PUBLIC_GROUP_BYS, type PublicGroupBy } from '../../../../src/stats/types';
import { StatsChart, StatsTable, type Report } from '../stats/StatsParts';
import { tr, zh } from '../../lib/i18n';
import { centerToday } from '../../lib/labels';

/** The groupings' names in the chosen language (the server's GROUP_BY_LABELS are Chinese). */
const GROUP_LABELS: Record<Exclude<PublicGroupBy, 'none'>, string> = { month: zh('月份'), department: zh('部门'), kind: zh('办件类型'), channel: zh('申报渠道') };

const rate = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(2)}%`);

export function PublicStatsPage() {
  const [params] = useSearchParams();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([
    dayjs(params.get('from') ?? `${centerToday().slice(0, 4)}-01-01`),
    dayjs(params.get('to') ?? centerToday()),
  ]);
  const [groupBy, setGroupBy] = useState<PublicGroupBy>('month');
  useEffect(() => {
    document.title = tr('办件统计 · 政务服务中心');
  }, []);
  const query = { from: period[0].format('YYYY-MM-DD'), to: period[1].format('YYYY-MM-DD'), groupBy };
  const report = useQuery({
    queryKey: ['public-stats', query],
    queryFn: ({ signal }) => api.get<Report>('/api/public/stats', query, signal),
    placeholderData: keepPreviousData,
  });
  const t = report.data?.total;

  return (
    <div className="bs-page" data-testid="public-stats-page">
      <div className="bs-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>{tr('办件统计')}</Typography.Title>
        <DatePicker.RangePicker value={period} allowClear={false} onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])} />
      </div>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {/* 受理 alone is also a step (English "Intake"): the count has its own key, like the table's column. */}
        {([[tr('收件（件）'), t?.received], [tr('受理（件）'), t?.accepted], [tr('办结（件）'), t?.completed], [tr('在办（件）'), t?.inProgress]] as const).map(([label, v]) => (
          <Col xs={12} md={6} key={label}><Card><Statistic title={label} value={v ?? '—'} /></Card></Col>
        ))}
        {([[tr('按时办结率'), t?.onTimeRate], [tr('一次办结率'), t?.firstTimeRate], [tr('即办率'), t?.immediateRate], [tr('网办率'), t?.onlineRate]] as const).map(([label, v]) => (
          <Col xs={12} md={6} key={label}><Card><Statistic title={label} value={rate(v)} /></Card></Col>
        ))}
      </Row>
      <Card
        title={tr('分类统计')}
        extra={<Segmented value={groupBy} onChange={(v) => setGroupBy(v as PublicGroupBy)} options={PUBLIC_GROUP_BYS.filter((g) => g !== 'none').map((g) => ({ value: g, label: <span data-testid={`stats-group-${g}`}>{tr(GROUP_LABELS[g as Exclude<PublicGroupBy, 'none'>])}</span> }))} />}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <StatsChart report={report.data} />
          <StatsTable report={report.data} loading={report.isFetching} />
          <Typography.Text type="secondary">
            {tr('统计口径：收件按提交日、受理按受理日、办结按作出决定之日计；比率四舍五入保留两位小数。本页仅公开汇总数字，不含任何个人信息。')}
          </Typography.Text>
        </Space>
      </Card>
    </div>
  );
}

/** 办件统计 (staff): filters, the measures table with rates, a chart, and Excel export. */
import { useEffect, useMemo, useState } from 'react';
import { Button, Card, DatePicker, Form, Select, Space, Typography } from 'antd';
import { FeedbackSummary } from '../feedback/DevicesStatsTabs';
import { HallFigures } from '../hall/HallStatsPage';
import { CatalogRatiosCard, FeeTotalsCard } from '../fees/FeeStatsCards';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { api, withQuery } from '../../api/client';
import { CASE_KIND_LABELS, centerToday } from '../../lib/labels';
import { CHANNEL_LABELS, GROUP_BY_LABELS } from '../../lib/labels';
import { GROUP_BYS, type GroupBy } from '../../../../src/stats/types';
import { StatsChart, StatsTable, type Report } from './StatsParts';
import { ThingsStatsCard } from './ThingsStatsCard';
import { Data, useT } from '../../lib/i18n';

interface Dimensions {
  centers: { id: string; name: string }[];
  departments: { id: string; name: string; centerId: string }[];
  windows: { id: string; number: number; name: string; centerId: string }[];
  items: { id: string; name: string; code: string; departmentId: string }[];
}
interface Filters { centerId?: string; departmentId?: string; windowId?: string; itemId?: string; kind?: string; channel?: string; groupBy: GroupBy }

const opts = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

export function StatsReportPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([
    dayjs(params.get('from') ?? `${centerToday().slice(0, 7)}-01`),
    dayjs(params.get('to') ?? centerToday()),
  ]);
  const [filters, setFilters] = useState<Filters>({ groupBy: (params.get('groupBy') as GroupBy) ?? 'department' });
  useEffect(() => {
    document.title = t('办件统计报表 · 政务服务中心');
  }, []);

  const query = useMemo(() => ({ from: period[0].format('YYYY-MM-DD'), to: period[1].format('YYYY-MM-DD'), ...filters }), [period, filters]);
  useEffect(() => {
    setParams({ from: query.from, to: query.to, groupBy: query.groupBy }, { replace: true });
  }, [query.from, query.to, query.groupBy, setParams]);

  const dims = useQuery({ queryKey: ['stats-dimensions'], queryFn: ({ signal }) => api.get<Dimensions>('/api/stats/dimensions', undefined, signal) });
  const report = useQuery({
    queryKey: ['stats-report', query],
    queryFn: ({ signal }) => api.get<Report>('/api/stats/report', query, signal),
    placeholderData: keepPreviousData,
  });
  const d = dims.data;
  const departments = (d?.departments ?? []).filter((x) => !filters.centerId || x.centerId === filters.centerId);
  const items = (d?.items ?? []).filter((x) => !filters.departmentId || x.departmentId === filters.departmentId);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <div className="bs-page">
      <div className="bs-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>{t('办件统计报表')}</Typography.Title>
        <Button type="primary" icon={<DownloadOutlined />} href={withQuery('/api/stats/report.xlsx', query)} download data-testid="stats-export">
          {t('导出Excel')}
        </Button>
      </div>
      <Card className="bs-filter-card">
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label={t('统计期间')}>
            <DatePicker.RangePicker
              value={period}
              allowClear={false}
              onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])}
              data-testid="stats-period"
            />
          </Form.Item>
          <Form.Item label={t('中心')}>
            <Select allowClear style={{ width: 180 }} placeholder={t('全部')} value={filters.centerId} onChange={(v) => set({ centerId: v, departmentId: undefined, itemId: undefined, windowId: undefined })}
              options={(d?.centers ?? []).map((c) => ({ value: c.id, label: <Data>{c.name}</Data>, title: c.name }))} data-testid="stats-center" />
          </Form.Item>
          <Form.Item label={t('部门')}>
            <Select allowClear showSearch optionFilterProp="title" style={{ width: 200 }} placeholder={t('全部')} value={filters.departmentId}
              onChange={(v) => set({ departmentId: v, itemId: undefined })} options={departments.map((x) => ({ value: x.id, label: <Data>{x.name}</Data>, title: x.name }))} data-testid="stats-department" />
          </Form.Item>
          <Form.Item label={t('窗口')}>
            <Select allowClear style={{ width: 180 }} placeholder={t('全部')} value={filters.windowId} onChange={(v) => set({ windowId: v })}
              options={(d?.windows ?? []).filter((w) => !filters.centerId || w.centerId === filters.centerId).map((w) => ({ value: w.id, label: <>{t('{n}号窗口', { n: w.number })} <Data>{w.name}</Data></>, title: `${w.number} ${w.name}` }))} />
          </Form.Item>
          <Form.Item label={t('事项')}>
            <Select allowClear showSearch optionFilterProp="title" style={{ width: 240 }} placeholder={t('全部')} value={filters.itemId}
              onChange={(v) => set({ itemId: v })} options={items.map((x) => ({ value: x.id, label: <Data>{x.name}</Data>, title: x.name }))} />
          </Form.Item>
          <Form.Item label={t('办件类型')}>
            <Select allowClear style={{ width: 120 }} placeholder={t('全部')} value={filters.kind} onChange={(v) => set({ kind: v })} options={opts(CASE_KIND_LABELS)} />
          </Form.Item>
          <Form.Item label={t('申报渠道')}>
            <Select allowClear style={{ width: 120 }} placeholder={t('全部')} value={filters.channel} onChange={(v) => set({ channel: v })} options={opts(CHANNEL_LABELS)} />
          </Form.Item>
          <Form.Item label={t('分组')}>
            <Select style={{ width: 120 }} value={filters.groupBy} onChange={(v) => set({ groupBy: v })}
              options={GROUP_BYS.map((g) => ({ value: g, label: g === 'none' ? t('不分组') : GROUP_BY_LABELS[g] }))} data-testid="stats-group-by" />
          </Form.Item>
        </Form>
      </Card>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card title={t('统计图')}>{report.data && report.data.rows.length > 0 ? <StatsChart report={report.data} /> : <Typography.Text type="secondary">{t('本期无数据')}</Typography.Text>}</Card>
        <Card title={t('统计表（{from} 至 {to}）', { from: query.from, to: query.to })}>
          <StatsTable report={report.data} loading={report.isFetching} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('收件按提交日、受理按受理日、办结按作出决定之日计；在办数为期末存量。比率由原始计数在查询时计算，四舍五入保留两位小数。')}
            {t('代办量见代办工作台的月报；好评率、差评整改率、回访率与投诉见下方“好差评与投诉”（按所选中心，不分部门窗口等其他筛选；导出Excel另有一页）；排队叫号见“大厅排队”（本中心）。')}
          </Typography.Paragraph>
        </Card>
        <Card title={t('好差评与投诉（{from} 至 {to}）', { from: query.from, to: query.to })}>
          <FeedbackSummary from={query.from} to={query.to} centerId={filters.centerId} />
        </Card>
        <Card title={t('大厅排队（本中心，{from} 至 {to}）', { from: query.from, to: query.to })}>
          <HallFigures brief from={query.from} to={query.to} />
        </Card>
        <FeeTotalsCard from={query.from} to={query.to} centerId={filters.centerId} />
        <CatalogRatiosCard from={query.from} to={query.to} centerId={filters.centerId} />
        <ThingsStatsCard from={query.from} to={query.to} centerId={filters.centerId} />
      </Space>
    </div>
  );
}

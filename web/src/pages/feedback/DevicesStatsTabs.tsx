/** 评价器绑定 (the office binds a tablet to a window) and the feedback statistics. */
import { useState } from 'react';
import { Button, Card, Col, DatePicker, Input, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { PieChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api } from '../../api/client';
import { showError } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import { opts, useDirectory } from './parts';

// Only the parts of echarts this page draws: the full library would join every chart page's chunk.
echarts.use([PieChart, TooltipComponent, CanvasRenderer]);

export function DevicesTab() {
  const t = useT();
  const dir = useDirectory();
  const [windowId, setWindowId] = useState<string | undefined>();
  const [link, setLink] = useState<string | null>(null);
  return (
    <Card size="small">
      <Typography.Paragraph>{t('为窗口平板生成评价器链接：在平板浏览器打开该链接并全屏显示，窗口办结一笔办件后平板即显示该办件供申请人评价。')}</Typography.Paragraph>
      <Space>
        <Select style={{ width: 260 }} placeholder={t('选择窗口')} options={opts(dir.data?.windows)} value={windowId} onChange={setWindowId} data-testid="device-window" />
        <Button type="primary" disabled={!windowId} data-testid="device-bind" onClick={async () => {
          try {
            const r = await api.post<{ path: string }>('/api/feedback/devices', { windowId });
            setLink(`${window.location.origin}${r.path}`);
          } catch (e) { showError(e); }
        }}>{t('生成评价器链接')}</Button>
      </Space>
      {link && (
        <div style={{ marginTop: 12 }}>
          <Input.TextArea readOnly value={link} autoSize data-testid="device-link" />
          <a href={link} target="_blank" rel="noreferrer">{t('打开评价器')}</a>
        </div>
      )}
    </Card>
  );
}

interface FeedbackStats {
  evaluation: { rated: number; good: number; bad: number; substantiated: number; rectified: number; visited: number; goodRate: number | null; rectifyRate: number | null; visitRate: number | null; avgGrade: number | null };
  complaints: { received: number; accepted: number; excluded: number; resolved: number; substantiated: number; onTime: number; onTimeRate: number | null; overdueOpen: number; byCategory: { label: string; count: number }[]; byChannel: { label: string; count: number }[] };
  praise: number;
  groups: { key: string | null; label: string; rated: number; good: number; bad: number; goodRate: number | null; rectifyRate: number | null; visitRate: number | null }[];
}

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`);

/** The feedback figures of one period (the statistics report shows this card too). */
export function FeedbackSummary({ from, to, centerId, groupBy = 'department' }: { from: string; to: string; centerId?: string; groupBy?: string }) {
  const t = useT();
  const q = { from, to, centerId, groupBy };
  const stats = useQuery({ queryKey: ['feedback', 'stats', q], queryFn: ({ signal }) => api.get<FeedbackStats>('/api/stats/feedback', q, signal) });
  const s = stats.data;
  const pie = (rows: { label: string; count: number }[]) => ({ tooltip: {}, series: [{ type: 'pie', radius: '65%', data: rows.map((r) => ({ name: t(r.label), value: r.count })) }] });
  if (!s) return null;
  return (
    <div data-testid="feedback-summary">
      <Row gutter={16}>
        <Col span={4}><Statistic title={t('评价数')} value={s.evaluation.rated} /></Col>
        <Col span={4}><Statistic title={t('好评率')} value={pct(s.evaluation.goodRate)} /></Col>
        <Col span={4}><Statistic title={t('差评数')} value={s.evaluation.bad} /></Col>
        <Col span={4}><Statistic title={t('差评整改率')} value={pct(s.evaluation.rectifyRate)} /></Col>
        <Col span={4}><Statistic title={t('回访率')} value={pct(s.evaluation.visitRate)} /></Col>
        <Col span={4}><Statistic title={t('表扬')} value={s.praise} /></Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={4}><Statistic title={t('投诉数')} value={s.complaints.received} /></Col>
        <Col span={4}><Statistic title={t('不予受理')} value={s.complaints.excluded} /></Col>
        <Col span={4}><Statistic title={t('已办结')} value={s.complaints.resolved} /></Col>
        <Col span={4}><Statistic title={t('属实')} value={s.complaints.substantiated} /></Col>
        <Col span={4}><Statistic title={t('按期办结率')} value={pct(s.complaints.onTimeRate)} /></Col>
        <Col span={4}><Statistic title={t('逾期未办结')} value={s.complaints.overdueOpen} /></Col>
      </Row>
      {(s.complaints.byCategory.length > 0) && (
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col span={12}><Typography.Title level={5}>{t('投诉类别')}</Typography.Title><ReactEChartsCore echarts={echarts} style={{ height: 240 }} option={pie(s.complaints.byCategory)} /></Col>
          <Col span={12}><Typography.Title level={5}>{t('投诉渠道')}</Typography.Title><ReactEChartsCore echarts={echarts} style={{ height: 240 }} option={pie(s.complaints.byChannel)} /></Col>
        </Row>
      )}
      {s.groups.length > 0 && (
        <Table rowKey={(r) => r.key ?? 'none'} size="small" pagination={false} dataSource={s.groups} style={{ marginTop: 16 }}
          columns={[
            { title: t('部门'), dataIndex: 'label' }, { title: t('评价数'), dataIndex: 'rated' }, { title: t('好评'), dataIndex: 'good' }, { title: t('差评'), dataIndex: 'bad' },
            { title: t('好评率'), dataIndex: 'goodRate', render: pct }, { title: t('差评整改率'), dataIndex: 'rectifyRate', render: pct }, { title: t('回访率'), dataIndex: 'visitRate', render: pct },
          ]} />
      )}
    </div>
  );
}

export function FeedbackStatsTab() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  return (
    <Card size="small" data-testid="feedback-stats">
      <DatePicker.RangePicker value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} allowClear={false} style={{ marginBottom: 12 }} />
      <FeedbackSummary from={range[0].format('YYYY-MM-DD')} to={range[1].format('YYYY-MM-DD')} />
    </Card>
  );
}

/** The statistics report's 一件事 section (GET /api/stats/things): per thing over the period, with the total. */
import { Card, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Data, useT } from '../../lib/i18n';
import { daysVs, LightCounts, type ThingFigures } from '../supervision/ThingsBlock';

interface Rating { rated: number; good: number; bad: number; goodRate: number | null }
interface Line extends ThingFigures { thingId: string; thingCode: string; thingName: string; rating: Rating }
interface ThingsReport { from: string; to: string; today: string; things: Line[]; total: ThingFigures & { rating: Rating } }

const rate = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`);

export function ThingsStatsCard({ from, to, centerId }: { from: string; to: string; centerId?: string }) {
  const t = useT();
  const report = useQuery({
    queryKey: ['stats-things', from, to, centerId],
    queryFn: ({ signal }) => api.get<ThingsReport>('/api/stats/things', { from, to, ...(centerId ? { centerId } : {}) }, signal),
    placeholderData: keepPreviousData,
  });
  const r = report.data;
  const rows: (Line & { total?: boolean })[] = r ? [...r.things, { ...r.total, thingId: '__total__', thingCode: 'total', thingName: '', total: true }] : [];
  return (
    <Card title={t('一件事（{from} 至 {to}）', { from, to })} data-testid="stats-things">
      <div className="bs-scroll-region" tabIndex={0} role="region" aria-label={t('一件事统计表')} style={{ overflowX: 'auto' }}>
        <Table<Line & { total?: boolean }>
          size="small" bordered rowKey="thingId" loading={report.isFetching} dataSource={rows} pagination={false}
          rowClassName={(x) => (x.total ? 'bs-total-row' : '')}
          onRow={(x) => ({ 'data-testid': `stats-thing-${x.thingCode}` } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            { title: t('一件事'), dataIndex: 'thingName', onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (v: string, x) => (x.total ? t('合计') : <Data>{v}</Data>) },
            { title: t('申请数'), dataIndex: 'filed', align: 'right' },
            { title: t('办结数'), dataIndex: 'ended', align: 'right', render: (v: number) => <span data-testid="thing-ended">{v}</span> },
            { title: t('已送达'), dataIndex: 'completed', align: 'right' },
            { title: t('按时办结率'), dataIndex: 'onTimeShare', align: 'right', render: (v: number | null) => <span data-testid="thing-on-time">{rate(v)}</span> },
            { title: t('平均用时 / 承诺总时限 / 各事项时限之和（工作日）'), align: 'right', render: (_: unknown, x) => <span data-testid="thing-days">{daysVs(x)}</span> },
            { title: t('在办（当前）'), render: (_: unknown, x) => <LightCounts running={x.running} /> },
            { title: t('整件评价数'), dataIndex: ['rating', 'rated'], align: 'right' },
            { title: t('整件好评率'), dataIndex: ['rating', 'goodRate'], align: 'right', render: (v: number | null) => <span data-testid="thing-good-rate">{rate(v)}</span> },
          ]}
        />
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('申请按提交日、办结按最后一项事项结束之日计；用时为提交次日至办结日的工作日数（本中心工作日历）；按时指办结日不晚于承诺总时限到期日。整件评价为申请人对一件事整体的评价，差评由牵头部门整改。在办与亮灯截至今日。导出Excel另有“一件事”一页。')}
      </Typography.Paragraph>
    </Card>
  );
}

/** The statistics table and chart, shared by the staff report page and the portal's public page. */
import { Table } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { MEASURE_COLUMNS, type Measures } from '../../../../src/stats/measures';
import { Data, useT } from '../../lib/i18n';

type T = ReturnType<typeof useT>;
import { caseKindLabel, CHANNEL_LABELS, GROUP_BY_LABELS } from '../../lib/labels';
import type { GroupBy } from '../../../../src/stats/types';

/**
 * A row's name in the chosen language: the total, the enumerations (case kind, channel), a
 * window's "3号窗口" and the no-window row by key; the names of centers, departments, windows and
 * items are data. The server's `label` is Chinese (the Excel sheet's wording).
 */
function rowName(report: Report, row: ReportRow, t: T): { text: string; data?: string } {
  const k = row.key;
  if (k === '__total__') return { text: GROUP_BY_LABELS.none };
  if (report.groupBy === 'kind' && k) return { text: caseKindLabel(k) };
  if (report.groupBy === 'channel' && k && k in CHANNEL_LABELS) return { text: CHANNEL_LABELS[k as keyof typeof CHANNEL_LABELS] };
  if (report.groupBy === 'window') {
    if (k === null) return { text: t('未经窗口（网上申报未受理等）') };
    const w = report.windows?.[k];
    if (w) return { text: t('{n}号窗口', { n: w.number }), data: w.name };
  }
  return { text: '', data: row.label };
}

function RowLabel({ report, row }: { report: Report; row: ReportRow }) {
  const t = useT();
  const { text, data } = rowName(report, row, t);
  return <>{text}{text && data ? ' ' : ''}{data && <Data>{data}</Data>}</>;
}

/** The same name as plain text (the chart's axis is drawn on a canvas). */
const rowText = (report: Report, row: ReportRow, t: T) => {
  const { text, data } = rowName(report, row, t);
  return [text, data].filter(Boolean).join(' ');
};

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ReportRow extends Measures { key: string | null; label: string }
export interface Report { from: string; to: string; groupBy: string; groupLabel: string; rows: ReportRow[]; total: ReportRow; windows?: Record<string, { number: number; name: string }> }

/** Rates and averages come rounded from the server (one rule); the table only shows them. */
const show = (v: number | null, rate?: boolean) => (v === null ? '—' : rate ? `${v.toFixed(2)}%` : Number.isInteger(v) ? String(v) : v.toFixed(2));

export function StatsTable({ report, loading, columns }: { report?: Report; loading?: boolean; columns?: (keyof Measures)[] }) {
  const t = useT();
  const cols = MEASURE_COLUMNS.filter((c) => !columns || columns.includes(c.key));
  const data = report ? [...report.rows, { ...report.total, key: '__total__' }] : [];
  // The table scrolls sideways in a region of its own that keyboard users can focus and
  // scroll (axe: scrollable-region-focusable), not in antd's unfocusable scroll box.
  return (
    <div className="bs-scroll-region" tabIndex={0} role="region" aria-label={t('统计表')} style={{ overflowX: 'auto' }}>
    <Table<ReportRow>
      size="small"
      bordered
      loading={loading}
      rowKey={(r) => String(r.key)}
      dataSource={data}
      pagination={false}
      data-testid="stats-table"
      rowClassName={(r) => (r.key === '__total__' ? 'bs-total-row' : '')}
      columns={[
        {
          title: report && report.groupBy in GROUP_BY_LABELS ? GROUP_BY_LABELS[report.groupBy as GroupBy] : t('分组'),
          dataIndex: 'label',
          // A month or day stays on one line (the region scrolls sideways instead).
          onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
          render: (_: string, r) => <span data-testid={`stats-row-${r.key === '__total__' ? 'total' : r.key}`}>{report && <RowLabel report={report} row={r} />}</span>,
        },
        ...cols.map((c) => ({
          // The measure's name (src/stats/measures.ts), in English from en/stats.ts.
          title: t(c.zh).replace(' (%)', '').replace('(%)', ''),
          dataIndex: c.key,
          align: 'right' as const,
          render: (v: number | null, r: ReportRow) => <span data-testid={`stats-${r.key === '__total__' ? 'total' : r.key}-${c.key}`}>{show(v, c.rate)}</span>,
        })),
      ]}
    />
    </div>
  );
}

/** Bars: received / accepted / completed per group; line: on-time rate. */
export function StatsChart({ report }: { report?: Report }) {
  const t = useT();
  if (!report || report.rows.length === 0) return null;
  const labels = report.rows.map((r) => rowText(report, r, t));
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('收件数'), t('受理数'), t('办结数'), t('按时办结率(%)')] },
    grid: { left: 48, right: 56, bottom: 72, top: 40 },
    xAxis: { type: 'category', data: labels, axisLabel: { rotate: labels.length > 6 ? 30 : 0, width: 120, overflow: 'truncate' } },
    yAxis: [{ type: 'value', name: t('件'), minInterval: 1 }, { type: 'value', name: '%', min: 0, max: 100 }],
    series: [
      { name: t('收件数'), type: 'bar', data: report.rows.map((r) => r.received) },
      { name: t('受理数'), type: 'bar', data: report.rows.map((r) => r.accepted) },
      { name: t('办结数'), type: 'bar', data: report.rows.map((r) => r.completed) },
      { name: t('按时办结率(%)'), type: 'line', yAxisIndex: 1, data: report.rows.map((r) => r.onTimeRate) },
    ],
  };
  return (
    <div data-testid="stats-chart">
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 340 }} notMerge />
    </div>
  );
}

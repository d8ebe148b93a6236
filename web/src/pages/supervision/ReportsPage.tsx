/** 监察通报 /supervision/reports: preview the month's or quarter's 电子监察通报, issue it (frozen, versioned), print and export. */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Radio, Space, Table, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { errorText, showSuccess } from '../../lib/feedback';
import { formatDateTime } from '../../lib/labels';
import { useT } from '../../lib/i18n';

interface Line { departmentId: string; department: string; [k: string]: number | string }
interface ReportData { period: { period: string; label: string; from: string; to: string }; departments: Line[]; total: Record<string, number> }
interface Issued { id: string; period: string; version: number; docNo: string; issuedAt: string }

export function ReportsPage() {
  const t = useT();
  const { user } = useSession();
  // ?period=2026-03 or 2026-Q1 opens that period; else last month.
  const [params] = useSearchParams();
  const asked = params.get('period') ?? '';
  const quarter = /^(\d{4})-Q([1-4])$/.exec(asked);
  const [kind, setKind] = useState<'month' | 'quarter'>(quarter ? 'quarter' : 'month');
  const [month, setMonth] = useState<Dayjs>(quarter ? dayjs(`${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`) : /^\d{4}-\d{2}$/.test(asked) ? dayjs(`${asked}-01`) : dayjs().subtract(1, 'month'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const period = kind === 'month' ? month.format('YYYY-MM') : `${month.year()}-Q${Math.floor(month.month() / 3) + 1}`;
  const mayIssue = user?.role === 'centerAdmin' || user?.role === 'supervisor';
  useEffect(() => { document.title = t('电子监察通报 · 政务服务中心'); }, []);
  const preview = useQuery({ queryKey: ['supervision-report-preview', period], queryFn: () => api.get<ReportData>('/api/supervision/reports/preview', { period }), enabled: mayIssue });
  const list = useQuery({ queryKey: ['supervision-reports'], queryFn: () => api.get<{ items: Issued[] }>('/api/supervision/reports') });
  const COLS: [string, string][] = [
    ['accepted', t('受理')], ['decided', t('办结')], ['yellow', t('黄灯')], ['red', t('红灯')], ['black', t('黑灯')], ['overdueDecided', t('超时办结')], ['overdueOpen', t('逾期未办结')],
    ['violations', t('违法记录')], ['orders', t('督办单')], ['ordersAnswered', t('督办已答复')], ['accountability', t('问责')], ['anomalies', t('异常')], ['anomaliesHandled', t('异常已处理')],
  ];
  const issue = async () => {
    setBusy(true); setError(null);
    try {
      const r = await api.post<Issued>('/api/supervision/reports', { period });
      showSuccess(t('已出具第{v}版', { v: r.version }));
      void list.refetch();
    } catch (e) { setError(errorText(e)); } finally { setBusy(false); }
  };
  const p = preview.data;
  return (
    <div className="bs-page">
      <div className="bs-page-head"><Typography.Title level={3} style={{ margin: 0 }}>{t('电子监察通报')}</Typography.Title></div>
      {mayIssue && (
        <Card title={t('生成通报')} data-testid="report-preview">
          <Space wrap style={{ marginBottom: 12 }}>
            <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} optionType="button" data-testid="report-kind"
              options={[{ value: 'month', label: t('月度') }, { value: 'quarter', label: t('季度') }]} />
            <DatePicker picker={kind === 'month' ? 'month' : 'quarter'} value={month} allowClear={false} onChange={(d) => d && setMonth(d)} data-testid="report-period" />
            <Button type="primary" loading={busy} onClick={() => void issue()} data-testid="report-issue">{t('出具通报')}</Button>
          </Space>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          <Typography.Paragraph type="secondary">{t('预览按当前数据计算，不保存；出具后数据冻结，再次出具为新版本，原版本不变。')}</Typography.Paragraph>
          <Table<Line> rowKey="departmentId" size="small" pagination={false} loading={preview.isFetching} scroll={{ x: true }}
            dataSource={p ? [...p.departments, { departmentId: 'total', department: t('合计'), ...p.total }] : []}
            columns={[{ title: t('部门'), dataIndex: 'department', fixed: 'left' }, ...COLS.map(([k, l]) => ({ title: l, dataIndex: k }))]} />
        </Card>
      )}
      <Card title={t('已出具的通报')} style={{ marginTop: 16 }} data-testid="report-list">
        <Table<Issued> rowKey="id" size="small" pagination={false} dataSource={list.data?.items ?? []} locale={{ emptyText: t('尚未出具通报') }}
          onRow={(r) => ({ 'data-testid': `report-${r.period}-v${r.version}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('统计期'), dataIndex: 'period' },
            { title: t('版本'), dataIndex: 'version', render: (v: number) => t('第{v}版', { v }) },
            { title: t('文号'), dataIndex: 'docNo' },
            { title: t('出具时间'), dataIndex: 'issuedAt', render: (v: string) => formatDateTime(v) },
            {
              title: t('操作'), key: 'op',
              render: (_: unknown, r) => (
                <Space>
                  <a href={`/api/supervision/reports/${r.id}/document`} target="_blank" rel="noreferrer" data-testid="report-print"><PrinterOutlined /> {t('打印')}</a>
                  <a href={`/api/supervision/reports/${r.id}/excel`} download data-testid="report-excel"><DownloadOutlined /> {t('导出Excel')}</a>
                </Space>
              ),
            },
          ]} />
      </Card>
    </div>
  );
}

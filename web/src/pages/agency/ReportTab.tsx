/** 代办月报: download one point's month as Excel (the point's agents; center admins for the points below them). */
import { useMemo, useState } from 'react';
import { Button, Card, Empty, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { reportUrl, type AgencyPoint } from '../../api/agency';
import { useT } from '../../lib/i18n';

/** This month and the eleven before it, newest first (YYYY-MM). */
function recentMonths(now = new Date()): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  });
}

export function ReportTab({ canDownload }: { canDownload: boolean }) {
  const t = useT();
  const months = useMemo(() => recentMonths(), []);
  const [month, setMonth] = useState(months[0]!);
  const points = useQuery({ queryKey: ['agency-points'], queryFn: ({ signal }) => api.get<{ items: AgencyPoint[] }>('/api/agency/points', undefined, signal) });
  return (
    <Card size="small" className="bs-section" data-testid="agency-report" title={t('代办月报')} extra={
      <Space>
        {t('统计月份')}
        <Select value={month} onChange={setMonth} options={months.map((m) => ({ value: m, label: m }))} style={{ width: 120 }} data-testid="report-month" />
      </Space>
    }>
      <Table<AgencyPoint>
        rowKey="id"
        size="small"
        loading={points.isFetching}
        dataSource={points.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('没有可查看的代办点')} /> }}
        columns={[
          { title: t('代办点'), dataIndex: 'name' },
          { title: t('交件中心'), dataIndex: 'handoverCenter' },
          { title: t('代办员'), key: 'agents', render: (_: unknown, p) => p.agents.map((a) => <Tag key={a.id}>{a.displayName} {a.phone}</Tag>) },
          {
            title: '', key: 'op', width: 160,
            render: (_: unknown, p) => canDownload && (
              <Button icon={<DownloadOutlined />} href={reportUrl(p.id, month)} data-testid={`report-download-${p.centerId}`}>
                {t('下载月报')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

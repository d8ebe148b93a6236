/** The case page's e-licence line (staff): the licence an approved case issued — number, standing, its document. */
import { Card, Space, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Data, useT } from '../../lib/i18n';
import { documentUrl, STANDING, standingOf, type LicenceSummary } from './api';

export function CaseLicence({ caseId }: { caseId: string }) {
  const t = useT();
  const q = useQuery({ queryKey: ['licences', 'case', caseId], queryFn: () => api.get<{ items: LicenceSummary[] }>('/api/licences', { caseId }), retry: false });
  const l = q.data?.items[0];
  if (!l) return null;
  const st = STANDING[standingOf(l)];
  return (
    <Card size="small" title={t('电子证照')} style={{ marginBottom: 12 }} data-testid="case-licence" data-status={standingOf(l)}>
      <Space direction="vertical" size={4}>
        <div><Data>{l.type}</Data> <Tag color={st.color}>{t(st.label)}</Tag></div>
        <div>{t('证照编号')}：<Data testId="case-licence-no">{l.licenceNo}</Data></div>
        {l.statusReason && <div>{t('原因')}：<Data>{l.statusReason}</Data></div>}
        <a href={documentUrl(l.id)} target="_blank" rel="noreferrer" data-testid="case-licence-document">{t('查看/打印')}</a>
      </Space>
    </Card>
  );
}

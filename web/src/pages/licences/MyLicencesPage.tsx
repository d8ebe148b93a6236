/**
 * 我的证照: the signed-in applicant's e-licences, newest first, with their standing (valid,
 * expired, revoked or superseded with the reason). Each opens its A4 document (print / save as
 * PDF) and a 出示 view for a counter. Cards, not a table: readable on a phone and in 长辈版.
 */
import { useEffect } from 'react';
import { Alert, Button, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import { FilePdfOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { errorText } from '../../lib/feedback';
import { Data, useT } from '../../lib/i18n';
import { documentUrl, STANDING, standingOf, type LicenceSummary } from './api';

export function MyLicencesPage() {
  const t = useT();
  useEffect(() => { document.title = t('我的证照 · 政务服务中心'); }, [t]);
  const list = useQuery({ queryKey: ['licences', 'mine'], queryFn: () => api.get<{ items: LicenceSummary[]; total: number }>('/api/licences', { pageSize: 100 }) });

  return (
    <div className="bs-page" data-testid="my-licences-page" style={{ maxWidth: 900, margin: '0 auto' }}>
      <div className="bs-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>{t('我的证照')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('办件批准后签发的电子证照，加盖电子印章，可下载打印，也可在窗口扫码核验。')}</Typography.Paragraph>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 12 }} />}
      {list.isLoading && <Spin />}
      {list.data && list.data.items.length === 0 && <Empty description={t('暂无电子证照')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {(list.data?.items ?? []).map((l) => <LicenceCard key={l.id} l={l} />)}
      </Space>
    </div>
  );
}

function LicenceCard({ l }: { l: LicenceSummary }) {
  const t = useT();
  const standing = standingOf(l);
  const st = STANDING[standing];
  return (
    <Card size="small" data-testid={`my-licence-${l.licenceNo}`} data-status={standing}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, flexWrap: 'wrap', alignItems: 'center' }}>
        <div>
          <div style={{ fontSize: 18, fontWeight: 600 }}><Data testId="my-licence-type">{l.type}</Data></div>
          <div>{t('证照编号')}：<Data testId="my-licence-no">{l.licenceNo}</Data></div>
          {l.issuer && <div>{t('发证机关')}：<Data>{l.issuer}</Data></div>}
          <Typography.Text type="secondary">
            {t('发证日期')}：<Data>{l.issuedOn}</Data> · {t('有效期至')}：{l.validUntil ? <Data>{l.validUntil}</Data> : t('长期有效')}
          </Typography.Text>
          {standing !== 'valid' && standing !== 'expired' && l.statusReason && (
            <div data-testid="my-licence-reason">{t('原因')}：<Data>{l.statusReason}</Data>{l.statusOn && <> (<Data>{l.statusOn}</Data>)</>}</div>
          )}
        </div>
        <Space wrap>
          <Tag color={st.color} data-testid="my-licence-status">{t(st.label)}</Tag>
          <a href={documentUrl(l.id)} target="_blank" rel="noreferrer" data-testid="my-licence-document">
            <Button icon={<FilePdfOutlined />}>{t('查看/打印')}</Button>
          </a>
          {standing === 'valid' && (
            <Link to={`/my/licences/${l.id}/show`} data-testid="my-licence-show"><Button type="primary" icon={<QrcodeOutlined />}>{t('出示')}</Button></Link>
          )}
        </Space>
      </div>
    </Card>
  );
}

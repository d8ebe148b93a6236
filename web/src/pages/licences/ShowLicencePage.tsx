/**
 * 出示: one licence shown at a counter — its type, number and a large QR code to the public
 * verification page (the same link the printed licence carries). Big on purpose (长辈版 too).
 */
import { useEffect } from 'react';
import { Alert, Button, Card, QRCode, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { errorText } from '../../lib/feedback';
import { Data, useT } from '../../lib/i18n';
import { verifyPage, type LicenceDetail } from './api';

export function ShowLicencePage() {
  const t = useT();
  const { id = '' } = useParams();
  useEffect(() => { document.title = t('出示证照 · 政务服务中心'); }, [t]);
  const one = useQuery({ queryKey: ['licences', id], queryFn: () => api.get<LicenceDetail>(`/api/licences/${id}`) });
  const l = one.data;
  return (
    <div className="bs-page" data-testid="show-licence-page" style={{ maxWidth: 520, margin: '0 auto' }}>
      <Link to="/my/licences"><Button type="link" style={{ paddingLeft: 0 }}>{t('返回我的证照')}</Button></Link>
      {one.isError && <Alert type="error" showIcon title={errorText(one.error)} />}
      {one.isLoading && <Spin />}
      {l && (
        <Card style={{ textAlign: 'center' }}>
          <Typography.Title level={2} style={{ marginTop: 0 }}><Data>{l.type}</Data></Typography.Title>
          <div style={{ display: 'flex', justifyContent: 'center', margin: '8px 0 16px' }}>
            <QRCode value={`${window.location.origin}${verifyPage(l.licenceNo, l.verifyCode)}`} size={280} bordered={false} aria-label={t('证照核验二维码')} data-testid="show-licence-qr" />
          </div>
          <div style={{ fontSize: 22, fontWeight: 600 }}><Data testId="show-licence-no">{l.licenceNo}</Data></div>
          <div style={{ fontSize: 20 }}>{t('核验码')}：<Data testId="show-licence-code">{l.verifyCode}</Data></div>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('请工作人员扫码核验证照真伪和现状。')}</Typography.Paragraph>
        </Card>
      )}
    </div>
  );
}

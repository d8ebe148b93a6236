/**
 * 证照核验 (public, no login): what a licence's QR code opens. Says plainly valid / expired /
 * revoked / superseded / signature invalid, and only the type, issuing body, dates and the
 * holder's masked name — what the server's verification answers, nothing else.
 */
import { useEffect } from 'react';
import { Alert, Card, Descriptions, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { errorText } from '../../lib/feedback';
import { Data, useT } from '../../lib/i18n';
import { VERIFY, type LicenceVerification } from './api';

export function VerifyLicencePage() {
  const t = useT();
  const { no = '' } = useParams();
  const [params] = useSearchParams();
  const code = (params.get('code') ?? '').trim();
  useEffect(() => { document.title = t('电子证照核验 · 政务服务中心'); }, [t]);
  const v = useQuery({
    queryKey: ['licence-verify', no, code],
    queryFn: ({ signal }) => api.get<LicenceVerification>(`/api/public/licences/${encodeURIComponent(no)}/verify`, { code }, signal),
    enabled: !!no && !!code, retry: false, staleTime: 0,
  });
  const r = v.data;
  const l = r?.licence;
  return (
    <div className="bs-page" data-testid="verify-licence-page" style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Title level={2}>{t('电子证照核验')}</Typography.Title>
      {!code && <Alert type="warning" showIcon title={t('缺少核验码：请扫描证照上的二维码')} />}
      {v.isLoading && <Spin />}
      {v.isError && (
        <Alert data-testid="verify-licence-error" showIcon
          type={v.error instanceof ApiError && v.error.status === 404 ? 'warning' : 'error'}
          title={v.error instanceof ApiError && v.error.status === 404 ? t('未找到该证照，请核对证照编号和核验码') : errorText(v.error)} />
      )}
      {r && (
        <Card>
          <Alert type={VERIFY[r.result].type} showIcon data-testid="verify-licence-result" data-result={r.result}
            title={<span style={{ fontSize: 22, fontWeight: 600 }}>{t(VERIFY[r.result].label)}</span>} style={{ marginBottom: 16 }} />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('证照编号')}><Data>{r.licenceNo}</Data></Descriptions.Item>
            {l && <>
              <Descriptions.Item label={t('证照类型')}><Data testId="verify-licence-type">{l.type}</Data></Descriptions.Item>
              <Descriptions.Item label={t('持证主体')}><Data testId="verify-licence-holder">{l.holderName}</Data></Descriptions.Item>
              <Descriptions.Item label={t('发证机关')}><Data>{l.issuer}</Data></Descriptions.Item>
              <Descriptions.Item label={t('发证日期')}><Data>{l.issuedOn}</Data></Descriptions.Item>
              <Descriptions.Item label={t('有效期至')}>{l.validUntil ? <Data>{l.validUntil}</Data> : t('长期有效')}</Descriptions.Item>
              {l.statusOn && <Descriptions.Item label={t('状态变更日期')}><Data>{l.statusOn}</Data></Descriptions.Item>}
            </>}
            <Descriptions.Item label={t('核验日期')}><Data>{r.checkedOn}</Data></Descriptions.Item>
            {r.key && <Descriptions.Item label={t('签章算法')}><Data>{r.key.algorithm}</Data></Descriptions.Item>}
          </Descriptions>
        </Card>
      )}
    </div>
  );
}

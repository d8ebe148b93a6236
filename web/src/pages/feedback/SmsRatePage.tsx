/** The page an SMS rating link opens (`/rate?token=…`): no login; an expired or used link says so plainly. */
import { useEffect, useState } from 'react';
import { Alert, Card, Result, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { errorText } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import { RatingForm, type RatingValue } from './RatingForm';
import type { ScoreKey } from './api';

interface LinkInfo { caseNo: string; itemName: string; applicant: string; stage: string; expiresAt: string; scoreKeys: ScoreKey[] }

export function SmsRatePage() {
  const t = useT();
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { document.title = t('办件评价'); }, []);
  const info = useQuery({ queryKey: ['rate-link', token], queryFn: ({ signal }) => api.get<LinkInfo>('/api/feedback/links', { token }, signal), retry: false, enabled: !!token });
  async function submit(v: RatingValue) {
    setBusy(true); setError(null);
    try {
      await api.post('/api/feedback/evaluations', { token, ...v });
      setDone(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="bs-page" data-testid="sms-rate-page" style={{ maxWidth: 720, margin: '0 auto' }}>
      {!token && <Result status="warning" title={t('评价链接无效')} />}
      {info.isLoading && <Spin />}
      {info.isError && <Result status="warning" title={errorText(info.error)} data-testid="sms-rate-error" />}
      {done && <Result status="success" title={t('感谢您的评价！')} data-testid="sms-rate-done" />}
      {info.data && !done && (
        <Card title={t('办件评价')}>
          <Typography.Paragraph>{info.data.itemName} · {info.data.caseNo} · {info.data.applicant}</Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <RatingForm scoreKeys={info.data.scoreKeys} onSubmit={submit} busy={busy} />
        </Card>
      )}
    </div>
  );
}

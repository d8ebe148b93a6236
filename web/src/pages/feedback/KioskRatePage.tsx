/**
 * 窗口评价器: a tablet bound to one window (`?device=` from 好差评 → 评价器绑定) shows the case the
 * window just served and takes the rating with big buttons, with the hall ticket it served
 * (`?ticket=` names one; otherwise the window's last finished ticket — src/feedback/device.ts).
 */
import { useEffect, useState } from 'react';
import { Alert, Result, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { errorText } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import { RatingForm, type RatingValue } from './RatingForm';
import type { ScoreKey } from './api';

interface DeviceView {
  window: { id: string; number: number; name: string }; staff: string[]; ticket: string | null;
  current: { caseId: string; caseNo: string; itemName: string; applicant: string; state: string; stage: string | null; rated: boolean; scoreKeys: ScoreKey[] } | null;
}

export function KioskRatePage() {
  const t = useT();
  const params = new URLSearchParams(window.location.search);
  const device = params.get('device') ?? '';
  const ticket = params.get('ticket') ?? undefined;
  const [thanks, setThanks] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { document.title = t('服务评价'); }, []);
  const view = useQuery({
    queryKey: ['kiosk', device, ticket],
    queryFn: ({ signal }) => api.get<DeviceView>('/api/feedback/device/current', { device, ticket }, signal),
    refetchInterval: 3000,
    enabled: !!device,
  });
  // A new case at the window clears the thank-you screen.
  const caseId = view.data?.current?.caseId;
  useEffect(() => { if (caseId && caseId !== thanks) setThanks(null); }, [caseId, thanks]);

  async function submit(v: RatingValue) {
    if (!view.data?.current) return;
    setBusy(true); setError(null);
    try {
      await api.post('/api/feedback/evaluations', { deviceToken: device, ticket, caseId: view.data.current.caseId, stage: view.data.current.stage ?? undefined, ...v });
      setThanks(view.data.current.caseId);
      await view.refetch();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const d = view.data;
  const c = d?.current;
  return (
    <div data-testid="kiosk-page" style={{ minHeight: '100vh', background: '#f0f5ff', padding: 32, fontSize: 20 }}>
      {!device && <Result status="warning" title={t('评价器未绑定窗口')} subTitle={t('请由中心管理办公室在“好差评 → 评价器绑定”生成链接')} />}
      {view.isError && <Alert type="error" showIcon title={errorText(view.error)} />}
      {d && (
        <>
          <Typography.Title level={1} style={{ textAlign: 'center' }} data-testid="kiosk-window">
            {t('{n}号窗口', { n: d.window.number })} · {d.window.name}
          </Typography.Title>
          <Typography.Paragraph style={{ textAlign: 'center', fontSize: 20 }}>
            {t('工作人员')}：{d.staff.join('、') || '—'}
            {d.ticket && <span data-testid="kiosk-ticket"> · {t('排队号')}：{d.ticket}</span>}
          </Typography.Paragraph>
          {!c && <Result status="info" title={t('欢迎办事，办理完成后请对我们的服务作出评价')} data-testid="kiosk-idle" />}
          {c && (thanks === c.caseId || c.rated) && <Result status="success" title={t('感谢您的评价！')} data-testid="kiosk-thanks" />}
          {c && !c.rated && thanks !== c.caseId && !c.stage && <Result status="info" title={t('办件正在办理，办结后即可评价')} subTitle={`${c.caseNo} ${c.itemName}`} />}
          {c && !c.rated && thanks !== c.caseId && c.stage && (
            <div style={{ maxWidth: 960, margin: '0 auto', background: '#fff', padding: 32, borderRadius: 12 }}>
              <Typography.Title level={2} data-testid="kiosk-case">{c.itemName}</Typography.Title>
              <Typography.Paragraph style={{ fontSize: 20 }}>
                {t('办件编号')}：{c.caseNo} · {t('申请人')}：{c.applicant}
              </Typography.Paragraph>
              <Typography.Title level={3}>{t('请您对本次服务作出评价')}</Typography.Title>
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
              <RatingForm big scoreKeys={c.scoreKeys} onSubmit={submit} busy={busy} />
            </div>
          )}
        </>
      )}
    </div>
  );
}

/**
 * 我的预约: the signed-in citizen's bookings (made signed in, or earlier without an account
 * with the same ID number), newest first; an open one may be cancelled until the hall's
 * cut-off (the server says which: `cancellable`). Cards, not a table: readable on a phone.
 * Cancelling asks once more inline (no pop-up).
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { errorText } from '../../lib/feedback';
import { useT, zh } from '../../lib/i18n';
import type { MyBooking } from './api';

const STATUS: Record<string, { label: string; color: string }> = {
  booked: { label: zh('已预约'), color: 'blue' },
  checkedIn: { label: zh('已签到'), color: 'green' },
  cancelled: { label: zh('已取消'), color: 'default' },
  noShow: { label: zh('已爽约'), color: 'red' },
};

export function MyBookingsPage() {
  const t = useT();
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { document.title = t('我的预约 · 政务服务中心'); }, [t]);
  const list = useQuery({ queryKey: ['hall', 'my-bookings'], queryFn: () => api.get<{ bookings: MyBooking[] }>('/api/hall/bookings') });

  const cancel = async (b: MyBooking) => {
    try {
      await api.post(`/api/hall/bookings/${b.id}/actions/cancel`, {});
      setError(null);
      setConfirming(null);
      await qc.invalidateQueries({ queryKey: ['hall'] });
    } catch (e) { setError(errorText(e)); }
  };

  return (
    <div className="bs-page" data-testid="my-bookings-page" style={{ maxWidth: 900, margin: '0 auto' }}>
      <div className="bs-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>{t('我的预约')}</Typography.Title>
        <Link to="/hall/booking"><Button type="primary">{t('预约办事')}</Button></Link>
      </div>
      {error && <Alert type="error" showIcon closable onClose={() => setError(null)} title={error} style={{ marginBottom: 12 }} data-testid="my-bookings-error" />}
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 12 }} />}
      {list.isLoading && <Spin />}
      {list.data && list.data.bookings.length === 0 && <Empty description={t('暂无预约')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {(list.data?.bookings ?? []).map((b) => {
          const st = STATUS[b.status] ?? { label: b.status, color: 'default' };
          return (
            <Card key={b.id} size="small" data-testid={`my-booking-${b.code}`} data-status={b.status}>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, flexWrap: 'wrap', alignItems: 'center' }}>
                <div>
                  <div style={{ fontSize: 18, fontWeight: 600 }}>{b.day} {b.start}–{b.end}</div>
                  <div>{b.centerName} · {b.categoryName}</div>
                  <Typography.Text type="secondary">{t('预约码')}：<span data-testid="my-booking-code">{b.code}</span></Typography.Text>
                </div>
                <Space wrap>
                  <Tag color={st.color} data-testid="my-booking-status">{t(st.label)}</Tag>
                  {b.cancellable && confirming !== b.id && (
                    <Button onClick={() => setConfirming(b.id)} data-testid="my-booking-cancel">{t('取消预约')}</Button>
                  )}
                  {b.cancellable && confirming === b.id && (
                    <>
                      <Button danger type="primary" onClick={() => void cancel(b)} data-testid="my-booking-cancel-confirm">{t('确认取消')}</Button>
                      <Button onClick={() => setConfirming(null)}>{t('不取消')}</Button>
                    </>
                  )}
                  {b.status === 'booked' && !b.cancellable && <Typography.Text type="secondary">{t('时段已开始，不能取消')}</Typography.Text>}
                </Space>
              </div>
            </Card>
          );
        })}
      </Space>
    </div>
  );
}

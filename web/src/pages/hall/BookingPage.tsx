/**
 * 网上预约 (public): pick a category; the first day and slot still open are selected (never
 * today's past slots); name, ID number, phone — prefilled from the account when a citizen is
 * signed in, whose bookings then appear under 我的预约. Without an account: cancel with the code.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Result, Select, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { api } from '../../api/client';
import { errorText } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import { idRule, phoneRule } from '../../lib/identity';
import type { Booking, Categories, Prefill, Slot, Slots } from './api';

export function BookingPage() {
  const t = useT();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const centerId = params.get('center') ?? undefined;
  const [categoryId, setCategoryId] = useState<string>();
  const [day, setDay] = useState<string>();
  const [slot, setSlot] = useState<Slot | null>(null);
  const [booked, setBooked] = useState<Booking | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string; idNumber: string; phone: string }>();
  const [cancelForm] = Form.useForm<{ code: string; idNumber: string }>();
  const [cancelled, setCancelled] = useState(false);
  useEffect(() => { document.title = t('预约办事'); }, [t]);
  const cats = useQuery({ queryKey: ['hall', 'categories', centerId], queryFn: () => api.get<Categories>('/api/hall/categories', { centerId }) });
  const slots = useQuery({ queryKey: ['hall', 'slots', categoryId], queryFn: () => api.get<Slots>('/api/hall/slots', { categoryId }), enabled: !!categoryId });
  const { user } = useSession();
  const citizen = user?.role === 'applicant';
  const prefill = useQuery({ queryKey: ['hall', 'prefill', user?.id], queryFn: () => api.get<Prefill>('/api/hall/bookings/prefill'), enabled: citizen });
  // Days with a slot still open; the default is the server's first open slot (not today's past ones).
  const days = (slots.data?.days ?? []).filter((d) => slots.data!.slots.some((s) => s.day === d.day && s.open));
  const shownDay = day ?? slots.data?.firstOpen?.day ?? days[0]?.day;
  const daySlots = (slots.data?.slots ?? []).filter((s) => s.day === shownDay);
  useEffect(() => {
    const first = slots.data?.firstOpen;
    if (!first || day) return;
    setSlot((cur) => cur ?? slots.data!.slots.find((s) => s.id === first.slotId) ?? null);
  }, [slots.data, day]);
  useEffect(() => {
    if (slot && prefill.data && !form.isFieldsTouched()) form.setFieldsValue(prefill.data);
  }, [slot, prefill.data, form]);

  const book = async () => {
    const v = await form.validateFields();
    try {
      setBooked(await api.post<Booking>('/api/hall/bookings', { slotId: slot!.id, ...v }));
      setError(null);
      void qc.invalidateQueries({ queryKey: ['hall', 'slots'] });
    } catch (e) { setError(errorText(e)); }
  };
  const cancel = async () => {
    const v = await cancelForm.validateFields();
    try {
      await api.post(`/api/hall/bookings/${v.code.trim()}/actions/cancel`, { idNumber: v.idNumber.trim() });
      setCancelled(true);
      setError(null);
    } catch (e) { setError(errorText(e)); }
  };

  if (booked) {
    return (
      <Result status="success" data-testid="booking-done" title={t('预约成功')}
        subTitle={<>
          <div>{booked.day} {booked.start}–{booked.end}</div>
          <div style={{ fontSize: 28, fontWeight: 700 }} data-testid="booking-code">{t('预约码')}：{booked.code}</div>
          <div>{t('请在预约时段开始前30分钟至开始后15分钟内到大厅取号机签到，签到后优先叫号。爽约3次将暂停预约。')}</div>
        </>}
        extra={[
          citizen && <Link key="mine" to="/my/bookings" data-testid="booking-mine-link"><Button type="primary">{t('我的预约')}</Button></Link>,
          <Button key="back" onClick={() => { setBooked(null); setSlot(null); }}>{t('返回')}</Button>,
        ]} />
    );
  }
  return (
    <div className="bs-page" data-testid="booking-page" style={{ maxWidth: 900, margin: '0 auto' }}>
      <Typography.Title level={3}><span translate="no">{cats.data?.center.name}</span> · {t('预约办事')}</Typography.Title>
      {error && <Alert type="error" showIcon closable onClose={() => setError(null)} title={error} style={{ marginBottom: 12 }} data-testid="booking-error" />}
      <Card style={{ marginBottom: 16 }}>
        <Select style={{ width: 320 }} placeholder={t('选择业务类别')} aria-label={t('选择业务类别')} value={categoryId} onChange={(v) => { setCategoryId(v); setDay(undefined); setSlot(null); }} data-testid="booking-category"
          options={(cats.data?.categories ?? []).map((c) => ({ value: c.id, label: <span translate="no">{`${c.prefix} ${c.name}`}</span> }))} />
        <div style={{ margin: '16px 0', display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          {days.map((d) => (
            <Button key={d.day} type={shownDay === d.day ? 'primary' : 'default'} onClick={() => { setDay(d.day); setSlot(null); }} data-testid={`booking-day-${d.day}`}>
              {d.day.slice(5)} {d.serviceDay ? <Tag color="purple" style={{ marginLeft: 4 }}>{d.serviceDay.kind === 'weekend' ? t('周末服务') : t('延时服务')}</Tag> : null}
            </Button>
          ))}
          {categoryId && slots.data && days.length === 0 && <Typography.Text type="secondary">{t('近期没有可预约的时段')}</Typography.Text>}
        </div>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 8 }}>
          {daySlots.map((s) => (
            <Button key={s.id} disabled={!s.open} type={slot?.id === s.id ? 'primary' : 'default'} onClick={() => setSlot(s)} data-testid={`booking-slot-${s.start}`}>
              {s.start}–{s.end} · {s.left > 0 ? t('余{n}', { n: s.left }) : t('约满')}
            </Button>
          ))}
        </div>
      </Card>
      {slot && (
        <Card title={t('预约信息（{d} {s}）', { d: slot.day, s: slot.start })} style={{ marginBottom: 16 }}>
          <Form form={form} layout="vertical">
            <Form.Item name="name" label={t('姓名')} rules={[{ required: true, max: 50 }]}><Input data-testid="booking-name" /></Form.Item>
            <Form.Item name="idNumber" label={t('身份证号')} rules={[{ required: true, message: t('请输入18位身份证号') }, idRule(t)]}><Input data-testid="booking-id" maxLength={18} /></Form.Item>
            <Form.Item name="phone" label={t('手机号')} rules={[{ required: true, message: t('请输入11位手机号') }, phoneRule(t)]}><Input data-testid="booking-phone" maxLength={11} /></Form.Item>
            <Button type="primary" onClick={book} data-testid="booking-submit">{t('提交预约')}</Button>
          </Form>
        </Card>
      )}
      {citizen ? (
        <Card title={t('取消预约')}>
          <Link to="/my/bookings" data-testid="booking-mine-link">{t('在“我的预约”中查看和取消预约')}</Link>
        </Card>
      ) : <Card title={t('取消预约')}>
        {cancelled ? <Alert type="success" title={t('预约已取消')} data-testid="booking-cancelled" /> : (
          <Form form={cancelForm} layout="inline">
            <Form.Item name="code" rules={[{ required: true, len: 8 }]}><Input placeholder={t('预约码')} maxLength={8} /></Form.Item>
            <Form.Item name="idNumber" rules={[{ required: true, pattern: /^[0-9]{17}[0-9Xx]$/ }]}><Input placeholder={t('身份证号')} maxLength={18} /></Form.Item>
            <Button onClick={cancel}>{t('取消预约')}</Button>
          </Form>
        )}
      </Card>}
    </div>
  );
}

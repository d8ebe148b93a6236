import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { showError, showSuccess } from '../../lib/feedback';
import { formatDateTime, formatTime } from '../../lib/labels';
import { useT, zh } from '../../lib/i18n';
import type { BoardPerson, MyDay } from './api';
import { canReadDuty } from './access';

const COLORS: Record<string, string> = { onTime: 'green', late: 'orange', earlyLeave: 'orange', lateAndEarlyLeave: 'red', absent: 'red', leave: 'blue', exempt: 'default', open: 'cyan', notSignedOut: 'gold', notRequired: 'default' };
const POST = { A: zh('A岗'), B: zh('B岗'), supplementary: zh('补充岗') } as Record<string, string>;

export function AttendanceTab() {
  const t = useT();
  const { user } = useSession();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const me = useQuery({ queryKey: ['duty-me'], queryFn: ({ signal }) => api.get<MyDay>('/api/duty/attendance/me', undefined, signal) });
  // The business day comes from the server (its clock), not the browser's.
  const [picked, setDay] = useState<dayjs.Dayjs | null>(null);
  const [pickedMonth, setMonth] = useState<dayjs.Dayjs | null>(null);
  const day = picked ?? dayjs(me.data?.day);
  const month = pickedMonth ?? day;
  const board = useQuery({
    queryKey: ['duty-day', day.format('YYYY-MM-DD')], enabled: canReadDuty(user) && !!me.data,
    queryFn: ({ signal }) => api.get<{ day: string; workingDay: boolean; hours: { from: string; to: string }[]; people: BoardPerson[] }>('/api/duty/attendance/day', { day: day.format('YYYY-MM-DD') }, signal),
  });
  const sign = async (what: 'sign-in' | 'sign-out') => {
    setBusy(true);
    try {
      await api.post(`/api/duty/attendance/${what}`, {});
      showSuccess(what === 'sign-in' ? t('签到成功') : t('签退成功'));
      await qc.invalidateQueries({ queryKey: ['duty-me'] });
      await qc.invalidateQueries({ queryKey: ['duty-day'] });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const m = me.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('我的今日考勤')} loading={me.isLoading}>
        <Descriptions size="small" column={{ xs: 1, md: 4 }}>
          <Descriptions.Item label={t('日期')}>{m?.day}</Descriptions.Item>
          <Descriptions.Item label={t('岗位')}>{m?.posts.length ? m.posts.map((p, i) => <span key={i}>{i > 0 && '；'}<span translate="no">{p.window?.name ?? ''}</span> {t(POST[p.post] ?? p.post)}</span>) : t('无')}</Descriptions.Item>
          <Descriptions.Item label={t('签到')}><span data-testid="duty-my-sign-in">{m?.signInAt ? formatDateTime(m.signInAt) : '—'}</span></Descriptions.Item>
          <Descriptions.Item label={t('签退')}>{m?.signOutAt ? formatDateTime(m.signOutAt) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('状态')}>{m?.status ? <Tag color={COLORS[m.status]} data-testid="duty-my-status">{t(m.statusLabel ?? '')}</Tag> : '—'}</Descriptions.Item>
        </Descriptions>
        <Space>
          <Button type="primary" loading={busy} disabled={!!m?.signInAt} onClick={() => sign('sign-in')} data-testid="duty-sign-in">{t('签到')}</Button>
          <Button loading={busy} disabled={!m?.signInAt || !!m?.signOutAt} onClick={() => sign('sign-out')} data-testid="duty-sign-out">{t('签退')}</Button>
        </Space>
      </Card>
      {canReadDuty(user) && (
        <Card
          title={t('岗位人员考勤')}
          extra={
            <Space>
              <DatePicker value={day} onChange={(d) => d && setDay(d)} allowClear={false} />
              <DatePicker picker="month" value={month} onChange={(d) => d && setMonth(d)} allowClear={false} />
              <Button href={`/api/duty/attendance/sheet.xlsx?month=${month.format('YYYY-MM')}`} data-testid="duty-sheet-xlsx">{t('月度考勤表（Excel）')}</Button>
            </Space>
          }
        >
          {board.data && (
            <Typography.Paragraph type="secondary">
              {board.data.workingDay ? t('工作日，作息时间 {h}', { h: board.data.hours.map((h) => `${h.from}-${h.to}`).join('，') }) : t('非工作日，无需考勤')}
            </Typography.Paragraph>
          )}
          <Table
            rowKey="userId" size="small" loading={board.isLoading} dataSource={board.data?.people ?? []} pagination={{ pageSize: 50 }}
            columns={[
              { title: t('姓名'), dataIndex: 'displayName', render: (v: string) => <span translate="no">{v}</span> },
              { title: t('岗位'), render: (_, p) => p.posts.map((x) => `${t('{n}号', { n: x.window?.number ?? '' })} ${t(POST[x.post] ?? x.post)}`).join('；') },
              { title: t('签到'), render: (_, p) => formatTime(p.signInAt) },
              { title: t('签退'), render: (_, p) => formatTime(p.signOutAt) },
              { title: t('状态'), render: (_, p) => <Tag color={COLORS[p.status]}>{t(p.statusLabel)}</Tag> },
              {
                title: t('操作'), render: (_, p) => user?.role === 'centerAdmin' && !p.signInAt && day.format('YYYY-MM-DD') === me.data?.day ? (
                  <Button size="small" onClick={async () => { try { await api.post('/api/duty/attendance/sign-in', { userId: p.userId }); await board.refetch(); } catch (e) { showError(e); } }}>{t('代签到')}</Button>
                ) : null,
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

/** 今日领导现场办公: today's leaders on duty from the published schedules (public). */
import { Empty, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useT } from '../../lib/i18n';

interface TodayLeaders { day: string; leaders: { id: string; center: string; department: string; name: string; substituted: boolean; present: boolean }[] }

export function TodayLeader({ compact = true }: { compact?: boolean }) {
  const t = useT();
  const q = useQuery({ queryKey: ['today-leader'], queryFn: ({ signal }) => api.get<TodayLeaders>('/api/public/duty/today-leader', undefined, signal), refetchInterval: 60_000 });
  const leaders = q.data?.leaders ?? [];
  if (compact && !q.isLoading && leaders.length === 0) return null;
  return (
    // A plain panel, not an antd Card: it is on the portal home, which should stay small.
    <section className="bs-panel" data-testid="today-leader" aria-labelledby="today-leader-title">
      <h2 className="bs-panel-title" id="today-leader-title">{t('今日领导现场办公')}</h2>
      {q.isLoading ? <Spin /> : leaders.length === 0 ? (
        <Empty description={t('今日无领导现场办公安排')} />
      ) : (
        // A plain list: it is on the portal home, which should not load antd's List (and its pager).
        <ul className="bs-plain-list">
          {leaders.map((l) => (
            <li key={l.id} data-testid="today-leader-item">
              <Typography.Text strong translate="no">{l.name}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }} translate="no">{l.department}</Typography.Text>
              {l.substituted && <Tag style={{ marginInlineStart: 8 }}>{t('替班')}</Tag>}
              <Tag color={l.present ? 'green' : 'default'} style={{ marginInlineStart: 'auto' }}>{l.present ? t('在岗') : t('未到岗')}</Tag>
            </li>
          ))}
        </ul>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('领导在一楼大厅咨询引导台签到，现场协调、审签本单位窗口事项，接待群众咨询和投诉。')}</Typography.Text>
    </section>
  );
}

/** The public page /duty/today: the same list, shown even when empty. */
export function TodayLeaderPage() {
  const t = useT();
  return (
    <div className="bs-page">
      <Typography.Title level={3}>{t('今日领导现场办公')}</Typography.Title>
      <TodayLeader compact={false} />
    </div>
  );
}

/** 好差评与投诉 workbench: reviews, complaints, 首问负责, praise, window devices, statistics — tabs by role. */
import { useEffect } from 'react';
import { Tabs, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useSession, canSeeStats } from '../../auth/session';
import { useT } from '../../lib/i18n';
import { canSeeReviews, isOffice } from './api';
import { ReviewsTab } from './ReviewsTab';
import { ComplaintsTab } from './ComplaintsTab';
import { FirstAskTab, PraiseTab } from './RecordsTabs';
import { DevicesTab, FeedbackStatsTab } from './DevicesStatsTabs';

export function FeedbackPage() {
  const t = useT();
  const { user } = useSession();
  const { tab } = useParams();
  const navigate = useNavigate();
  useEffect(() => { document.title = `${t('好差评与投诉')} · ${t('政务服务中心')}`; }, []);
  const items = [
    ...(canSeeReviews(user) ? [{ key: 'evaluations', label: t('好差评'), children: <ReviewsTab /> }, { key: 'complaints', label: t('投诉'), children: <ComplaintsTab /> }] : []),
    { key: 'first-asks', label: t('首问负责'), children: <FirstAskTab /> },
    ...(canSeeReviews(user) ? [{ key: 'praise', label: t('表扬'), children: <PraiseTab /> }] : []),
    ...(user?.role === 'centerAdmin' ? [{ key: 'devices', label: t('评价器绑定'), children: <DevicesTab /> }] : []),
    ...(canSeeStats(user) || isOffice(user) ? [{ key: 'stats', label: t('统计'), children: <FeedbackStatsTab /> }] : []),
  ];
  const active = items.some((i) => i.key === tab) ? tab! : items[0].key;
  return (
    <div className="bs-page" data-testid="feedback-page">
      <div className="bs-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>{t('好差评与投诉')}</Typography.Title>
      </div>
      <Tabs activeKey={active} items={items} onChange={(k) => navigate(`/feedback/${k}`)} destroyOnHidden />
    </div>
  );
}

/** 值班与考勤: attendance, leader on-site duty, patrols, posts and leave. */
import { useEffect } from 'react';
import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { useT } from '../../lib/i18n';
import { AttendanceTab } from './AttendanceTab';
import { LeaderTab } from './LeaderTab';
import { PatrolTab } from './PatrolTab';
import { StaffTab } from './StaffTab';
import { canReadDuty } from './access';

export function DutyPage() {
  const t = useT();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  useEffect(() => {
    document.title = `${t('值班与考勤')} · ${t('政务服务中心')}`;
  }, [t]);
  const tabs = [
    { key: 'attendance', label: t('考勤'), children: <AttendanceTab /> },
    { key: 'leader', label: t('领导现场办公'), children: <LeaderTab /> },
    ...(canReadDuty(user) ? [{ key: 'patrols', label: t('巡查'), children: <PatrolTab /> }] : []),
    { key: 'staff', label: t('岗位与请假'), children: <StaffTab /> },
  ];
  const active = tabs.some((x) => x.key === params.get('tab')) ? params.get('tab')! : tabs[0]!.key;
  return (
    <div className="bs-page" data-testid="duty-page">
      <div className="bs-page-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>{t('值班与考勤')}</Typography.Title>
          <Typography.Text type="secondary">{t('AB岗、签到签退、请假，领导现场办公排班，大厅巡查与月度通报')}</Typography.Text>
        </div>
      </div>
      <Tabs activeKey={active} onChange={(k) => setParams({ tab: k })} items={tabs.map((x) => ({ ...x, label: <span data-testid={`duty-tab-${x.key}`}>{x.label}</span> }))} destroyOnHidden />
    </div>
  );
}

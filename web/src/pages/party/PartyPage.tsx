/** 机关党建: organizations and terms, members and the pipeline, 三会一课, democratic evaluation, dues, disclosure, my record. */
import { useEffect } from 'react';
import { Alert, Space, Tabs, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Reminders } from '../../api/party';
import { useT } from '../../lib/i18n';
import { OrgsTab } from './OrgsTab';
import { MembersTab } from './MembersTab';
import { MeetingsTab } from './MeetingsTab';
import { EvaluationTab } from './EvaluationTab';
import { DuesTab } from './DuesTab';
import { DisclosureTab } from './DisclosureTab';
import { MyRecordTab } from './MyRecordTab';
import { usePartyOrgs } from './usePartyOrgs';

function RemindersBar() {
  const t = useT();
  const r = useQuery({ queryKey: ['party-reminders'], queryFn: ({ signal }) => api.get<Reminders>('/api/party/reminders', undefined, signal) });
  const d = r.data;
  if (!d || (!d.termAlerts.length && !d.birthdayTalks.length && !d.probationEnding.length)) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="bs-section"
      data-testid="party-reminders"
      message={t('待办提醒')}
      description={
        <Space direction="vertical" size={2}>
          {d.termAlerts.map((a) => (
            <span key={a.orgId} data-testid="reminder-term">
              {a.state === 'expired' ? t('{org}任期已于{end}届满，请及时换届', { org: a.orgName, end: a.endOn }) : t('{org}任期将于{end}届满（剩余{n}天），请做好换届准备', { org: a.orgName, end: a.endOn, n: a.daysLeft })}
            </span>
          ))}
          {d.birthdayTalks.map((b) => (
            <span key={b.memberId} data-testid="reminder-birthday">
              {t('{name}（{branch}）入党{years}周年：{date}，政治生日谈话须在{due}前完成', { name: b.name, branch: b.branchName, years: b.years, date: b.anniversary, due: b.dueBy })}
              {b.overdue && <Tag color="red" style={{ marginLeft: 8 }}>{t('已逾期')}</Tag>}
            </span>
          ))}
          {d.probationEnding.map((p) => (
            <span key={p.memberId}>{t('预备党员{name}的预备期于{end}届满，请及时讨论转正', { name: p.name, end: p.endsOn })}</span>
          ))}
        </Space>
      }
    />
  );
}

export function PartyPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const orgs = usePartyOrgs();
  const readsOrgs = (orgs.data?.items.length ?? 0) > 0;
  useEffect(() => {
    document.title = `${t('机关党建')} · ${t('政务服务中心')}`;
  }, [t]);
  const tabs = [
    ...(readsOrgs
      ? [
          { key: 'orgs', label: t('组织与换届'), children: <OrgsTab /> },
          { key: 'members', label: t('党员与发展'), children: <MembersTab /> },
          { key: 'meetings', label: t('三会一课'), children: <MeetingsTab /> },
          { key: 'evaluation', label: t('民主评议'), children: <EvaluationTab /> },
          { key: 'dues', label: t('党费'), children: <DuesTab /> },
          { key: 'disclosure', label: t('党务公开'), children: <DisclosureTab /> },
        ]
      : []),
    { key: 'me', label: t('我的党员档案'), children: <MyRecordTab /> },
  ];
  const active = tabs.some((x) => x.key === params.get('tab')) ? params.get('tab')! : tabs[0]!.key;
  return (
    <div className="bs-page" data-testid="party-page">
      <div className="bs-page-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>{t('机关党建')}</Typography.Title>
          <Typography.Text type="secondary">{t('依据《机关党务工作制度》：换届选举、发展党员、“三会一课”、民主评议、党费收缴、党务公开')}</Typography.Text>
        </div>
      </div>
      {readsOrgs && <RemindersBar />}
      <Tabs activeKey={active} onChange={(k) => setParams({ tab: k })} items={tabs.map((x) => ({ ...x, label: <span data-testid={`party-tab-${x.key}`}>{x.label}</span> }))} destroyOnHidden />
    </div>
  );
}

/** 代办工作台 (agents) / 代办管理 (the centers above the agency points). */
import { useEffect } from 'react';
import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { SubmitTab } from './SubmitTab';
import { CasesTab } from './CasesTab';
import { AdviceTab } from './AdviceTab';
import { ReportTab } from './ReportTab';
import { useT } from '../../lib/i18n';

export function AgencyPage() {
  const t = useT();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const isAgent = user?.role === 'agent';
  const title = isAgent ? t('代办工作台') : t('代办管理');
  useEffect(() => {
    document.title = t('{title} · 政务服务中心', { title });
  }, [title]);
  const tabs = [
    ...(isAgent ? [{ key: 'submit', label: t('代办申报'), children: <SubmitTab /> }] : []),
    { key: 'cases', label: isAgent ? t('我的代办件') : t('代办件'), children: <CasesTab /> },
    ...(user?.role !== 'receiver' ? [{ key: 'advice', label: t('咨办'), children: <AdviceTab canRecord={isAgent} /> }] : []),
    ...(isAgent || user?.role === 'centerAdmin' ? [{ key: 'report', label: t('代办月报'), children: <ReportTab canDownload /> }] : []),
  ];
  const active = tabs.some((t) => t.key === params.get('tab')) ? params.get('tab')! : tabs[0]!.key;
  return (
    <div className="bs-page" data-testid="agency-page">
      <div className="bs-page-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>{title}</Typography.Title>
          <Typography.Text type="secondary">{t('代办、陪办、咨办；每次交接（群众→代办员→中心→代办员→群众）登记并打印代办交接单')}</Typography.Text>
        </div>
      </div>
      <Tabs activeKey={active} onChange={(k) => setParams({ tab: k })} items={tabs.map((t) => ({ ...t, label: <span data-testid={`agency-tab-${t.key}`}>{t.label}</span> }))} destroyOnHidden />
    </div>
  );
}

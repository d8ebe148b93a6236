/**
 * 考核: periods computed from the facts, rankings with trend, each line's evidence, appeals,
 * schemes, award candidates, the bulletin. One tab a file: ResultsTab (with SubjectDrawer and
 * EvidenceModal), AppealsTab, SchemesTab, SettingsTab.
 */
import { useEffect } from 'react';
import { Space, Tabs, Typography } from 'antd';
import { useSession } from '../../auth/session';
import { useT } from '../../lib/i18n';
import { isOfficeReader } from './api';
import { Results } from './ResultsTab';
import { Appeals } from './AppealsTab';
import { Schemes } from './SchemesTab';
import { Settings } from './SettingsTab';

export function AssessmentPage() {
  const t = useT();
  const { user } = useSession();
  useEffect(() => { document.title = t('考核 · 政务服务中心'); }, []);
  const office = isOfficeReader(user);
  const items = [
    { key: 'results', label: t('考核结果'), children: <Results /> },
    { key: 'appeals', label: t('申诉'), children: <Appeals /> },
    ...(office ? [{ key: 'schemes', label: t('考核方案'), children: <Schemes /> }, { key: 'settings', label: t('申诉与评优设置'), children: <Settings /> }] : []),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="assessment-page">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('考核')}</Typography.Title>
      <Tabs items={items} destroyOnHidden />
    </Space>
  );
}

/** 我的办件: an applicant's own cases, newest state first as the server orders them. */
import { useEffect, type HTMLAttributes } from 'react';
import { Alert, Button, Card, Empty, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { SearchOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { CaseRow } from '../../api/cases';
import { useCaseList } from '../../api/useCaseList';
import { formatDate, LightTag, StateTag } from '../../components/CaseTags';
import { FeeDueTag } from '../fees/FeePanel';
import { errorText } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import { RateCell, useMyRatings } from '../feedback/MyCaseRating';
import { MyBundles } from '../things/MyBundles';

export function MyCasesPage() {
  const t = useT();
  const navigate = useNavigate();
  const list = useCaseList({ state: 'all' });
  const ratings = useMyRatings();
  useEffect(() => {
    document.title = t('我的办件 · 政务服务中心');
  }, []);

  return (
    <div className="bs-page" data-testid="my-cases-page">
      <div className="bs-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('我的办件')}
        </Typography.Title>
        <Button icon={<SearchOutlined />} onClick={() => navigate('/')}>
          {t('办事指南 · 我要申请')}
        </Button>
      </div>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 12 }} />}
      <MyBundles />
      <Card size="small">
        <ResponsiveTable<CaseRow>
          scroll={{ x: 900 }}
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.rows}
          pagination={false}
          data-testid="my-cases-table"
          locale={{ emptyText: <Empty description={t('暂无办件，可在办事指南中选择事项在线申报')} /> }}
          onRow={(r) => ({ 'data-testid': `case-row-${r.caseNo}`, 'data-state': r.state }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('办件编号'),
              dataIndex: 'caseNo',
              width: 200,
              render: (v: string, r) => (
                <Link to={`/my/cases/${r.id}`} data-testid={`case-link-${r.caseNo}`}>
                  {v}
                </Link>
              ),
            },
            {
              title: t('事项'),
              dataIndex: 'itemName',
              width: 220,
              render: (v: string, r) => (
                <Link to={`/my/cases/${r.id}`} className="bs-item-link" translate="no">
                  {v}
                </Link>
              ),
            },
            { title: t('部门'), key: 'dept', width: 160, render: (_: unknown, r) => <span translate="no">{r.department?.name}</span> },
            { title: t('状态'), dataIndex: 'state', width: 150, render: (v: string, r) => <><StateTag state={v} label={r.stateLabel} testId={`case-state-${r.caseNo}`} /><FeeDueTag caseId={r.id} state={v} /></> },
            { title: t('提交日期'), dataIndex: 'submittedAt', width: 120, render: (v?: string) => formatDate(v) },
            { title: t('承诺办结日'), dataIndex: 'promisedDue', width: 120, render: (v: string | null) => formatDate(v) },
            { title: t('亮灯'), dataIndex: 'light', width: 80, render: (v: CaseRow['light']) => <LightTag light={v} short /> },
            { title: t('评价'), key: 'rating', width: 110, render: (_: unknown, r) => <RateCell row={r} ratings={ratings.data} /> },
          ]}
        />
        {list.hasNextPage && (
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="my-cases-load-more">
              {t('加载更多')}
            </Button>
          </div>
        )}
      </Card>
    </div>
  );
}

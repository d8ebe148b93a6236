/** 一件事管理: the things of my scope with status, life event and lead department. */
import { useEffect, useState, type HTMLAttributes } from 'react';
import { Alert, Button, Card, Empty, Input, Space, Table, Typography } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../../api/client';
import type { Page } from '../../../api/types';
import { canEditCatalog, useSession } from '../../../auth/session';
import { errorText } from '../../../lib/feedback';
import { formatDateTime } from '../../../lib/labels';
import { Data, tr, useT } from '../../../lib/i18n';
import { LIFE_EVENT_LABELS } from '../../../../../src/things/types';
import type { ItemStatus } from '../../../../../src/catalog/types';
import { StatusTag } from '../CatalogListPage';
import type { ThingListRow } from './model';

export function ThingAdminListPage() {
  const t = useT();
  const { user } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    document.title = t('一件事管理 · 政务服务中心');
  }, []);

  const list = useQuery({
    queryKey: ['things-admin', { q, page }],
    queryFn: ({ signal }) => api.get<Page<ThingListRow>>('/api/things', { q, page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
  const search = (v: string) => setParams(v ? { q: v } : {});

  return (
    <div className="bs-page">
      <div className="bs-page-head">
        <Space wrap align="baseline">
          <Typography.Title level={3} style={{ margin: 0 }}>{t('一件事管理')}</Typography.Title>
          <Button type="link" onClick={() => navigate('/admin/catalog')} data-testid="things-to-catalog">{t('事项管理')}</Button>
        </Space>
        {canEditCatalog(user) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/admin/things/new')} data-testid="thing-new">
            {t('新建一件事')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">
        {t('一件事把多个部门的事项打包：一次告知、一表申请、一套材料。与事项一样经提交、审核、发布后在门户“一件事一次办”展示。')}
      </Typography.Paragraph>
      <Card size="small" className="bs-filter-card">
        <Space.Compact style={{ width: 320, maxWidth: '100%' }}>
          <Input allowClear placeholder={t('名称或编码')} aria-label={t('名称或编码')} value={text} onChange={(e) => { setText(e.target.value); if (!e.target.value && q) search(''); }} onPressEnter={() => search(text.trim())} data-testid="things-search" />
          <Button icon={<SearchOutlined />} aria-label={t('搜索')} onClick={() => search(text.trim())} />
        </Space.Compact>
      </Card>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 12 }} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<ThingListRow>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          data-testid="things-table"
          scroll={{ x: 1100 }}
          locale={{ emptyText: <Empty description={t('暂无一件事')} /> }}
          onRow={(r) => ({ 'data-testid': `thing-row-${r.code}` }) as HTMLAttributes<HTMLElement>}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (n) => tr('共 {v0} 项', { v0: n }), onChange: (p) => setParams({ ...(q ? { q } : {}), ...(p > 1 ? { page: String(p) } : {}) }) }}
          columns={[
            { title: t('名称'), dataIndex: 'name', width: 220, render: (name: string, r) => <Link to={`/admin/things/${r.id}`} data-testid={`thing-link-${r.code}`}>{name ? <Data>{name}</Data> : t('（未命名）')}</Link> },
            { title: t('编码'), dataIndex: 'code', width: 160, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
            { title: t('人生事件'), dataIndex: 'lifeEvent', width: 100, render: (e: ThingListRow['lifeEvent']) => t(LIFE_EVENT_LABELS[e]) },
            { title: t('牵头部门'), dataIndex: ['leadDepartment', 'name'], width: 200, render: (v: string) => <Data>{v}</Data> },
            { title: t('状态'), dataIndex: 'status', width: 100, render: (s: ItemStatus) => <StatusTag status={s} testId={`thing-status-${s}`} /> },
            { title: t('最新版本'), dataIndex: 'latestVersion', width: 90, render: (v: number) => `v${v}` },
            { title: t('发布版本'), dataIndex: 'publishedVersion', width: 90, render: (v: number | null) => (v ? `v${v}` : '—') },
            { title: t('更新时间'), dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Card>
    </div>
  );
}

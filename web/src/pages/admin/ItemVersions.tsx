/** An item's version history: who edited, reviewed and published each version, and one version read-only. */
import type { HTMLAttributes } from 'react';
import { Alert, Button, Card, Descriptions, Drawer, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { NamedRef, Version, VersionSummary } from '../../api/types';
import { FullPageSpin } from '../../auth/session';
import { GuideView } from '../../components/GuideView';
import { errorText } from '../../lib/feedback';
import { formatDateTime } from '../../lib/labels';
import type { ItemStatus } from '../../../../src/catalog/types';
import { StatusTag } from './CatalogListPage';
import { useT } from '../../lib/i18n';

const person = (p: NamedRef | null | undefined) => p?.name || '—';

export function VersionsTable({ versions, publishedVersion, onView }: { versions: VersionSummary[]; publishedVersion: number | null; onView: (v: number) => void }) {
  const t = useT();
  return (
    <Card size="small" styles={{ body: { padding: 0 } }}>
      <Table<VersionSummary>
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={versions}
        data-testid="versions-table"
        scroll={{ x: 1060 }}
        onRow={(v) => ({ 'data-testid': `version-row-${v.version}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('版本'),
            dataIndex: 'version',
            width: 110,
            render: (v: number) => (
              <Space size={4}>
                v{v}
                {v === publishedVersion && <Tag color="green">{t('现行')}</Tag>}
              </Space>
            ),
          },
          { title: t('状态'), dataIndex: 'status', width: 90, render: (s: ItemStatus) => <StatusTag status={s} /> },
          { title: t('创建'), dataIndex: 'createdAt', width: 140, render: formatDateTime },
          { title: t('编辑人'), dataIndex: 'editedBy', width: 100, render: person },
          { title: t('审核人'), dataIndex: 'reviewedBy', width: 100, render: person },
          { title: t('发布'), dataIndex: 'publishedAt', width: 140, render: formatDateTime },
          { title: t('审核意见'), dataIndex: 'reviewNote', ellipsis: true, render: (n: string | null | undefined) => n || '—' },
          {
            title: '',
            key: 'view',
            width: 80,
            fixed: 'right',
            render: (_v, r) => (
              <Button size="small" type="link" onClick={() => onView(r.version)} data-testid={`version-view-${r.version}`}>
                {t('查看')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

interface DrawerProps {
  itemId: string;
  code: string;
  version: number | null;
  onClose: () => void;
  departmentNames: Map<string, string>;
  department?: { id: string; name: string };
}

export function VersionDrawer({ itemId, code, version, onClose, departmentNames, department }: DrawerProps) {
  const t = useT();
  const q = useQuery({
    queryKey: ['catalog-version', itemId, version],
    queryFn: ({ signal }) => api.get<Version>(`/api/catalog/items/${itemId}/versions/${version}`, undefined, signal),
    enabled: version !== null,
  });
  const v = q.data;
  return (
    <Drawer open={version !== null} onClose={onClose} size={920} title={t('版本 v{v0}（只读）', { v0: version ?? '' })} destroyOnHidden>
      <div data-testid="version-drawer">
        {q.isLoading && <FullPageSpin />}
        {q.isError && <Alert type="error" showIcon title={errorText(q.error)} />}
        {v && (
          <>
            <Descriptions
              size="small"
              column={2}
              style={{ marginBottom: 12 }}
              items={[
                { key: 's', label: t('状态'), children: <StatusTag status={v.status} /> },
                { key: 'c', label: t('创建时间'), children: formatDateTime(v.createdAt) },
                { key: 'e', label: t('编辑人'), children: person(v.editedBy) },
                { key: 'sub', label: t('提交时间'), children: `${formatDateTime(v.submittedAt)}${v.submittedBy ? ` · ${v.submittedBy.name}` : ''}` },
                { key: 'r', label: t('审核时间'), children: `${formatDateTime(v.reviewedAt)}${v.reviewedBy ? ` · ${v.reviewedBy.name}` : ''}` },
                { key: 'p', label: t('发布时间'), children: `${formatDateTime(v.publishedAt)}${v.publishedBy ? ` · ${v.publishedBy.name}` : ''}` },
                { key: 'n', label: t('审核意见'), children: v.reviewNote || '—' },
              ]}
            />
            <GuideView data={v.data} extras={{ code, version: v.version, department: v.data.departmentId === department?.id ? department : undefined }} departmentNames={departmentNames} />
          </>
        )}
      </div>
    </Drawer>
  );
}

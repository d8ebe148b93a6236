import { useState, type HTMLAttributes } from 'react';
import { Button, Card, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { ItemSummary, Page } from '../api/types';
import { errorText } from '../lib/feedback';
import { caseKindLabel, formatLimit } from '../lib/labels';
import { useT } from '../lib/i18n';

/**
 * 第一步：选择事项 — the published-item search shared by the window intake and the agency
 * workbench. `testId` prefixes every test id (`<testId>-item-search`, `<testId>-pick-<code>`…).
 */
export function ItemPicker(props: { testId: string; placeholder: string; initialQuery?: string; onPick: (code: string) => void; cardTestId?: string }) {
  const t = useT();
  const { testId, onPick } = props;
  const [text, setText] = useState(props.initialQuery ?? '');
  const [q, setQ] = useState(props.initialQuery ?? '');
  const items = useQuery({
    queryKey: ['public-items', testId, q],
    queryFn: ({ signal }) => api.get<Page<ItemSummary>>('/api/public/items', { q, pageSize: 8 }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title={t('第一步：选择事项')} size="small" className="bs-section" data-testid={props.cardTestId}>
      <Space.Compact style={{ width: '100%', maxWidth: 560, marginBottom: 12 }}>
        <Input
          allowClear
          placeholder={props.placeholder}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => setQ(text.trim())}
          data-testid={`${testId}-item-search`}
        />
        <Button type="primary" icon={<SearchOutlined />} onClick={() => setQ(text.trim())} data-testid={`${testId}-item-search-button`}>
          {t('搜索')}
        </Button>
      </Space.Compact>
      <Table<ItemSummary>
        rowKey="code"
        size="small"
        loading={items.isFetching}
        dataSource={items.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={items.isError ? errorText(items.error) : t('没有匹配的已发布事项')} /> }}
        onRow={(r) => ({ 'data-testid': `${testId}-item-${r.code}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('事项名称'),
            dataIndex: 'name',
            render: (v: string, r) => (
              <div>
                <div className="bs-item-link" translate="no">{v}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.code}
                </Typography.Text>
              </div>
            ),
          },
          { title: t('实施部门'), key: 'dept', width: 160, render: (_: unknown, r) => <span translate="no">{r.department?.name}</span> },
          { title: t('办件类型'), dataIndex: 'caseKind', width: 90, render: (v: string) => <Tag>{caseKindLabel(v)}</Tag> },
          { title: t('承诺时限'), key: 'limit', width: 110, render: (_: unknown, r) => formatLimit(r.promisedLimit) },
          {
            title: '',
            key: 'op',
            width: 90,
            render: (_: unknown, r) => (
              <Button type="primary" size="small" onClick={() => onPick(r.code)} data-testid={`${testId}-pick-${r.code}`}>
                {t('选择')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Public portal: 办事指南 — search and filter the published catalog. */
import { useEffect, useState, type HTMLAttributes } from 'react';
import { Alert, Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { SearchOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { useFacets, useTypeOptions } from '../../api/hooks';
import type { ItemSummary, Page } from '../../api/types';
import { caseKindLabel, formatLimit, formatVisits, SERVED_PARTY_LABELS, typeLabel } from '../../lib/labels';
import { errorText } from '../../lib/feedback';
import { TodayLeader } from '../duty/TodayLeader';

const FILTER_KEYS = ['q', 'department', 'theme', 'servedParty', 'type'] as const;

export function GuideListPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof FILTER_KEYS)[number], string>;
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    document.title = '办事指南 · 政务服务中心';
  }, []);

  const facets = useFacets();
  const typeOptions = useTypeOptions();

  const list = useQuery({
    queryKey: ['public-items', filters, page, pageSize],
    queryFn: ({ signal }) => api.get<Page<ItemSummary>>('/api/public/items', { ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '' || v === null) next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const anyFilter = FILTER_KEYS.some((k) => filters[k]);

  return (
    <div className="bs-page">
      <div className="bs-hero">
        <Typography.Title level={2} style={{ color: '#fff', margin: 0 }}>
          办事指南
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,.85)', margin: '8px 0 16px' }}>
          一窗受理 · 限时办结 — 查询政务服务事项的办理条件、申请材料、办理流程与承诺时限
        </Typography.Paragraph>
        <Space.Compact style={{ width: '100%', maxWidth: 680 }}>
          <Input
            size="large"
            allowClear
            prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
            placeholder="输入事项名称或编码，如“营业执照”"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (!e.target.value && q) update({ q: undefined });
            }}
            onPressEnter={() => update({ q: text.trim() })}
            data-testid="guide-search"
            aria-label="搜索事项"
          />
          <Button size="large" type="primary" onClick={() => update({ q: text.trim() })} data-testid="guide-search-button" style={{ background: '#d4380d' }}>
            搜索
          </Button>
        </Space.Compact>
      </div>

      <TodayLeader />
      <Card className="bs-filter-card" size="small">
        <Space wrap size={[12, 8]}>
          <span data-testid="filter-department">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="实施部门"
              style={{ width: 200 }}
              loading={facets.isLoading}
              value={filters.department || undefined}
              onChange={(v) => update({ department: v })}
              options={(facets.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </span>
          <span data-testid="filter-theme">
            <Select
              allowClear
              showSearch
              placeholder="主题分类"
              style={{ width: 180 }}
              value={filters.theme || undefined}
              onChange={(v) => update({ theme: v })}
              options={(facets.data?.themes ?? []).map((t) => ({ value: t, label: t }))}
            />
          </span>
          <span data-testid="filter-servedParty">
            <Select
              allowClear
              placeholder="服务对象"
              style={{ width: 140 }}
              value={filters.servedParty || undefined}
              onChange={(v) => update({ servedParty: v })}
              options={[
                { value: 'person', label: '个人办事' },
                { value: 'organization', label: '法人办事' },
              ]}
            />
          </span>
          <span data-testid="filter-type">
            <Select
              allowClear
              placeholder="事项类型"
              style={{ width: 160 }}
              value={filters.type || undefined}
              onChange={(v) => update({ type: v })}
              options={typeOptions}
            />
          </span>
          {anyFilter && (
            <Button onClick={() => setParams(new URLSearchParams())} data-testid="filter-reset">
              清除条件
            </Button>
          )}
        </Space>
      </Card>

      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}

      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<ItemSummary>
          rowKey="code"
          data-testid="guide-table"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 860 }}
          locale={{ emptyText: <Empty description={anyFilter ? '没有符合条件的事项' : '暂无已发布的事项'} /> }}
          onRow={(r) => ({ 'data-testid': `item-row-${r.code}` }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: list.data?.page ?? page,
            pageSize: list.data?.pageSize ?? pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 项`,
            onChange: (p, ps) => update({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }),
          }}
          columns={[
            {
              title: '事项名称',
              dataIndex: 'name',
              render: (name: string, r) => (
                <div>
                  <Link to={`/guide/${encodeURIComponent(r.code)}`} data-testid={`item-link-${r.code}`} className="bs-item-link">
                    {name}
                  </Link>
                  <div className="bs-sub">
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.code} · {typeLabel(r.type)}
                      {r.theme ? ` · ${r.theme}` : ''}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            { title: '实施部门', dataIndex: ['department', 'name'], width: 160 },
            {
              title: '服务对象',
              dataIndex: 'servedParty',
              width: 100,
              render: (v: ItemSummary['servedParty']) => SERVED_PARTY_LABELS[v] ?? v,
            },
            {
              title: '办件类型',
              dataIndex: 'caseKind',
              width: 90,
              render: (v: string) => <Tag color={v === 'immediate' ? 'green' : v === 'joint' ? 'purple' : 'blue'}>{caseKindLabel(v)}</Tag>,
            },
            {
              title: '承诺时限',
              dataIndex: 'promisedLimit',
              width: 120,
              render: (v: ItemSummary['promisedLimit']) => <span data-testid="promised-limit">{formatLimit(v)}</span>,
            },
            {
              title: '到现场次数',
              dataIndex: 'maxVisits',
              width: 120,
              render: (v: number) => <Tag color={v === 0 ? 'green' : v === 1 ? 'cyan' : 'default'}>{formatVisits(v)}</Tag>,
            },
          ]}
        />
      </Card>
    </div>
  );
}

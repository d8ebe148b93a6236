/** 事项管理: the catalog as staff see it (all statuses), with import/export. */
import { useEffect, useState, type HTMLAttributes } from 'react';
import { Alert, Button, Card, Empty, Input, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, api, upload } from '../../api/client';
import { useFacets } from '../../api/hooks';
import type { CatalogListRow, ImportResult, Page } from '../../api/types';
import { canEditCatalog, useSession } from '../../auth/session';
import { errorText, showError, showSuccess } from '../../lib/feedback';
import { fieldLabel, formatDateTime, STATUS_COLORS, STATUS_LABELS } from '../../lib/labels';
import { ITEM_STATUSES, type ItemStatus } from '../../../../src/catalog/types';
import { Data, useT, tr } from '../../lib/i18n';
import { CatalogSettingsSwitch } from './CatalogSettingsSwitch';
import { DocumentSettingsButton } from './DocumentSettings';

export function StatusTag({ status, testId }: { status: ItemStatus; testId?: string }) {
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

export function CatalogListPage() {
  const t = useT();
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const department = params.get('department') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    document.title = t('事项管理 · 政务服务中心');
  }, []);

  const facets = useFacets();
  const editable = canEditCatalog(user);
  const isAdmin = user?.role === 'centerAdmin';

  const list = useQuery({
    queryKey: ['catalog-items', { q, status, department, page, pageSize }],
    queryFn: ({ signal }) => api.get<Page<CatalogListRow>>('/api/catalog/items', { q, status, department, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const [importing, setImporting] = useState(false);
  const [importResult, setImportResult] = useState<{ result?: ImportResult; error?: ApiError | Error } | null>(null);

  const doImport = async (file: File) => {
    setImporting(true);
    try {
      const result = await upload<ImportResult>('/api/catalog/import', file);
      setImportResult({ result });
      if (!result.errors?.length) showSuccess(t('导入完成：新增 {created} 项，更新 {updated} 项', { created: result.created, updated: result.updated }));
      await queryClient.invalidateQueries({ queryKey: ['catalog-items'] });
    } catch (e) {
      const body = e instanceof ApiError ? (e.body as Partial<ImportResult> | undefined) : undefined;
      if (body && Array.isArray(body.errors)) {
        setImportResult({ result: { created: body.created ?? 0, updated: body.updated ?? 0, errors: body.errors }, error: e as ApiError });
      } else {
        setImportResult({ error: e as Error });
        if (!(e instanceof ApiError && e.details.length)) showError(e);
      }
    } finally {
      setImporting(false);
    }
  };

  return (
    <div className="bs-page">
      <div className="bs-page-head">
        <Space wrap align="baseline">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('事项管理')}
          </Typography.Title>
          <Button type="link" onClick={() => navigate('/admin/things')} data-testid="catalog-to-things">{t('一件事管理')}</Button>
        </Space>
        <Space wrap>
          {isAdmin && <CatalogSettingsSwitch />}
          {isAdmin && <DocumentSettingsButton />}
          {editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/admin/catalog/new')} data-testid="new-item-button">
              {t('新建事项')}
            </Button>
          )}
          {isAdmin && (
            <Button icon={<DownloadOutlined />} href="/api/catalog/export.xlsx" data-testid="catalog-export">
              {t('导出Excel')}
            </Button>
          )}
          {isAdmin && (
            <span data-testid="catalog-import">
              <Upload
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                showUploadList={false}
                beforeUpload={(file) => {
                  void doImport(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={importing} data-testid="catalog-import-button">
                  {t('导入Excel')}
                </Button>
              </Upload>
            </span>
          )}
        </Space>
      </div>

      <Card size="small" className="bs-filter-card">
        <Space wrap size={[12, 8]}>
          <Space.Compact style={{ width: 300 }}>
            <Input
              allowClear
              placeholder={t('名称或编码')}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                if (!e.target.value && q) update({ q: undefined });
              }}
              onPressEnter={() => update({ q: text.trim() })}
              data-testid="catalog-search"
            />
            <Button icon={<SearchOutlined />} onClick={() => update({ q: text.trim() })} data-testid="catalog-search-button" />
          </Space.Compact>
          <span data-testid="catalog-filter-status">
            <Select
              allowClear
              placeholder={t('状态')}
              style={{ width: 140 }}
              value={status || undefined}
              onChange={(v) => update({ status: v })}
              options={ITEM_STATUSES.filter((s) => s !== 'superseded').map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            />
          </span>
          {(isAdmin || !user?.departmentId) && (
            <span data-testid="catalog-filter-department">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'title' }}
                placeholder={t('实施部门')}
                style={{ width: 200 }}
                value={department || undefined}
                onChange={(v) => update({ department: v })}
                options={(facets.data?.departments ?? []).map((d) => ({ value: d.id, label: <Data>{d.name}</Data>, title: d.name }))}
              />
            </span>
          )}
          {!isAdmin && user?.departmentName && <Tag color="blue">{t('本部门：')}<Data>{user.departmentName}</Data></Tag>}
        </Space>
      </Card>

      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 12 }} />}

      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<CatalogListRow>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          data-testid="catalog-table"
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('暂无事项')} /> }}
          onRow={(r) => ({ 'data-testid': `catalog-row-${r.code}`, 'data-id': r.id }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: list.data?.page ?? page,
            pageSize: list.data?.pageSize ?? pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => tr('共 {v0} 项', { v0: t }),
            onChange: (p, ps) => update({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }),
          }}
          columns={[
            {
              title: t('事项名称'),
              dataIndex: 'name',
              render: (name: string, r) => (
                <Link to={`/admin/catalog/${r.id}`} data-testid={`catalog-link-${r.code}`}>
                  {name ? <Data>{name}</Data> : t('（未命名）')}
                </Link>
              ),
            },
            { title: t('事项编码'), dataIndex: 'code', width: 200, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
            { title: t('实施部门'), dataIndex: ['department', 'name'], width: 160, render: (v: string) => <Data>{v}</Data> },
            { title: t('状态'), dataIndex: 'status', width: 100, render: (s: ItemStatus) => <StatusTag status={s} /> },
            { title: t('最新版本'), dataIndex: 'latestVersion', width: 90, render: (v: number) => `v${v}` },
            { title: t('发布版本'), dataIndex: 'publishedVersion', width: 90, render: (v: number | null) => (v ? `v${v}` : '—') },
            { title: t('更新时间'), dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Card>

      <Modal
        open={!!importResult}
        title={t('导入结果')}
        onCancel={() => setImportResult(null)}
        footer={<Button onClick={() => setImportResult(null)}>{t('关闭')}</Button>}
        width={720}
      >
        <div data-testid="import-result">
          {importResult?.result && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {importResult.result.errors?.length ? (
                <Alert type="error" showIcon title={t('导入失败：{length} 处错误，未导入任何事项', { length: importResult.result.errors.length })} />
              ) : (
                <Alert
                  type="success"
                  showIcon
                  title={t('新增 {created} 项，更新 {updated} 项（均为草稿）', { created: importResult.result.created, updated: importResult.result.updated })}
                  data-testid="import-success"
                />
              )}
              {importResult.result.errors?.length > 0 && (
                <Table
                  size="small"
                  rowKey={(r, i) => `${r.row}-${r.field}-${i}`}
                  pagination={false}
                  dataSource={importResult.result.errors}
                  data-testid="import-errors"
                  columns={[
                    { title: t('行'), dataIndex: 'row', width: 60 },
                    { title: t('字段'), dataIndex: 'field', width: 160, render: (f: string) => fieldLabel(f) },
                    { title: t('错误'), key: 'msg', render: (_v, r) => r.messageZh || r.message },
                  ]}
                />
              )}
            </Space>
          )}
          {!importResult?.result && importResult?.error && (
            <Alert
              type="error"
              showIcon
              title={errorText(importResult.error)}
              description={
                importResult.error instanceof ApiError && importResult.error.details.length ? (
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {importResult.error.details.map((d, i) => (
                      <li key={i}>
                        {d.row ? t('第{row}行 ', { row: d.row }) : ''}
                        {d.field ? `${fieldLabel(d.field)}：` : ''}
                        {d.messageZh || d.message}
                      </li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
          )}
        </div>
      </Modal>
    </div>
  );
}

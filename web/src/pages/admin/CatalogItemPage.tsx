/** One service item: status, workflow actions, edit form, preview, version history. */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Breadcrumb, Button, Form, Space, Tabs } from 'antd';
import { CloseOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { useDepartmentNames, useFacets, useTypeOptions } from '../../api/hooks';
import type { ItemDetail, VersionSummary } from '../../api/types';
import { canEditCatalog, FullPageSpin, useSession } from '../../auth/session';
import { GuideView } from '../../components/GuideView';
import { STATUS_LABELS } from '../../lib/labels';
import { ItemForm } from './ItemForm';
import { useItemSave } from './itemSave';
import { emptyGuide, toFormValues, type ItemFormValues } from './itemFormValues';
import { ActionNoteModal, ItemActionButtons, itemActions, useItemAction } from './itemActions';
import { ItemHead } from './ItemHead';
import { ItemProblemAlert, ItemUnavailable } from './ItemProblemAlert';
import { VersionDrawer, VersionsTable } from './ItemVersions';
import { useT } from '../../lib/i18n';

export function CatalogItemPage({ isNew = false }: { isNew?: boolean }) {
  const t = useT();
  const { id: routeId } = useParams();
  const id = isNew ? undefined : routeId;
  const { user } = useSession();
  const facets = useFacets();
  const departmentNames = useDepartmentNames();
  const typeOptions = useTypeOptions();
  const [form] = Form.useForm<ItemFormValues>();

  const [viewVersion, setViewVersion] = useState<number | null>(null);

  const detailQuery = useQuery({
    queryKey: ['catalog-item', id],
    queryFn: ({ signal }) => api.get<ItemDetail>(`/api/catalog/items/${id}`, undefined, signal),
    enabled: !!id,
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
  });
  const detail = detailQuery.data;
  const { problem, setProblem, dirty, setDirty, saving, tab, setTab, epoch, setEpoch, afterChange, showProblem, save } = useItemSave(form, isNew, detail);

  const editor = canEditCatalog(user);
  const isAdmin = user?.role === 'centerAdmin';
  const lockDepartment = !isAdmin && !!user?.departmentId;
  const status = detail?.status;
  const latestStatus = detail?.latest?.status;
  const readOnly = !editor || status === 'abolished' || detail?.availability === 'abolished' || detail?.canEdit === false;

  const initial = useMemo<ItemFormValues>(() => {
    if (isNew) return toFormValues(emptyGuide(lockDepartment ? user?.departmentId ?? '' : ''));
    return toFormValues(detail?.latest?.data, detail?.code);
    // epoch: re-read after save/reload
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isNew, detail, epoch, lockDepartment, user?.departmentId]);

  const departments = useMemo(() => {
    const map = new Map<string, string>();
    for (const d of facets.data?.departments ?? []) map.set(d.id, d.name);
    if (detail?.department) map.set(detail.department.id, detail.department.name);
    if (user?.departmentId) map.set(user.departmentId, user.departmentName ?? user.departmentId);
    return [...map].map(([id, name]) => ({ id, name }));
  }, [facets.data, detail?.department, user]);

  useEffect(() => {
    document.title = t('{v0} · 事项管理', { v0: isNew ? t('新建事项') : detail?.latest?.data?.name ?? t('事项') });
  }, [isNew, detail]);

  const actions = useMemo(() => (user ? itemActions(detail, isAdmin, editor) : []), [detail, user, isAdmin, editor]);

  const { busyAction, noteFor, note, setNote, setNoteFor, runAction, onAction } = useItemAction(detail, afterChange, showProblem, () => setProblem(null));

  const reload = async () => {
    setProblem(null);
    await detailQuery.refetch();
    setDirty(false);
    setEpoch((n) => n + 1);
  };

  if (!isNew && detailQuery.isLoading) return <FullPageSpin />;
  if (!isNew && detailQuery.isError) return <ItemUnavailable error={detailQuery.error} />;
  if (isNew && !editor) return <ItemUnavailable />;

  const title = isNew ? t('新建事项') : detail?.latest?.data?.name || t('（未命名事项）');
  const startsNewVersion = !isNew && !!latestStatus && latestStatus !== 'draft';

  const saveButton = !readOnly && (
    <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} data-testid="item-save">
      {isNew ? t('创建') : t('保存')}
    </Button>
  );

  const versions: VersionSummary[] = [...(detail?.versions ?? [])].sort((a, b) => b.version - a.version);

  return (
    <div className="bs-page">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/admin/catalog">{t('事项管理')}</Link> }, { title }]} />
      <ItemHead
        title={title}
        detail={detail}
        dirty={dirty}
        buttons={
          <>
            {saveButton}
            <ItemActionButtons actions={actions} blocked={detail?.fourEyes?.blockedActions ?? []} busy={busyAction} dirty={dirty} onAction={onAction} />
          </>
        }
      />

      <div style={{ marginTop: 12 }}>
        <ItemProblemAlert problem={problem} onClose={() => setProblem(null)} onReload={() => void reload()} />
      </div>

      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'edit',
            label: <span data-testid="tab-edit">{readOnly ? t('事项内容') : t('编辑')}</span>,
            children: (
              <>
                {startsNewVersion && !readOnly && (
                  <Alert
                    type="info"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title={t('当前版本 v{latestVersion} 状态为“{v1}”，保存修改将生成新的草稿版本，需重新提交审核和发布。', { latestVersion: detail?.latestVersion, v1: STATUS_LABELS[latestStatus!] })}
                  />
                )}
                {!editor && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('当前角色只能查看事项，不能修改。')} />}
                <ItemForm
                  key={`${detail?.id ?? 'new'}:${detail?.latestVersion ?? 0}:${epoch}`}
                  form={form}
                  initial={initial}
                  isNew={isNew}
                  readOnly={readOnly}
                  lockDepartment={lockDepartment}
                  departments={departments}
                  themes={facets.data?.themes ?? []}
                  typeOptions={typeOptions}
                  onDirty={() => setDirty(true)}
                />
                {!readOnly && (
                  <div className="bs-form-footer">
                    <Space>
                      {saveButton}
                      {dirty && !isNew && (
                        <Button icon={<CloseOutlined />} onClick={() => void reload()} data-testid="item-discard">
                          {t('放弃修改')}
                        </Button>
                      )}
                    </Space>
                  </div>
                )}
              </>
            ),
          },
          ...(detail
            ? [
                {
                  key: 'preview',
                  label: <span data-testid="tab-preview">{t('指南预览')}</span>,
                  children: (
                    <GuideView data={detail.latest.data} extras={{ code: detail.code, version: detail.latestVersion, department: detail.department }} departmentNames={departmentNames} />
                  ),
                },
                {
                  key: 'versions',
                  label: <span data-testid="tab-versions">{t('版本历史（')}{versions.length}）</span>,
                  children: (
                    <VersionsTable versions={versions} publishedVersion={detail.publishedVersion} onView={setViewVersion} />
                  ),
                },
              ]
            : []),
        ]}
      />

      <ActionNoteModal
        action={noteFor}
        note={note}
        busy={!!busyAction}
        onNote={setNote}
        onCancel={() => setNoteFor(null)}
        onOk={() => noteFor && void runAction(noteFor, note.trim() || undefined)}
      />

      {detail && (
        <VersionDrawer itemId={detail.id} code={detail.code} version={viewVersion} onClose={() => setViewVersion(null)} departmentNames={departmentNames} department={detail.department} />
      )}
    </div>
  );
}

/** One service item: status, workflow actions, edit form, preview, version history. */
import { useEffect, useMemo, useState, type HTMLAttributes, type ReactNode } from 'react';
import { Alert, Breadcrumb, Button, Card, Descriptions, Drawer, Form, Input, Modal, Result, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, EyeOutlined, PauseCircleOutlined, PlayCircleOutlined, RollbackOutlined, SaveOutlined, SendOutlined, StopOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { useDepartmentNames, useFacets, useTypeOptions } from '../../api/hooks';
import type { ItemAction, ItemDetail, Version, VersionSummary } from '../../api/types';
import { canEditCatalog, FullPageSpin, useSession } from '../../auth/session';
import { GuideView } from '../../components/GuideView';
import { applyFieldErrors, detailLines, errorText, showError, showSuccess } from '../../lib/feedback';
import { formatDateTime, STATUS_LABELS } from '../../lib/labels';
import type { ItemStatus } from '../../../../src/catalog/types';
import { StatusTag } from './CatalogListPage';
import { emptyGuide, fromFormValues, ItemForm, toFormValues, type ItemFormValues } from './ItemForm';
import { useT, tr } from '../../lib/i18n';

const ACTIONS_BY_STATUS: Record<ItemStatus, ItemAction[]> = {
  draft: ['submit'],
  submitted: ['review', 'reject'],
  reviewed: ['publish'],
  published: ['suspend', 'abolish'],
  suspended: ['resume'],
  superseded: [],
  abolished: [],
};

const ACTION_META: Record<ItemAction, { label: string; done: string; icon: ReactNode; primary?: boolean; danger?: boolean; note?: 'required' | 'optional' }> = {
  submit: { get label() { return tr('提交审核'); }, get done() { return tr('已提交审核'); }, icon: <SendOutlined />, primary: true },
  review: { get label() { return tr('审核通过'); }, get done() { return tr('审核通过'); }, icon: <CheckOutlined />, primary: true },
  reject: { get label() { return tr('退回修改'); }, get done() { return tr('已退回修改'); }, icon: <RollbackOutlined />, danger: true, note: 'required' },
  publish: { get label() { return tr('发布'); }, get done() { return tr('已发布，门户即时可见'); }, icon: <CloudUploadOutlined />, primary: true },
  suspend: { get label() { return tr('暂停'); }, get done() { return tr('已暂停'); }, icon: <PauseCircleOutlined />, note: 'optional' },
  resume: { get label() { return tr('恢复'); }, get done() { return tr('已恢复'); }, icon: <PlayCircleOutlined />, primary: true },
  abolish: { get label() { return tr('废止'); }, get done() { return tr('已废止'); }, icon: <StopOutlined />, danger: true, note: 'optional' },
};

/** Department staff submit; the center admin reviews, publishes and manages the published item. */
const DEPARTMENT_ACTIONS: ItemAction[] = ['submit'];

export function CatalogItemPage({ isNew = false }: { isNew?: boolean }) {
  const t = useT();
  const { id: routeId } = useParams();
  const id = isNew ? undefined : routeId;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const facets = useFacets();
  const departmentNames = useDepartmentNames();
  const typeOptions = useTypeOptions();
  const [form] = Form.useForm<ItemFormValues>();

  const [problem, setProblem] = useState<ApiError | Error | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [busyAction, setBusyAction] = useState<ItemAction | null>(null);
  const [noteFor, setNoteFor] = useState<ItemAction | null>(null);
  const [note, setNote] = useState('');
  const [tab, setTab] = useState('edit');
  const [epoch, setEpoch] = useState(0);
  const [viewVersion, setViewVersion] = useState<number | null>(null);

  const detailQuery = useQuery({
    queryKey: ['catalog-item', id],
    queryFn: ({ signal }) => api.get<ItemDetail>(`/api/catalog/items/${id}`, undefined, signal),
    enabled: !!id,
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
  });
  const detail = detailQuery.data;

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

  const actions = useMemo(() => {
    if (!detail || !user) return [] as ItemAction[];
    const order: ItemAction[] = ['submit', 'review', 'reject', 'publish', 'suspend', 'resume', 'abolish'];
    if (Array.isArray(detail.allowedActions)) return order.filter((a) => detail.allowedActions!.includes(a));
    const set = new Set<ItemAction>([...(ACTIONS_BY_STATUS[latestStatus ?? 'draft'] ?? []), ...(ACTIONS_BY_STATUS[detail.status] ?? [])]);
    const allowed = isAdmin ? [...set] : editor ? [...set].filter((a) => DEPARTMENT_ACTIONS.includes(a)) : [];
    return order.filter((a) => allowed.includes(a));
  }, [detail, latestStatus, user, isAdmin, editor]);

  const showProblem = (e: unknown) => {
    if (e instanceof ApiError) {
      setProblem(e);
      const leftover = applyFieldErrors(form, e);
      if (e.details.length && leftover.length === e.details.length) {
        /* no field matched; the alert lists them */
      }
      if (e.code === 'item_invalid' || e.code === 'validation_failed') setTab('edit');
      if (!e.details.length && e.code !== 'version_conflict') showError(e);
    } else {
      setProblem(e as Error);
      showError(e);
    }
  };

  const afterChange = async (d: ItemDetail) => {
    queryClient.setQueryData(['catalog-item', d.id], d);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['catalog-items'] }),
      queryClient.invalidateQueries({ queryKey: ['public-items'] }),
      queryClient.invalidateQueries({ queryKey: ['guide'] }),
      queryClient.invalidateQueries({ queryKey: ['catalog-version', d.id] }),
    ]);
  };

  const save = async () => {
    setProblem(null);
    try {
      await form.validateFields();
    } catch (err) {
      const first = (err as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { behavior: 'smooth', block: 'center' });
      showError(new Error(t('请检查表单中标红的字段')));
      return;
    }
    const values = form.getFieldsValue(true) as ItemFormValues;
    const { data, code } = fromFormValues(values, isNew ? undefined : detail?.latest?.data);
    setSaving(true);
    try {
      if (isNew) {
        const created = await api.post<ItemDetail>('/api/catalog/items', code ? { data, code } : { data });
        await afterChange(created);
        setDirty(false);
        showSuccess(t('事项已创建（草稿）'));
        navigate(`/admin/catalog/${created.id}`, { replace: true });
      } else if (detail) {
        const updated = await api.put<ItemDetail>(`/api/catalog/items/${detail.id}`, { data, baseVersion: detail.latestVersion });
        await afterChange(updated);
        setDirty(false);
        setEpoch((n) => n + 1);
        showSuccess(updated.latestVersion !== detail.latestVersion ? t('已保存为新草稿版本 v{latestVersion}', { latestVersion: updated.latestVersion }) : t('已保存'));
      }
    } catch (e) {
      showProblem(e);
    } finally {
      setSaving(false);
    }
  };

  const runAction = async (action: ItemAction, actionNote?: string) => {
    if (!detail) return;
    setProblem(null);
    setBusyAction(action);
    try {
      const d = await api.post<ItemDetail>(`/api/catalog/items/${detail.id}/actions/${action}`, actionNote ? { note: actionNote } : {});
      await afterChange(d);
      showSuccess(ACTION_META[action].done);
      setNoteFor(null);
      setNote('');
    } catch (e) {
      showProblem(e);
      if (e instanceof ApiError && (e.code === 'item_invalid' || e.code === 'invalid_transition' || e.code === 'version_conflict')) setNoteFor(null);
    } finally {
      setBusyAction(null);
    }
  };

  const onAction = (action: ItemAction) => {
    if (ACTION_META[action].note) {
      setNote('');
      setNoteFor(action);
    } else void runAction(action);
  };

  const reload = async () => {
    setProblem(null);
    await detailQuery.refetch();
    setDirty(false);
    setEpoch((n) => n + 1);
  };

  if (!isNew && detailQuery.isLoading) return <FullPageSpin />;
  if (!isNew && detailQuery.isError) {
    const e = detailQuery.error;
    const nf = e instanceof ApiError && e.status === 404;
    const fb = e instanceof ApiError && e.status === 403;
    return (
      <Result
        status={nf ? '404' : fb ? '403' : 'error'}
        title={nf ? t('事项不存在') : fb ? t('无权查看此事项') : t('加载失败')}
        subTitle={errorText(e)}
        extra={<Button onClick={() => navigate('/admin/catalog')}>{t('返回事项列表')}</Button>}
      />
    );
  }
  if (isNew && !editor) {
    return <Result status="403" title={t('无权新建事项')} extra={<Button onClick={() => navigate('/admin/catalog')}>{t('返回事项列表')}</Button>} />;
  }

  const title = isNew ? t('新建事项') : detail?.latest?.data?.name || t('（未命名事项）');
  const startsNewVersion = !isNew && !!latestStatus && latestStatus !== 'draft';

  const problemAlert = problem && (
    <Alert
      type="error"
      showIcon
      closable={{ onClose: () => setProblem(null) }}
      style={{ marginBottom: 12 }}
      data-testid={problem instanceof ApiError && problem.code === 'item_invalid' ? 'item-invalid-alert' : 'item-error-alert'}
      title={
        problem instanceof ApiError && problem.code === 'item_invalid'
          ? t('事项内容未通过校验：{display}', { display: problem.display })
          : problem instanceof ApiError && problem.code === 'version_conflict'
            ? t('该事项已被他人修改，请重新加载后再编辑')
            : errorText(problem)
      }
      description={
        problem instanceof ApiError && problem.details.length ? (
          <ul className="bs-problem-list" data-testid="problem-details">
            {detailLines(problem).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        ) : undefined
      }
      action={
        problem instanceof ApiError && problem.code === 'version_conflict' ? (
          <Button size="small" onClick={() => void reload()} data-testid="reload-item">
            {t('重新加载')}
          </Button>
        ) : undefined
      }
    />
  );

  const saveButton = !readOnly && (
    <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} data-testid="item-save">
      {isNew ? t('创建') : t('保存')}
    </Button>
  );

  const actionButtons = actions.map((a) => {
    const meta = ACTION_META[a];
    const btn = (
      <Button
        key={a}
        type={meta.primary ? 'primary' : 'default'}
        danger={meta.danger}
        icon={meta.icon}
        loading={busyAction === a}
        disabled={(busyAction !== null && busyAction !== a) || (dirty && a === 'submit')}
        onClick={() => onAction(a)}
        data-testid={`action-${a}`}
        ghost={meta.primary && a !== 'publish' && a !== 'review'}
      >
        {meta.label}
      </Button>
    );
    return dirty && a === 'submit' ? (
      <Tooltip key={a} title={t('有未保存的修改，请先保存')}>
        <span>{btn}</span>
      </Tooltip>
    ) : (
      btn
    );
  });

  const versions: VersionSummary[] = [...(detail?.versions ?? [])].sort((a, b) => b.version - a.version);

  return (
    <div className="bs-page">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/admin/catalog">{t('事项管理')}</Link> }, { title }]} />
      <Card className="bs-item-head">
        <div className="bs-page-head" style={{ marginBottom: 0 }}>
          <Space orientation="vertical" size={4}>
            <Space wrap>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="catalog-item-title">
                {title}
              </Typography.Title>
              {detail && <StatusTag status={detail.status} testId="item-status" />}
              {dirty && <Tag color="orange">{t('未保存')}</Tag>}
            </Space>
            {detail && (
              <Typography.Text type="secondary" data-testid="item-code">
                {detail.code}
              </Typography.Text>
            )}
          </Space>
          <Space wrap>
            {saveButton}
            {actionButtons}
          </Space>
        </div>
        {detail && (
          <Descriptions
            size="small"
            style={{ marginTop: 12 }}
            column={{ xs: 1, sm: 2, md: 4 }}
            items={[
              { key: 'status', label: t('状态'), children: STATUS_LABELS[detail.status] ?? detail.status },
              {
                key: 'latest',
                label: t('最新版本'),
                children: (
                  <span data-testid="item-latest-version">
                    v{detail.latestVersion}
                    {latestStatus && latestStatus !== detail.status ? `（${STATUS_LABELS[latestStatus] ?? latestStatus}）` : ''}
                  </span>
                ),
              },
              {
                key: 'published',
                label: t('已发布版本'),
                children: <span data-testid="item-published-version">{detail.publishedVersion ? `v${detail.publishedVersion}` : t('未发布')}</span>,
              },
              { key: 'dept', label: t('实施部门'), children: detail.department?.name ?? '—' },
              ...(detail.latest?.reviewNote
                ? [
                    {
                      key: 'note',
                      label: t('审核意见'),
                      span: 4,
                      children: (
                        <Typography.Text type="danger" data-testid="item-review-note">
                          {detail.latest.reviewNote}
                        </Typography.Text>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
        {detail?.publishedVersion && (
          <div style={{ marginTop: 4 }}>
            <Link to={`/guide/${encodeURIComponent(detail.code)}`} target="_blank" data-testid="item-portal-link">
              <EyeOutlined />{' '}{t('在门户中查看已发布指南')}
            </Link>
          </div>
        )}
      </Card>

      <div style={{ marginTop: 12 }}>{problemAlert}</div>

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
                    <Card size="small" styles={{ body: { padding: 0 } }}>
                      <Table<VersionSummary>
                        rowKey="version"
                        size="small"
                        pagination={false}
                        dataSource={versions}
                        data-testid="versions-table"
                        scroll={{ x: 860 }}
                        onRow={(v) => ({ 'data-testid': `version-row-${v.version}` }) as HTMLAttributes<HTMLElement>}
                        columns={[
                          {
                            title: t('版本'),
                            dataIndex: 'version',
                            width: 110,
                            render: (v: number) => (
                              <Space size={4}>
                                v{v}
                                {v === detail.publishedVersion && <Tag color="green">{t('现行')}</Tag>}
                              </Space>
                            ),
                          },
                          { title: t('状态'), dataIndex: 'status', width: 90, render: (s: ItemStatus) => <StatusTag status={s} /> },
                          { title: t('创建'), dataIndex: 'createdAt', width: 140, render: formatDateTime },
                          { title: t('发布'), dataIndex: 'publishedAt', width: 140, render: formatDateTime },
                          { title: t('审核意见'), dataIndex: 'reviewNote', ellipsis: true, render: (n: string | null | undefined) => n || '—' },
                          {
                            title: '',
                            key: 'view',
                            width: 80,
                            fixed: 'right',
                            render: (_v, r) => (
                              <Button size="small" type="link" onClick={() => setViewVersion(r.version)} data-testid={`version-view-${r.version}`}>
                                {t('查看')}
                              </Button>
                            ),
                          },
                        ]}
                      />
                    </Card>
                  ),
                },
              ]
            : []),
        ]}
      />

      <Modal
        open={!!noteFor}
        title={noteFor ? ACTION_META[noteFor].label : ''}
        onCancel={() => setNoteFor(null)}
        okText={noteFor ? t('确认{label}', { label: ACTION_META[noteFor].label }) : t('确认')}
        okButtonProps={{
          danger: !!noteFor && !!ACTION_META[noteFor].danger,
          disabled: !!noteFor && ACTION_META[noteFor].note === 'required' && !note.trim(),
          loading: !!busyAction,
          ...({ 'data-testid': 'action-confirm' } as object),
        }}
        onOk={() => noteFor && void runAction(noteFor, note.trim() || undefined)}
        destroyOnHidden
      >
        {noteFor === 'abolish' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('废止后事项将从门户下架，且不能再受理新的办件。')} />}
        {noteFor === 'suspend' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('暂停期间事项不在门户展示，也不能受理新的办件。')} />}
        <Input.TextArea
          autoFocus
          rows={4}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={noteFor === 'reject' ? t('请写明退回原因和修改要求（必填）') : t('说明（可选）')}
          data-testid={noteFor === 'reject' ? 'reject-note' : 'action-note'}
        />
      </Modal>

      {detail && (
        <VersionDrawer itemId={detail.id} code={detail.code} version={viewVersion} onClose={() => setViewVersion(null)} departmentNames={departmentNames} department={detail.department} />
      )}
    </div>
  );
}

function VersionDrawer({
  itemId,
  code,
  version,
  onClose,
  departmentNames,
  department,
}: {
  itemId: string;
  code: string;
  version: number | null;
  onClose: () => void;
  departmentNames: Map<string, string>;
  department?: { id: string; name: string };
}) {
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
                { key: 'sub', label: t('提交时间'), children: formatDateTime(v.submittedAt) },
                { key: 'r', label: t('审核时间'), children: formatDateTime(v.reviewedAt) },
                { key: 'p', label: t('发布时间'), children: formatDateTime(v.publishedAt) },
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

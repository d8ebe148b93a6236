/**
 * One thing (一件事) in the editor: its content, the server's problems next to the fields,
 * the promised total against the sum of the parts, and the lifecycle buttons as on items.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Space, Tag, Typography } from 'antd';
import { EyeOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../../api/client';
import type { ItemAction } from '../../../api/types';
import { canEditCatalog, FullPageSpin, useSession } from '../../../auth/session';
import { errorText, showSuccess } from '../../../lib/feedback';
import { STATUS_LABELS } from '../../../lib/labels';
import { Data, useT } from '../../../lib/i18n';
import { StatusTag } from '../CatalogListPage';
import { ACTION_META, ActionNoteModal, ItemActionButtons } from '../itemActions';
import { ItemUnavailable } from '../ItemProblemAlert';
import { BasicsCard } from './BasicsCard';
import { QuestionsCard } from './QuestionsCard';
import { ItemsCard } from './ItemsCard';
import { SharedCard } from './SharedCard';
import { TotalsCard } from './TotalsCard';
import { ProblemsContext } from './Problems';
import { emptyThing, problemMap, problemsOf, problemText, toPayload, type EditorOptions, type Problem, type ThingData, type ThingDetail } from './model';
import './thingEditor.css';

const ORDER: ItemAction[] = ['submit', 'review', 'reject', 'publish', 'suspend', 'resume', 'abolish'];

export function ThingEditorPage({ isNew = false }: { isNew?: boolean }) {
  const t = useT();
  const { id: routeId } = useParams();
  const id = isNew ? undefined : routeId;
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const lockLead = user?.role !== 'centerAdmin' && !!user?.departmentId;

  const detailQuery = useQuery({
    queryKey: ['thing-admin', id],
    queryFn: ({ signal }) => api.get<ThingDetail>(`/api/things/${id}`, undefined, signal),
    enabled: !!id,
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
  });
  const optionsQuery = useQuery({ queryKey: ['thing-editor-options'], queryFn: ({ signal }) => api.get<EditorOptions>('/api/things/editor/options', undefined, signal) });
  const detail = detailQuery.data;
  const options = useMemo(() => new Map((optionsQuery.data?.items ?? []).map((o) => [o.code, o])), [optionsQuery.data]);

  const [data, setData] = useState<ThingData>(() => emptyThing(lockLead ? user?.departmentId ?? '' : ''));
  const [code, setCode] = useState('');
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<ItemAction | 'save' | null>(null);
  const [noteFor, setNoteFor] = useState<ItemAction | null>(null);
  const [note, setNote] = useState('');

  // The server's version is the editor's state after every load, save and action.
  useEffect(() => {
    if (!detail) return;
    setData(detail.latest.data);
    setProblems(detail.problems);
    setDirty(false);
  }, [detail]);
  useEffect(() => {
    document.title = t('{v0} · 一件事管理', { v0: isNew ? t('新建一件事') : detail?.latest.data.name || t('一件事') });
  }, [isNew, detail]);

  const editor = canEditCatalog(user);
  const readOnly = !editor || (!!detail && (!detail.canEdit || detail.availability === 'abolished'));
  const change = (patch: Partial<ThingData>) => {
    setData((d) => ({ ...d, ...patch }));
    setDirty(true);
  };
  const fail = (e: unknown) => {
    setError(e);
    const p = problemsOf(e);
    if (p.length) setProblems(p);
  };
  const accept = (d: ThingDetail) => queryClient.setQueryData(['thing-admin', d.id], d);

  const save = async () => {
    setBusy('save');
    setError(null);
    try {
      if (isNew) {
        const d = await api.post<ThingDetail>('/api/things', { code, data: toPayload(data) });
        accept(d);
        await queryClient.invalidateQueries({ queryKey: ['things-admin'] });
        showSuccess(t('已创建草稿'));
        navigate(`/admin/things/${d.id}`, { replace: true });
      } else if (detail) {
        accept(await api.put<ThingDetail>(`/api/things/${detail.id}`, { data: toPayload(data), baseVersion: detail.latestVersion }));
        showSuccess(t('已保存'));
      }
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const run = async (action: ItemAction, actionNote?: string) => {
    if (!detail) return;
    setBusy(action);
    setError(null);
    try {
      accept(await api.post<ThingDetail>(`/api/things/${detail.id}/actions/${action}`, actionNote ? { note: actionNote } : {}));
      showSuccess(ACTION_META[action].done);
      setNoteFor(null);
      await queryClient.invalidateQueries({ queryKey: ['things-admin'] });
    } catch (e) {
      fail(e);
      setNoteFor(null);
    } finally {
      setBusy(null);
    }
  };
  const onAction = (a: ItemAction) => {
    if (ACTION_META[a].note) {
      setNote('');
      setNoteFor(a);
    } else void run(a);
  };

  const map = useMemo(() => problemMap(problems), [problems]);
  if (!isNew && detailQuery.isLoading) return <FullPageSpin />;
  if (!isNew && detailQuery.isError) return <ItemUnavailable error={detailQuery.error} />;
  if (isNew && !editor) return <ItemUnavailable />;

  const actions = ORDER.filter((a) => detail?.allowedActions.includes(a));
  const blocked = detail?.fourEyes?.blockedActions ?? [];
  const title = isNew ? t('新建一件事') : detail?.latest.data.name || t('（未命名）');
  const nameOf = (c: string) => options.get(c)?.name ?? c;
  const startsNewVersion = !!detail && detail.latest.status !== 'draft' && !readOnly;
  const saveButton = !readOnly && (
    <Button type="primary" icon={<SaveOutlined />} loading={busy === 'save'} disabled={!isNew && !dirty} onClick={() => void save()} data-testid="thing-save">
      {isNew ? t('创建') : t('保存')}
    </Button>
  );

  return (
    <ProblemsContext.Provider value={map}>
      <div className="bs-page bs-thing-editor" data-testid="thing-editor">
        <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/admin/things">{t('一件事管理')}</Link> }, { title: <Data>{title}</Data> }]} />
        <Card className="bs-thing-card">
          <div className="bs-page-head" style={{ marginBottom: 0 }}>
            <Space orientation="vertical" size={4}>
              <Space wrap>
                <Typography.Title level={3} style={{ margin: 0 }} data-testid="thing-title"><Data>{title}</Data></Typography.Title>
                {detail && <StatusTag status={detail.status} testId="thing-status" />}
                {dirty && <Tag color="orange">{t('未保存')}</Tag>}
              </Space>
              {detail && (
                <Typography.Text type="secondary" data-testid="thing-code-text">
                  {detail.code} · v{detail.latestVersion}
                  {detail.publishedVersion ? ` · ${t('发布版本')} v${detail.publishedVersion}` : ''}
                </Typography.Text>
              )}
              {detail?.publishedVersion && (
                <Link to={`/things/${detail.code}`} target="_blank" data-testid="thing-portal-link"><EyeOutlined /> {t('在门户中查看')}</Link>
              )}
            </Space>
            <Space wrap>
              {saveButton}
              <ItemActionButtons actions={actions} blocked={blocked} busy={busy === 'save' ? null : busy} dirty={dirty} onAction={onAction} />
            </Space>
          </div>
          {detail?.latest.reviewNote && detail.latest.status === 'draft' && (
            <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('退回意见：{note}', { note: detail.latest.reviewNote })} data-testid="thing-review-note" />
          )}
          {blocked.length > 0 && <Alert type="warning" showIcon style={{ marginTop: 8 }} data-testid="four-eyes-blocked" title={t('双人审核：您编辑或提交了此版本，不能自行审核、发布，请由另一名管理人员办理。')} />}
        </Card>

        {error != null && !(error instanceof ApiError && error.code === 'thing_invalid') && (
          <Alert type="error" showIcon closable={{ onClose: () => setError(null) }} style={{ marginBottom: 12 }} title={errorText(error)} data-testid="thing-error"
            action={error instanceof ApiError && error.code === 'version_conflict' ? <Button size="small" onClick={() => { setError(null); void detailQuery.refetch(); }}>{t('重新加载')}</Button> : undefined} />
        )}
        {startsNewVersion && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('当前版本 v{latestVersion} 状态为“{v1}”，保存修改将生成新的草稿版本，需重新提交审核和发布。', { latestVersion: detail.latestVersion, v1: STATUS_LABELS[detail.latest.status] })} />
        )}
        {readOnly && !isNew && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('当前角色只能查看该一件事，不能修改。')} />}

        <div className="bs-thing-layout">
          <div>
            <BasicsCard data={data} onChange={change} departments={optionsQuery.data?.departments ?? []} code={isNew ? { value: code, onChange: (v) => { setCode(v); setDirty(true); } } : undefined} lockLead={lockLead} readOnly={readOnly} />
            <QuestionsCard questions={data.questions} onChange={(questions) => change({ questions })} readOnly={readOnly} />
            <ItemsCard items={data.items} onChange={(items) => change({ items })} options={options} questions={data.questions} shared={data.sharedMaterials} readOnly={readOnly} />
            <SharedCard shared={data.sharedMaterials} onChange={(sharedMaterials) => change({ sharedMaterials })} items={data.items} nameOf={nameOf} readOnly={readOnly} />
            {!readOnly && <div className="bs-form-footer">{saveButton}</div>}
          </div>
          <div className="bs-thing-aside">
            <TotalsCard items={data.items} options={options} />
            <ProblemList problems={problems} dirty={dirty} />
          </div>
        </div>

        <ActionNoteModal action={noteFor} note={note} busy={!!busy} onNote={setNote} onCancel={() => setNoteFor(null)} onOk={() => noteFor && void run(noteFor, note.trim() || undefined)} />
      </div>
    </ProblemsContext.Provider>
  );
}

/** Everything that stops submission, as the server last said it (each also shown at its field). */
function ProblemList({ problems, dirty }: { problems: Problem[]; dirty: boolean }) {
  const t = useT();
  if (problems.length === 0) {
    return <Alert type="success" showIcon title={dirty ? t('上次保存的版本可以提交审核') : t('内容完整，可以提交审核')} data-testid="thing-no-problems" />;
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="thing-problems"
      title={t('{n}处问题须修改后才能提交', { n: problems.length })}
      description={<ul className="bs-problem-list">{problems.map((p, i) => <li key={i}>{problemText(p, t('格式不正确或未填写'))}</li>)}</ul>}
    />
  );
}

/**
 * 办件详情 /cases/:id — staff and the owning applicant. The page loads the case and keeps
 * the action modal; each panel lives in case/: the head card with the actions, the steps,
 * the materials, the history, the clock and the documents.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Breadcrumb, Button, Col, Result, Row } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { documentUrl, loadChecklist, type CaseView } from '../../api/cases';
import { FullPageSpin, useSession } from '../../auth/session';
import { errorText, showSuccess } from '../../lib/feedback';
import { CASE_ACTION_LABELS } from '../../lib/labels';
import { FINISHED_STATES, type CaseAction, type CaseState } from '../../../../src/cases/types';
import { ActionModal, inHand, staffQuery, submittable } from './ActionModal';
import { JointPanel } from './JointPanel';
import { PaperworkPanel } from './PaperworkPanel';
import { CaseLicence } from '../licences/CaseLicence';
import { FeePanel } from '../fees/FeePanel';
import { CaseHeader } from './case/CaseHeader';
import { CaseSteps } from './case/CaseSteps';
import { CaseMaterials } from './case/CaseMaterials';
import { CaseHistory } from './case/CaseHistory';
import { CaseClock } from './case/CaseClock';
import { CaseDescription, CaseDocuments, documentTitle } from './case/CaseDocuments';
import { Data, useT } from '../../lib/i18n';

const DONE_STATES: readonly CaseState[] = ['decided', 'resultReady', 'delivered', 'completed', 'archived'];

export function CasePage() {
  const t = useT();
  const { id = '' } = useParams();
  const { user } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<CaseAction | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);

  const query = useQuery({
    queryKey: ['case', id],
    queryFn: ({ signal }) => api.get<CaseView>(`/api/cases/${encodeURIComponent(id)}`, undefined, signal),
    staleTime: 0,
  });
  const c = query.data;

  const checklist = useMemo(() => {
    const fromNav = (location.state as { checklist?: unknown } | null)?.checklist;
    return Array.isArray(fromNav) ? (fromNav as string[]) : loadChecklist(id);
  }, [location.state, id]);

  useEffect(() => {
    if (c) document.title = t('{caseNo} · 办件', { caseNo: c.caseNo });
  }, [c]);

  // Assign / hand over pick from the department's staff: have the list ready when the modal opens.
  const canPickStaff = !!c && (c.allowedActions.includes('assign') || c.allowedActions.includes('handOver'));
  useEffect(() => {
    if (!canPickStaff) return;
    void queryClient.prefetchQuery(staffQuery('handler'));
    void queryClient.prefetchQuery(staffQuery());
  }, [canPickStaff, queryClient]);

  // After a reload (e.g. a version conflict) the open action may no longer be allowed.
  useEffect(() => {
    if (c && action && !c.allowedActions.includes(action)) setAction(null);
  }, [c, action]);

  if (query.isLoading) return <FullPageSpin />;
  if (query.isError || !c || !user) {
    const err = query.error;
    const status = err instanceof ApiError ? err.status : 0;
    return (
      <Result
        status={status === 403 ? '403' : status === 404 ? '404' : 'error'}
        title={status === 403 ? t('无权查看该办件') : status === 404 ? t('办件不存在') : t('加载失败')}
        subTitle={errorText(err)}
        extra={<Button onClick={() => navigate(-1)}>{t('返回')}</Button>}
        data-testid="case-load-error"
      />
    );
  }

  const isApplicant = user.role === 'applicant';
  const finished = FINISHED_STATES.includes(c.state);

  const done = (next: CaseView, act: CaseAction) => {
    const before = new Set(c.documents.map((d) => d.id));
    const issued = next.documents.filter((d) => !before.has(d.id));
    queryClient.setQueryData(['case', id], next);
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
    setAction(null);
    showSuccess(t('已{v0}', { v0: CASE_ACTION_LABELS[act] }));
    setNotice(
      issued.length ? (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setNotice(null)}
          data-testid="case-issued"
          title={
            <span>
              {t('已出具：')}
              {issued.map((d, i) => (
                <span key={d.id}>
                  {i > 0 && '、'}
                  <a href={documentUrl(c.id, d.id)} target="_blank" rel="noreferrer">
                    《{documentTitle(d)}》
                  </a>
                </span>
              ))}
              {t('，请打印交申请人。')}
            </span>
          }
        />
      ) : null,
    );
  };

  // 409 version_conflict: someone changed the case meanwhile — reload it and say so.
  const onConflict = async () => {
    await query.refetch();
    setNotice(
      <Alert
        type="warning"
        showIcon
        closable
        onClose={() => setNotice(null)}
        data-testid="case-conflict"
        title={t('办件已被他人更新，页面已重新加载为最新内容，请核对后再操作。')}
      />,
    );
  };

  const stepsCurrent = DONE_STATES.includes(c.state) ? c.steps.length : c.step ? c.step.index : -1;
  const stepsStatus = c.state === 'suspended' ? 'wait' : ['refused', 'returned', 'withdrawn', 'terminated'].includes(c.state) ? 'error' : undefined;
  const pendingTicks = !isApplicant && checklist && ['submitted', 'awaitingSupplement'].includes(c.state) ? checklist : [];
  const description = typeof c.formData?.description === 'string' ? c.formData.description : '';

  return (
    <div className="bs-page" data-testid="case-page" data-case-id={c.id} data-version={c.version}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[isApplicant ? { title: <Link to="/my/cases">{t('我的办件')}</Link> } : { title: <Link to="/workbench/cases">{t('办件')}</Link> }, { title: <Data>{c.caseNo}</Data> }]}
      />

      <CaseHeader
        c={c}
        finished={finished}
        reloading={query.isRefetching}
        onReload={() => void query.refetch()}
        onAction={setAction}
        intakeHint={isApplicant ? null : intakeHint(c, checklist, t)}
        notice={notice}
      />

      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col xs={24} lg={16}>
          {c.steps.length > 0 && <CaseSteps c={c} current={stepsCurrent} status={stepsStatus} />}
          <JointPanel c={c} />
          <FeePanel caseId={c.id} version={c.version} onChanged={() => void query.refetch()} />
          {!isApplicant && user.role !== 'agent' && <PaperworkPanel c={c} onChanged={() => void query.refetch()} />}
          <CaseMaterials c={c} pendingTicks={pendingTicks} />
          <CaseHistory c={c} />
        </Col>

        <Col xs={24} lg={8}>
          <CaseClock c={c} running={!!c.clock.acceptedOn && !finished && !DONE_STATES.includes(c.state)} />
          <CaseDocuments c={c} />
          {!isApplicant && user.role !== 'agent' && c.outcome === 'approved' && <CaseLicence caseId={c.id} />}
          {description && <CaseDescription text={description} />}
        </Col>
      </Row>

      {action && (
        <ActionModal
          key={action}
          action={action}
          view={c}
          user={user}
          checklist={checklist}
          onClose={() => setAction(null)}
          onDone={(next) => done(next, action)}
          onConflict={onConflict}
        />
      )}
    </div>
  );
}

/** Window intake in one sitting: what the checklist implies for the next step. */
function intakeHint(c: CaseView, checklist: string[] | null, t: (zh: string, vars?: Record<string, string | number>) => string) {
  if (!c.allowedActions.includes('accept') || c.state !== 'submitted') return null;
  const have = inHand(c, checklist);
  const lacking = submittable(c).filter((m) => m.required === 'required' && !have.includes(m.materialId));
  if (lacking.length === 0) return { type: 'success' as const, text: t('必要材料已齐全，可以受理。') };
  const minorOnly = lacking.every((m) => !m.major) && c.allowedActions.includes('acceptConditional');
  return {
    type: 'warning' as const,
    text: t('尚缺必要材料：{v0}。{v1}', { v0: lacking.map((m) => m.name).join('、'), v1: minorOnly ? t('所缺均为副件，可容缺受理，或一次性告知补正。') : t('请一次性告知补正。') }),
  };
}

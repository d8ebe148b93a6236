/** 办件详情 /cases/:id — staff and the owning applicant: header, clock, materials, steps, events, notices, actions. */
import { useEffect, useMemo, useState, type HTMLAttributes, type ReactNode } from 'react';
import { Alert, Badge, Breadcrumb, Button, Card, Col, Descriptions, Empty, Result, Row, Space, Statistic, Steps, Tag, Timeline, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { FilePdfOutlined, PauseCircleOutlined, PrinterOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { documentUrl, fileUrl, loadChecklist, type CaseEvent, type CaseMaterial, type CaseView } from '../../api/cases';
import { FullPageSpin, useSession } from '../../auth/session';
import { formatDate, LightTag, MaterialFlags, StateTag } from '../../components/CaseTags';
import { DeadlineNotes } from './DeadlineNotes';
import { errorText, showSuccess } from '../../lib/feedback';
import { caseKindLabel, DELIVERY_LABELS, formatDateTime, roleLabel, SPECIAL_PROCEDURE_LABELS, STEP_ROLE_LABELS } from '../../lib/labels';
import { CASE_ACTION_LABELS, CHANNEL_LABELS, FINISHED_STATES, OPINION_LABELS, type CaseAction, type CaseState, type Opinion } from '../../../../src/cases/types';
import { ActionModal, inHand, staffQuery, submittable } from './ActionModal';
import { JointPanel } from './JointPanel';
import { PaperworkPanel } from './PaperworkPanel';
import { FeePanel } from '../fees/FeePanel';
import { useT, tr } from '../../lib/i18n';

const PRIMARY_ACTIONS = new Set<CaseAction>(['accept', 'supply', 'assign', 'completeStep', 'decide', 'markResultReady', 'deliver', 'complete', 'approveExtension', 'resume', 'giveOpinion']);
const DANGER_ACTIONS = new Set<CaseAction>(['refuse', 'return', 'withdraw', 'rejectExtension']);
const DONE_STATES: readonly CaseState[] = ['decided', 'resultReady', 'delivered', 'completed', 'archived'];

type MaterialStatus = 'provided' | 'checked' | 'owed' | 'missing' | 'shared' | 'none';
const MATERIAL_STATUS: Record<MaterialStatus, { label: string; color: string }> = {
  provided: { get label() { return tr('已提供'); }, color: 'success' },
  checked: { get label() { return tr('窗口已核收'); }, color: 'processing' },
  owed: { get label() { return tr('容缺待补'); }, color: 'gold' },
  missing: { get label() { return tr('缺少'); }, color: 'error' },
  shared: { get label() { return tr('部门共享'); }, color: 'green' },
  none: { get label() { return tr('未提供'); }, color: 'default' },
};
/** `ticked`: the window's intake checklist, shown until acceptance records it. */
function materialStatus(m: CaseMaterial, ticked: readonly string[]): MaterialStatus {
  if (m.owed) return 'owed';
  if (m.provided) return 'provided';
  if (ticked.includes(m.materialId)) return 'checked';
  if (m.source === 'sharing') return 'shared';
  return m.required === 'required' ? 'missing' : 'none';
}

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
                    《{d.title}》
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

  const reload = async () => {
    await query.refetch();
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

  // Window intake in one sitting: say what the checklist implies for the next step.
  const intakeHint =
    !isApplicant && c.allowedActions.includes('accept') && (c.state === 'submitted')
      ? (() => {
          const have = inHand(c, checklist);
          const lacking = submittable(c).filter((m) => m.required === 'required' && !have.includes(m.materialId));
          if (lacking.length === 0) return { type: 'success' as const, text: t('必要材料已齐全，可以受理。') };
          const minorOnly = lacking.every((m) => !m.major) && c.allowedActions.includes('acceptConditional');
          return {
            type: 'warning' as const,
            text: t('尚缺必要材料：{v0}。{v1}', { v0: lacking.map((m) => m.name).join('、'), v1: minorOnly ? t('所缺均为副件，可容缺受理，或一次性告知补正。') : t('请一次性告知补正。') }),
          };
        })()
      : null;

  const stepsCurrent = DONE_STATES.includes(c.state) ? c.steps.length : c.step ? c.step.index : -1;
  const stepsStatus = c.state === 'suspended' ? 'wait' : ['refused', 'returned', 'withdrawn', 'terminated'].includes(c.state) ? 'error' : undefined;
  const pendingTicks = !isApplicant && checklist && ['submitted', 'awaitingSupplement'].includes(c.state) ? checklist : [];
  const description = typeof c.formData?.description === 'string' ? c.formData.description : '';

  return (
    <div className="bs-page" data-testid="case-page" data-case-id={c.id} data-version={c.version}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[isApplicant ? { title: <Link to="/my/cases">{t('我的办件')}</Link> } : { title: <Link to="/workbench/cases">{t('办件')}</Link> }, { title: c.caseNo }]}
      />

      <Card className="bs-case-head" data-testid="case-header">
        <div className="bs-case-head-row">
          <div>
            <Space size={10} wrap align="center">
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-no">
                {c.caseNo}
              </Typography.Title>
              <StateTag state={c.state} label={c.stateLabel} testId="case-state" />
              {c.outcome && (
                <Tag color={c.outcome === 'approved' ? 'success' : 'error'} data-testid="case-outcome">
                  {c.outcome === 'approved' ? t('准予') : t('不予')}
                </Tag>
              )}
              {c.clock.light && <LightTag light={c.clock.light} testId="case-light" />}
              {c.clock.paused && (
                <Tag icon={<PauseCircleOutlined />} color="purple">
                  {t('暂停计时')}
                </Tag>
              )}
              {c.keyProject && (
                <Tag color="magenta" data-testid="case-green-channel">
                  {t('绿色通道·重点项目')}
                </Tag>
              )}
            </Space>
            <div className="bs-case-item">
              <Typography.Text strong style={{ fontSize: 16 }} data-testid="case-item">
                {c.item.name}
              </Typography.Text>
              <Typography.Text type="secondary" data-testid="case-item-version">
                {c.item.code}{' '}{t('· 受理所依事项版本 v')}{c.item.version}
              </Typography.Text>
            </div>
          </div>
          <Space className="bs-no-print">
            <Button icon={<ReloadOutlined />} onClick={() => void reload()} loading={query.isRefetching} data-testid="case-reload">
              {t('刷新')}
            </Button>
            <Button icon={<SearchOutlined />} onClick={() => navigate(`/progress?caseNo=${encodeURIComponent(c.caseNo)}&queryCode=${encodeURIComponent(c.queryCode)}`)}>
              {t('进度查询')}
            </Button>
          </Space>
        </div>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 12 }} data-testid="case-summary">
          <Descriptions.Item label={t('申请人')}>
            <span data-testid="case-applicant">{c.applicant.name}</span>
            <Typography.Text type="secondary">（{c.applicant.kind === 'organization' ? t('法人') : t('自然人')}）</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('证件号码')}>{c.applicant.idNumber}</Descriptions.Item>
          <Descriptions.Item label={t('联系电话')}>{c.applicant.phone}</Descriptions.Item>
          <Descriptions.Item label={t('查询码')}>
            <Typography.Text copyable data-testid="case-query-code">
              {c.queryCode}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('承办部门')}>{c.department?.name}</Descriptions.Item>
          <Descriptions.Item label={t('办件类型')}>
            {caseKindLabel(c.kind)} · {CHANNEL_LABELS[c.channel] ?? c.channel}
          </Descriptions.Item>
          <Descriptions.Item label={t('全程办事人')}>{c.coordinator?.displayName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('承办人')}>
            <span data-testid="case-assignee">{c.assignee?.displayName ?? '—'}</span>
          </Descriptions.Item>
          {c.keyProject && (
            <Descriptions.Item label={t('全程代办人')}>
              <span data-testid="case-green-coordinator">{c.greenCoordinator?.displayName ?? t('未指定')}</span>
            </Descriptions.Item>
          )}
        </Descriptions>

        <div className="bs-action-panel bs-no-print" data-testid="case-actions">
          <span className="bs-action-label">{t('可办理操作')}</span>
          {c.allowedActions.length === 0 ? (
            <Typography.Text type="secondary" data-testid="case-no-actions">
              {finished ? t('本件已结束办理') : t('当前无需您办理的操作')}
            </Typography.Text>
          ) : (
            <Space wrap size={8}>
              {c.allowedActions.map((a) => (
                <Button
                  key={a}
                  type={PRIMARY_ACTIONS.has(a) ? 'primary' : 'default'}
                  danger={DANGER_ACTIONS.has(a)}
                  onClick={() => setAction(a)}
                  data-testid={`case-action-${a}`}
                >
                  {CASE_ACTION_LABELS[a]}
                </Button>
              ))}
            </Space>
          )}
        </div>
        {intakeHint && <Alert type={intakeHint.type} showIcon style={{ marginTop: 12 }} title={intakeHint.text} data-testid="case-intake-hint" />}
        {c.pendingExtension && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="case-pending-extension"
            title={t('延期申请待审批：{workingDays} 个工作日', { workingDays: c.pendingExtension.workingDays })}
            description={t('理由：{reason}（{v1} 提出）', { reason: c.pendingExtension.reason, v1: formatDateTime(c.pendingExtension.requestedAt) })}
          />
        )}
        {notice && <div style={{ marginTop: 12 }}>{notice}</div>}
      </Card>

      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col xs={24} lg={16}>
          {c.steps.length > 0 && (
            <Card title={t('办理环节')} size="small" className="bs-section" data-testid="case-steps" data-current={stepsCurrent}>
              <Steps
                size="small"
                titlePlacement="vertical"
                current={stepsCurrent}
                status={stepsStatus}
                items={c.steps.map((s, i) => ({
                  title: <span data-testid={`case-step-${i}`}>{s.name}</span>,
                  content: STEP_ROLE_LABELS[s.role] ?? roleLabel(s.role),
                }))}
              />
            </Card>
          )}

          <JointPanel c={c} />

          <FeePanel caseId={c.id} version={c.version} onChanged={() => void query.refetch()} />

          {!isApplicant && user.role !== 'agent' && <PaperworkPanel c={c} onChanged={() => void query.refetch()} />}

          <Card title={t('申请材料')} size="small" className="bs-section" data-testid="case-materials">
            <ResponsiveTable<CaseMaterial>
              rowKey="materialId"
              size="small"
              pagination={false}
              dataSource={c.materials}
              onRow={(m) => ({ 'data-testid': `material-row-${m.materialId}` }) as HTMLAttributes<HTMLElement>}
              columns={[
                {
                  title: t('材料名称'),
                  dataIndex: 'name',
                  render: (v: string, m) => (
                    <div>
                      {v}
                      {m.condition && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          （{m.condition}）
                        </Typography.Text>
                      )}
                    </div>
                  ),
                },
                { title: t('要求'), key: 'flags', width: 150, render: (_: unknown, m) => <MaterialFlags required={m.required} major={m.major} /> },
                {
                  title: t('状态'),
                  key: 'status',
                  width: 110,
                  render: (_: unknown, m) => {
                    const s = materialStatus(m, pendingTicks);
                    return (
                      <Tag color={MATERIAL_STATUS[s].color} data-testid={`material-status-${m.materialId}`} data-status={s}>
                        {MATERIAL_STATUS[s].label}
                      </Tag>
                    );
                  },
                },
                {
                  title: t('文件'),
                  key: 'file',
                  width: 110,
                  render: (_: unknown, m) =>
                    m.fileId ? (
                      <a href={fileUrl(m.fileId)} target="_blank" rel="noreferrer" data-testid={`material-file-${m.materialId}`}>
                        <FilePdfOutlined />{' '}{t('查看')}
                      </a>
                    ) : (
                      <Typography.Text type="secondary">{m.provided ? t('纸质') : '—'}</Typography.Text>
                    ),
                },
              ]}
            />
          </Card>

          <Card title={t('办理过程')} size="small" className="bs-section" data-testid="case-events">
            <Timeline items={c.events.map((e) => ({ key: e.seq, color: eventColor(e), content: <EventItem e={e} c={c} /> }))} />
          </Card>
        </Col>

        <Col xs={24} lg={8}>
          <Card
            title={t('时限')}
            size="small"
            className="bs-section"
            data-testid="case-clock"
            extra={
              c.clock.paused ? (
                <Badge status="processing" color="purple" text={<span data-testid="clock-paused">{t('暂停计时中')}</span>} />
              ) : c.clock.acceptedOn && !finished && !DONE_STATES.includes(c.state) ? (
                <Badge status="processing" text={t('计时中')} />
              ) : null
            }
          >
            <Row gutter={8} style={{ marginBottom: 12 }}>
              <Col span={12}>
                <Statistic title={t('已用工作日')} value={c.clock.acceptedOn ? (c.clock.usedWorkingDays ?? '—') : '—'} data-testid="clock-used" />
              </Col>
              <Col span={12}>
                <Statistic
                  title={(c.clock.remainingWorkingDays ?? 0) < 0 ? t('已超期工作日') : t('剩余工作日')}
                  value={c.clock.acceptedOn ? (c.clock.remainingWorkingDays === null ? '—' : Math.abs(c.clock.remainingWorkingDays)) : '—'}
                  styles={{ content: { color: lightColor(c.clock.light) } }}
                  data-testid="clock-remaining"
                />
              </Col>
            </Row>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('受理日期')}>
                <span data-testid="clock-accepted-on">{formatDate(c.clock.acceptedOn)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('承诺办结日')}>
                <span data-testid="clock-promised-due">{formatDate(c.clock.promisedDue)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('法定办结日')}>
                <span data-testid="clock-statutory-due">{formatDate(c.clock.statutoryDue)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('暂停工作日')}>
                <span data-testid="clock-paused-days">{c.clock.pausedWorkingDays ?? 0}</span>
              </Descriptions.Item>
              {!!c.extensionDays && <Descriptions.Item label={t('已延期')}>{c.extensionDays}{' '}{t('个工作日')}</Descriptions.Item>}
              <Descriptions.Item label={t('亮灯')}>
                <LightTag light={c.clock.light} />
              </Descriptions.Item>
            </Descriptions>
            <DeadlineNotes c={c} />
            {!c.clock.acceptedOn && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
                {t('自受理之日起计时，受理当日不计入；补正期间不计时。')}
              </Typography.Paragraph>
            )}
          </Card>

          <Card
            title={
              <Space>
                <PrinterOutlined />
                {t('文书')}
              </Space>
            }
            size="small"
            className="bs-section"
            data-testid="case-documents"
          >
            {c.documents.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('尚未出具文书')} />
            ) : (
              <div className="bs-doc-list">
                {c.documents.map((d) => (
                  <div key={d.id} className="bs-doc-row">
                    <a href={documentUrl(c.id, d.id)} target="_blank" rel="noreferrer" data-testid={`doc-link-${d.kind}`} data-doc-id={d.id}>
                      <FilePdfOutlined /> {d.title}
                    </a>
                    <div className="bs-sub">
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {d.docNo} · {formatDateTime(d.issuedAt)}
                      </Typography.Text>
                    </div>
                  </div>
                ))}
              </div>
            )}
          </Card>

          {description && (
            <Card title={t('申请事项说明')} size="small" className="bs-section">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="case-description">
                {description}
              </Typography.Paragraph>
            </Card>
          )}
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

function lightColor(light: CaseView['clock']['light']): string | undefined {
  return light === 'red' ? '#cf1322' : light === 'black' ? '#262626' : light === 'yellow' ? '#d48806' : light === 'green' ? '#389e0d' : undefined;
}

function eventColor(e: CaseEvent): string {
  if (['refuse', 'return', 'withdraw', 'rejectExtension'].includes(e.action)) return 'red';
  if (e.action === 'decide') return (e.data?.outcome as string) === 'denied' ? 'red' : 'green';
  if (['complete', 'accept', 'acceptConditional'].includes(e.action)) return 'green';
  if (['notifySupplement', 'suspend', 'requestExtension', 'deemConsent'].includes(e.action)) return 'orange';
  if (e.action === 'escalatePart') return 'red';
  return 'blue';
}

const ANOMALY_LABELS: Record<string, string> = { get secondSupplementNotice() { return tr('同一申请第二次补正告知'); }, get repeatedExtension() { return tr('重复延期'); } };

/** One event: what, who, when, and the opinion/reasons it carries. */
function EventItem({ e, c }: { e: CaseEvent; c: CaseView }) {
  const t = useT();
  const d = (e.data ?? {}) as Record<string, unknown>;
  const names = (ids: unknown) =>
    Array.isArray(ids) ? (ids as string[]).map((id) => c.materials.find((m) => m.materialId === id)?.name ?? id).join('、') : '';
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const lines: [string, ReactNode][] = [];
  if (str(d.step)) lines.push([t('环节'), str(d.step)]);
  if (d.to && typeof d.to === 'object' && str((d.to as { name?: unknown }).name)) lines.push([e.action === 'appointCoordinator' ? t('全程代办人') : t('承办人'), str((d.to as { name?: unknown }).name)]);
  if (str(d.department)) lines.push([t('部门'), str(d.department)]);
  if (str(d.task)) lines.push([t('联办任务'), str(d.task)]);
  if (str(d.opinion)) lines.push([t('意见'), OPINION_LABELS[d.opinion as Opinion] ?? str(d.opinion)]);
  if (e.action === 'giveOpinion' && str(d.text)) lines.push([t('说明'), str(d.text)]);
  if (str(d.place)) lines.push([t('会议'), `${formatDateTime(str(d.at))} · ${str(d.place)}`]);
  if (str(d.minutes)) lines.push([t('会议纪要'), str(d.minutes)]);
  if (e.action === 'deemConsent') lines.push([t('超时默认'), t('意见期限 {v0} 已过，视为同意，记入该部门', { v0: str(d.subDue) })]);
  if (e.action === 'escalatePart') lines.push([t('超时默认'), t('意见期限 {v0} 已过，已上报督办', { v0: str(d.subDue) })]);
  if (d.outcome) lines.push([t('决定'), d.outcome === 'approved' ? t('准予') : t('不予')]);
  if (str(d.reasons)) lines.push([t('理由'), str(d.reasons)]);
  if (str(d.reason)) lines.push([t('理由'), str(d.reason)]);
  if (str(d.redirectTo)) lines.push([t('告知向'), str(d.redirectTo)]);
  if (names(d.missing)) lines.push([t('需补正'), names(d.missing)]);
  if (names(d.owed)) lines.push([t('容缺材料'), names(d.owed)]);
  if (e.action === 'supply' && names(d.materials)) lines.push([t('补交材料'), names(d.materials)]);
  if (e.action === 'submit' && names(d.materials)) lines.push([t('在线提交材料'), names(d.materials)]);
  if (str(d.note)) lines.push([t('说明'), str(d.note)]);
  if (str(d.procedure)) lines.push([t('特别程序'), SPECIAL_PROCEDURE_LABELS[d.procedure as keyof typeof SPECIAL_PROCEDURE_LABELS] ?? str(d.procedure)]);
  if (typeof d.plannedWorkingDays === 'number') lines.push([t('预计'), t('{plannedWorkingDays} 个工作日', { plannedWorkingDays: d.plannedWorkingDays })]);
  if (typeof d.workingDays === 'number') lines.push([t('延期'), t('{workingDays} 个工作日', { workingDays: d.workingDays })]);
  if (str(d.mode)) lines.push([t('送达方式'), DELIVERY_LABELS[d.mode as 'pickup' | 'post'] ?? str(d.mode)]);
  if (str(d.trackingNo)) lines.push([t('快递单号'), str(d.trackingNo)]);
  const flags: ReactNode[] = [];
  if (d.negativeFiling) flags.push(<Tag key="nf" color="red">{t('否定备案')}</Tag>);
  if (str(d.anomaly)) flags.push(<Tag key="an" color="volcano">{t('异常：')}{ANOMALY_LABELS[str(d.anomaly)] ?? str(d.anomaly)}</Tag>);
  return (
    <div data-testid={`event-${e.seq}`} data-action={e.action}>
      <div>
        <Typography.Text strong>{e.label ?? CASE_ACTION_LABELS[e.action as CaseAction] ?? e.action}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
          {e.actor.displayName}
          {e.actor.role && e.actor.displayName !== roleLabel(e.actor.role) ? `（${roleLabel(e.actor.role)}）` : ''}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
          {formatDateTime(e.at)}
        </Typography.Text>
        {flags}
      </div>
      {lines.length > 0 && (
        <div className="bs-event-lines">
          {lines.map(([k, v], i) => (
            <div key={i}>
              <span className="bs-event-key">{k}：</span>
              {v}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

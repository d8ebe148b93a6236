/**
 * One case action as a small modal form (docs/api.md, the action table): builds the body,
 * sends it with the loaded case's `version`, and reports `messageZh` on failure.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import type { CaseMaterial, CaseView, UploadedFile } from '../../api/cases';
import type { Me } from '../../api/types';
import { MaterialFlags } from '../../components/CaseTags';
import { MaterialUpload } from '../../components/MaterialUpload';
import { detailLines, errorText } from '../../lib/feedback';
import { DELIVERY_LABELS, ROLE_LABELS, SPECIAL_PROCEDURE_LABELS } from '../../lib/labels';
import { CASE_ACTION_LABELS, type CaseAction } from '../../../../src/cases/types';
import { SPECIAL_PROCEDURES } from '../../../../src/catalog/types';
import { JOINT_ACTIONS, JointFields, jointBody, jointInitialValues } from './JointForms';
import { staffQuery } from './staffQuery';
import { useT, tr } from '../../lib/i18n';

type Values = Record<string, unknown>;

/** Also served from here for the case page; it lives in its own file so JointForms need not import this one. */
export { staffQuery };

/** Materials the applicant hands in (not obtained by data sharing). */
export const submittable = (c: CaseView) => c.materials.filter((m) => m.source !== 'sharing');

/** What the window has in hand: the intake checklist when there is one, plus what the server already has. */
export function inHand(c: CaseView, checklist: string[] | null): string[] {
  const provided = submittable(c).filter((m) => m.provided).map((m) => m.materialId);
  return [...new Set([...(checklist ?? []), ...provided])];
}

/** Materials still to come: not provided, or owed under 容缺. */
export const outstanding = (c: CaseView) => submittable(c).filter((m) => !m.provided || m.owed);

const MODAL_WIDTH: Partial<Record<CaseAction, number>> = { accept: 640, notifySupplement: 640, supply: 680, acceptConditional: 640 };

const PRIMARY_HINT: Partial<Record<CaseAction, string>> = {
  get accept() { return tr('确认申请材料齐全，予以受理并出具受理通知书。'); },
  get resume() { return tr('特别程序已结束，恢复计时。'); },
  get approveExtension() { return tr('批准延期申请，并向申请人出具延期告知书。'); },
  get markResultReady() { return tr('办理结果已制作完成，通知申请人领取。'); },
  get complete() { return tr('办理结果已送达，办结本件并出具办结通知书。'); },
};

function MaterialOption({ m }: { m: CaseMaterial }) {
  return (
    <span className="bs-check-name">
      {m.name} <MaterialFlags required={m.required} major={m.major} />
    </span>
  );
}

function MaterialChecks({ name, materials, testId }: { name: string; materials: CaseMaterial[]; testId: string }) {
  return (
    <Form.Item name={name} noStyle>
      <Checkbox.Group style={{ width: '100%' }} data-testid={testId}>
        <div className="bs-checklist">
          {materials.map((m) => (
            <div key={m.materialId} className="bs-check-row">
              <Checkbox value={m.materialId} data-testid={`${testId}-${m.materialId}`}>
                <MaterialOption m={m} />
              </Checkbox>
            </div>
          ))}
        </div>
      </Checkbox.Group>
    </Form.Item>
  );
}

const Reason = ({ name, label, required = true, placeholder }: { name: string; label: string; required?: boolean; placeholder?: string }) => {
  const t = useT();
  return (
  <Form.Item name={name} label={label} rules={required ? [{ required: true, whitespace: true, message: t('请填写{label}', { label }) }] : []}>
    <Input.TextArea rows={3} maxLength={2000} showCount placeholder={placeholder} data-testid={`action-field-${name}`} />
  </Form.Item>
);
};

export function ActionModal({
  action,
  view,
  user,
  checklist,
  onClose,
  onDone,
  onConflict,
}: {
  action: CaseAction;
  view: CaseView;
  user: Me;
  checklist: string[] | null;
  onClose: () => void;
  onDone: (next: CaseView) => void;
  /** Called on 409 version_conflict: the page reloads the case. */
  onConflict: () => Promise<void>;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; lines: string[]; conflict?: boolean } | null>(null);
  const [files, setFiles] = useState<Record<string, UploadedFile | null>>({});
  // An agent supplies as the resident's representative: uploads, not the window's ticks.
  const isApplicant = user.role === 'applicant' || user.role === 'agent';
  // Who supplies by uploading files: the applicant (or agent), or the green channel's coordinator acting for them.
  const uploads = isApplicant || user.role !== 'receiver';

  const needsStaff = action === 'assign' || action === 'handOver';
  const staff = useQuery({ ...staffQuery(action === 'assign' ? 'handler' : undefined), enabled: needsStaff });
  const staffOptions = useMemo(() => {
    const list = (staff.data?.users ?? []).filter((u) => (action === 'assign' ? u.role === 'handler' : ['handler', 'coordinator'].includes(u.role)));
    return list
      .filter((u) => action !== 'handOver' || u.id !== view.assignee?.id)
      .map((u) => ({ value: u.id, label: `${u.displayName}（${u.roleLabel || ROLE_LABELS[u.role]}）` }));
  }, [staff.data, action, view.assignee]);

  const have = useMemo(() => inHand(view, checklist), [view, checklist]);
  const minor = useMemo(() => submittable(view).filter((m) => !m.major), [view]);
  const lastMissing = useMemo(() => {
    const e = [...view.events].reverse().find((ev) => ev.action === 'notifySupplement');
    const missing = (e?.data?.missing as string[] | undefined) ?? [];
    return new Set(missing);
  }, [view.events]);
  // What to (re)upload: not yet provided, owed, or named by the last supplement notice (an upload found unusable).
  const toSupply = useMemo(() => submittable(view).filter((m) => !m.provided || m.owed || lastMissing.has(m.materialId)), [view, lastMissing]);

  // Defaults are taken once, when the form opens (a reload after a conflict keeps what was typed).
  const [initialValues] = useState<Values>(() => {
    const requiredMissing = submittable(view)
      .filter((m) => m.required === 'required' && !have.includes(m.materialId))
      .map((m) => m.materialId);
    switch (action) {
      case 'accept':
        return { provided: have };
      case 'notifySupplement':
        return { missing: requiredMissing, note: '' };
      case 'acceptConditional':
        return { owed: minor.filter((m) => m.required === 'required' && !have.includes(m.materialId)).map((m) => m.materialId) };
      case 'supply':
        return { provided: [] };
      case 'decide':
        return { outcome: 'approved', reasons: '' };
      case 'deliver':
        return { mode: 'pickup', trackingNo: '' };
      case 'suspend':
        return { procedure: undefined, plannedWorkingDays: 5 };
      case 'requestExtension':
        return { workingDays: 5 };
      case 'recordReply':
        return { outcome: 'approved', replyOn: new Date().toISOString().slice(0, 10), reference: '', note: '' };
      default:
        return jointInitialValues(action, view);
    }
  });

  const outcome = Form.useWatch('outcome', form);
  const mode = Form.useWatch('mode', form);
  const ticked = (Form.useWatch('provided', form) as string[] | undefined) ?? [];

  const buildBody = (v: Values): Record<string, unknown> => {
    const list = (x: unknown) => (Array.isArray(x) ? (x as string[]) : []);
    switch (action) {
      case 'accept':
        return { provided: list(v.provided) };
      case 'notifySupplement': {
        const missing = list(v.missing);
        const provided = have.filter((id) => !missing.includes(id));
        return { missing, note: String(v.note ?? '').trim(), ...(provided.length ? { provided } : {}) };
      }
      case 'acceptConditional': {
        const owed = list(v.owed);
        const provided = have.filter((id) => !owed.includes(id));
        return { owed, ...(provided.length ? { provided } : {}) };
      }
      case 'supply':
        if (uploads) {
          return { materials: Object.entries(files).filter((e): e is [string, UploadedFile] => !!e[1]).map(([materialId, f]) => ({ materialId, fileId: f.id })) };
        }
        return { provided: list(v.provided) };
      case 'return':
        return { reasons: String(v.reasons ?? '').trim(), redirectTo: String(v.redirectTo ?? '').trim() };
      case 'refuse':
        return { reasons: String(v.reasons ?? '').trim() };
      case 'assign':
        return { userId: v.userId };
      case 'handOver':
        return { toUserId: v.toUserId, note: String(v.note ?? '').trim() };
      case 'completeStep':
        return { opinion: String(v.opinion ?? '').trim() };
      case 'suspend':
        return { procedure: v.procedure, reason: String(v.reason ?? '').trim(), plannedWorkingDays: v.plannedWorkingDays };
      case 'requestExtension':
        return { workingDays: v.workingDays, reason: String(v.reason ?? '').trim() };
      case 'rejectExtension':
        return { reason: String(v.reason ?? '').trim() };
      case 'decide':
        return { outcome: v.outcome, ...(String(v.reasons ?? '').trim() ? { reasons: String(v.reasons).trim() } : {}) };
      case 'deliver':
        return { mode: v.mode, ...(v.mode === 'post' ? { trackingNo: String(v.trackingNo ?? '').trim() } : {}) };
      case 'withdraw':
        return String(v.reason ?? '').trim() ? { reason: String(v.reason).trim() } : {};
      case 'reportUp':
        return { authority: String(v.authority ?? '').trim(), reference: String(v.reference ?? '').trim() };
      case 'recordReply':
        return { outcome: v.outcome, replyOn: v.replyOn, reference: String(v.reference ?? '').trim(), note: String(v.note ?? '').trim() };
      default:
        return jointBody(action, v, view, files);
    }
  };

  const send = async (v: Values) => {
    setError(null);
    const body = buildBody(v);
    if (action === 'supply') {
      const n = uploads ? (body.materials as unknown[]).length : (body.provided as unknown[]).length;
      if (n === 0) {
        setError({ text: uploads ? t('请至少上传一项补正材料') : t('请至少勾选一项已收到的材料'), lines: [] });
        return;
      }
    }
    setBusy(true);
    try {
      const next = await api.post<CaseView>(`/api/cases/${view.id}/actions/${action}`, { version: view.version, ...body });
      onDone(next);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        await onConflict();
        setError({ text: t('{display}（已重新加载最新办件，请核对后再提交）', { display: e.display }), lines: [], conflict: true });
      } else {
        // Field details name the body's fields for schema errors; guard failures already say it all in messageZh.
        setError({ text: errorText(e), lines: e instanceof ApiError && e.code === 'validation_failed' ? detailLines(e) : [] });
      }
    } finally {
      setBusy(false);
    }
  };

  const title = CASE_ACTION_LABELS[action];
  let content: ReactNode = null;
  switch (action) {
    case 'accept': {
      const missingRequired = submittable(view).filter((m) => m.required === 'required' && !ticked.includes(m.materialId));
      content = (
        <>
          <Typography.Paragraph type="secondary">{PRIMARY_HINT.accept}{t('请勾选已收到（或已在线上传）的材料：')}</Typography.Paragraph>
          <MaterialChecks name="provided" materials={submittable(view)} testId="action-field-provided" />
          {missingRequired.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 10 }}
              title={t('必要材料尚未勾选：{v0}', { v0: missingRequired.map((m) => m.name).join('、') })}
              description={t('材料不齐全的，请改用“一次性告知补正”或“容缺受理”。')}
            />
          )}
        </>
      );
      break;
    }
    case 'notifySupplement':
      content = (
        <>
          <Typography.Paragraph type="secondary">{t('一次性告知申请人需补正的全部材料（同一申请再次告知将记为异常）：')}</Typography.Paragraph>
          <Form.Item name="missing" rules={[{ required: true, type: 'array', min: 1, message: t('请至少选择一项需补正的材料') }]} style={{ marginBottom: 12 }}>
            <Checkbox.Group style={{ width: '100%' }} data-testid="action-field-missing">
              <div className="bs-checklist">
                {submittable(view).map((m) => (
                  <div key={m.materialId} className="bs-check-row">
                    <Checkbox value={m.materialId} data-testid={`action-field-missing-${m.materialId}`}>
                      <MaterialOption m={m} />
                    </Checkbox>
                    {have.includes(m.materialId) && <Tag color="green">{t('已收到')}</Tag>}
                  </div>
                ))}
              </div>
            </Checkbox.Group>
          </Form.Item>
          <Form.Item name="note" label={t('补正说明')}>
            <Input.TextArea rows={3} maxLength={2000} placeholder={t('如：请补交原件核对；声明表须全体成年家庭成员签字')} data-testid="action-field-note" />
          </Form.Item>
        </>
      );
      break;
    case 'acceptConditional': {
      const majorMissing = submittable(view).filter((m) => m.major && m.required === 'required' && !have.includes(m.materialId));
      content = (
        <>
          <Typography.Paragraph type="secondary">{t('主件齐全、仅欠缺副件时可容缺受理：申请人签署容缺受理承诺书，在约定时间内补齐所缺材料后方可送达结果。')}</Typography.Paragraph>
          {majorMissing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('以下主件尚未收到，不能容缺：{v0}', { v0: majorMissing.map((m) => m.name).join('、') })}
              description={t('请先补齐主件，或改用“一次性告知补正”。')}
            />
          )}
          {minor.length === 0 ? (
            <Alert type="info" showIcon title={t('该事项没有可容缺的副件材料。')} />
          ) : (
            <Form.Item name="owed" label={t('容缺（后补）的材料')} rules={[{ required: true, type: 'array', min: 1, message: t('请至少选择一项容缺材料') }]}>
              <Checkbox.Group style={{ width: '100%' }} data-testid="action-field-owed">
                <div className="bs-checklist">
                  {minor.map((m) => (
                    <div key={m.materialId} className="bs-check-row">
                      <Checkbox value={m.materialId} data-testid={`action-field-owed-${m.materialId}`}>
                        <MaterialOption m={m} />
                      </Checkbox>
                    </div>
                  ))}
                </div>
              </Checkbox.Group>
            </Form.Item>
          )}
        </>
      );
      break;
    }
    case 'supply':
      content = uploads ? (
        <>
          <Typography.Paragraph type="secondary">{t('请按一次性告知书上传需补正的材料（PDF、JPG、PNG，单个不超过 10MB）：')}</Typography.Paragraph>
          <div className="bs-checklist" data-testid="action-field-files">
            {toSupply.length === 0 && <Typography.Text type="secondary">{t('没有需补正的材料。')}</Typography.Text>}
            {toSupply.map((m) => (
              <div key={m.materialId} className="bs-check-row bs-supply-row">
                <span>
                  <MaterialOption m={m} />
                  {lastMissing.has(m.materialId) && <Tag color="orange">{t('需补正')}</Tag>}
                  {m.owed && <Tag color="gold">{t('容缺待补')}</Tag>}
                </span>
                <MaterialUpload testId={`action-field-file-${m.materialId}`} value={files[m.materialId]} onChange={(f) => setFiles((s) => ({ ...s, [m.materialId]: f }))} />
              </div>
            ))}
          </div>
        </>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('勾选申请人本次补交（窗口已收到）的材料：')}</Typography.Paragraph>
          <MaterialChecks name="provided" materials={toSupply} testId="action-field-provided" />
        </>
      );
      break;
    case 'return':
      content = (
        <>
          <Reason name="reasons" label={t('退回理由')} placeholder={t('如：该事项不属于本中心受理范围')} />
          <Form.Item name="redirectTo" label={t('告知向何机关申请')} rules={[{ required: true, whitespace: true, message: t('请填写应向何机关申请') }]}>
            <Input maxLength={200} placeholder={t('如：清渭县自然资源局')} data-testid="action-field-redirectTo" />
          </Form.Item>
        </>
      );
      break;
    case 'refuse':
      content = (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('不予受理将出具不予受理通知书，并向中心进行否定备案。')} />
          <Reason name="reasons" label={t('不予受理理由')} placeholder={t('写明事实、依据及申请人的救济途径')} />
        </>
      );
      break;
    case 'assign':
      content = (
        <Form.Item name="userId" label={t('承办人（具体办理人）')} rules={[{ required: true, message: t('请选择承办人') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={staff.isLoading}
            options={staffOptions}
            placeholder={t('选择本部门具体办理人')}
            data-testid="action-field-userId"
            notFoundContent={staff.isError ? errorText(staff.error) : t('本部门暂无可选人员')}
          />
        </Form.Item>
      );
      break;
    case 'handOver':
      content = (
        <>
          <Form.Item name="toUserId" label={t('移交给')} rules={[{ required: true, message: t('请选择接收人') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={staff.isLoading}
              options={staffOptions}
              placeholder={t('选择本部门人员')}
              data-testid="action-field-toUserId"
              notFoundContent={staff.isError ? errorText(staff.error) : t('本部门暂无可选人员')}
            />
          </Form.Item>
          <Form.Item name="note" label={t('移交说明')}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="action-field-note" />
          </Form.Item>
        </>
      );
      break;
    case 'completeStep':
      content = (
        <>
          {view.step && (
            <Typography.Paragraph>
              {t('当前环节：')}<Typography.Text strong>{view.step.name}</Typography.Text>
            </Typography.Paragraph>
          )}
          <Reason name="opinion" label={t('办理意见')} placeholder={t('如：经核对，申请人家庭经济状况符合条件，拟同意')} />
        </>
      );
      break;
    case 'suspend':
      content = (
        <>
          <Form.Item name="procedure" label={t('特别程序')} rules={[{ required: true, message: t('请选择特别程序') }]}>
            <Select
              options={SPECIAL_PROCEDURES.map((p) => ({ value: p, label: SPECIAL_PROCEDURE_LABELS[p] }))}
              placeholder={t('选择特别程序')}
              data-testid="action-field-procedure"
            />
          </Form.Item>
          <Reason name="reason" label={t('启动理由')} />
          <Form.Item name="plannedWorkingDays" label={t('预计所需工作日')} rules={[{ required: true, message: t('请填写预计工作日') }]}>
            <InputNumber min={1} max={365} precision={0} addonAfter={t('个工作日')} data-testid="action-field-plannedWorkingDays" />
          </Form.Item>
          <Typography.Text type="secondary">{t('特别程序期间暂停计时，并向申请人出具特别程序告知书。')}</Typography.Text>
        </>
      );
      break;
    case 'resume':
    case 'markResultReady':
    case 'complete':
      content = <Typography.Paragraph>{PRIMARY_HINT[action]}</Typography.Paragraph>;
      break;
    case 'requestExtension':
      content = (
        <>
          <Form.Item name="workingDays" label={t('延长工作日')} rules={[{ required: true, message: t('请填写延长的工作日数') }]}>
            <InputNumber min={1} max={60} precision={0} addonAfter={t('个工作日')} data-testid="action-field-workingDays" />
          </Form.Item>
          <Reason name="reason" label={t('延期理由')} />
          <Typography.Text type="secondary">{t('延期须经分管领导批准，批准后向申请人出具延期告知书。')}</Typography.Text>
        </>
      );
      break;
    case 'approveExtension':
    case 'rejectExtension':
      content = (
        <>
          {view.pendingExtension && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('申请延期 {workingDays} 个工作日', { workingDays: view.pendingExtension.workingDays })}
              description={t('理由：{reason}', { reason: view.pendingExtension.reason })}
            />
          )}
          {action === 'approveExtension' ? <Typography.Paragraph>{PRIMARY_HINT.approveExtension}</Typography.Paragraph> : <Reason name="reason" label={t('驳回理由')} />}
        </>
      );
      break;
    case 'decide':
      content = (
        <>
          <Form.Item name="outcome" label={t('审批决定')} rules={[{ required: true }]}>
            <Radio.Group data-testid="action-field-outcome">
              <Radio value="approved" data-testid="action-field-outcome-approved">
                {t('准予')}
              </Radio>
              <Radio value="denied" data-testid="action-field-outcome-denied">
                {t('不予')}
              </Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="reasons"
            label={outcome === 'denied' ? t('不予许可理由') : t('审批意见')}
            rules={outcome === 'denied' ? [{ required: true, whitespace: true, message: t('不予许可须说明理由') }] : []}
          >
            <Input.TextArea
              rows={3}
              maxLength={4000}
              showCount
              placeholder={outcome === 'denied' ? t('写明不予许可的事实、依据及申请人的救济途径（将进行否定备案）') : t('选填')}
              data-testid="action-field-reasons"
            />
          </Form.Item>
        </>
      );
      break;
    case 'deliver':
      content = (
        <>
          <Form.Item name="mode" label={t('送达方式')} rules={[{ required: true }]}>
            <Radio.Group data-testid="action-field-mode">
              <Radio value="pickup" data-testid="action-field-mode-pickup">
                {DELIVERY_LABELS.pickup}
              </Radio>
              <Radio value="post" data-testid="action-field-mode-post">
                {DELIVERY_LABELS.post}
              </Radio>
            </Radio.Group>
          </Form.Item>
          {mode === 'post' && (
            <Form.Item name="trackingNo" label={t('快递单号')} rules={[{ required: true, whitespace: true, message: t('邮寄送达须填写快递单号') }]}>
              <Input maxLength={60} data-testid="action-field-trackingNo" />
            </Form.Item>
          )}
        </>
      );
      break;
    case 'reportUp':
      content = (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('上报后暂停计时，待登记上级机关批复后恢复。')} />
          <Form.Item name="authority" label={t('上报机关')} rules={[{ required: true, whitespace: true, message: t('请填写上报机关') }]}>
            <Input maxLength={200} placeholder={t('如：天水市自然资源局')} data-testid="action-field-authority" />
          </Form.Item>
          <Form.Item name="reference" label={t('上报文号')}>
            <Input maxLength={100} data-testid="action-field-reference" />
          </Form.Item>
        </>
      );
      break;
    case 'recordReply':
      content = (
        <>
          <Form.Item name="outcome" label={t('批复结果')} rules={[{ required: true }]}>
            <Radio.Group data-testid="action-field-outcome">
              <Radio value="approved" data-testid="action-field-outcome-approved">{t('同意')}</Radio>
              <Radio value="denied" data-testid="action-field-outcome-denied">{t('不同意')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="replyOn" label={t('批复日期')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('格式：YYYY-MM-DD') }]}>
            <Input maxLength={10} data-testid="action-field-replyOn" />
          </Form.Item>
          <Form.Item name="reference" label={t('批复文号')}>
            <Input maxLength={100} data-testid="action-field-reference" />
          </Form.Item>
          <Reason name="note" label={t('批复要点')} required={false} />
        </>
      );
      break;
    case 'withdraw':
      content = (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('撤回后本件终止办理，如需办理须重新申请。')} />
          <Reason name="reason" label={t('撤回原因')} required={false} />
        </>
      );
      break;
    default:
      if (JOINT_ACTIONS.has(action)) content = <JointFields action={action} view={view} user={user} files={files} setFiles={setFiles} />;
  }

  return (
    <Modal
      open
      title={<span data-testid="action-title">{title}</span>}
      width={MODAL_WIDTH[action] ?? 520}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Space>
          <Button onClick={onClose} data-testid="action-cancel">
            {t('取消')}
          </Button>
          <Button
            type="primary"
            danger={action === 'refuse' || action === 'withdraw' || action === 'rejectExtension' || (action === 'decide' && outcome === 'denied')}
            loading={busy}
            onClick={() => form.submit()}
            data-testid="action-confirm"
          >
            {t('确定')}{title}
          </Button>
        </Space>
      }
    >
      <div data-testid={`action-modal-${action}`}>
        <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void send(v)} requiredMark={false}>
          {content}
        </Form>
        {error && (
          <Alert
            type={error.conflict ? 'warning' : 'error'}
            showIcon
            style={{ marginTop: 12 }}
            data-testid="action-error"
            title={error.text}
            description={error.lines.length ? error.lines.join('；') : undefined}
          />
        )}
      </div>
    </Modal>
  );
}

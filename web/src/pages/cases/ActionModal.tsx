/**
 * One case action as a small modal form (docs/api.md, the action table): sends the body with
 * the loaded case's `version` and reports `messageZh` on failure. Each action's fields live in
 * action/: the intake actions (materials), the handling actions, the decision and delivery;
 * 联办 and 绿色通道 in JointForms.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Form, Modal, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import type { CaseView, UploadedFile } from '../../api/cases';
import type { Me } from '../../api/types';
import { detailLines, errorText } from '../../lib/feedback';
import { CASE_ACTION_LABELS, ROLE_LABELS } from '../../lib/labels';
import type { CaseAction } from '../../../../src/cases/types';
import { JOINT_ACTIONS, JointFields } from './JointForms';
import { staffQuery } from './staffQuery';
import { useT } from '../../lib/i18n';
import { buildBody, initialValuesFor, type Values } from './action/body';
import { inHand } from './action/materials';
import { INTAKE_ACTIONS, IntakeFields } from './action/IntakeFields';
import { HANDLING_ACTIONS, HandlingFields } from './action/HandlingFields';
import { DECISION_ACTIONS, DecisionFields } from './action/DecisionFields';

/** Also served from here for the case page; it lives in its own file so JointForms need not import this one. */
export { staffQuery };
export { inHand, outstanding, submittable } from './action/materials';

const MODAL_WIDTH: Partial<Record<CaseAction, number>> = { accept: 640, notifySupplement: 640, supply: 680, acceptConditional: 640 };

interface Props {
  action: CaseAction;
  view: CaseView;
  user: Me;
  checklist: string[] | null;
  onClose: () => void;
  onDone: (next: CaseView) => void;
  /** Called on 409 version_conflict: the page reloads the case. */
  onConflict: () => Promise<void>;
}

export function ActionModal({ action, view, user, checklist, onClose, onDone, onConflict }: Props) {
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
      .map((u) => ({ value: u.id, label: `${u.displayName}（${ROLE_LABELS[u.role] || u.roleLabel}）` }));
  }, [staff.data, action, view.assignee]);

  const have = useMemo(() => inHand(view, checklist), [view, checklist]);
  // Defaults are taken once, when the form opens (a reload after a conflict keeps what was typed).
  const [initialValues] = useState<Values>(() => initialValuesFor(action, view, checklist));

  const outcome = Form.useWatch('outcome', form);
  const mode = Form.useWatch('mode', form);
  const ticked = (Form.useWatch('provided', form) as string[] | undefined) ?? [];

  const send = async (v: Values) => {
    setError(null);
    const body = buildBody(action, v, { view, have, uploads, files });
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
  if (INTAKE_ACTIONS.has(action)) content = <IntakeFields action={action} view={view} have={have} ticked={ticked} uploads={uploads} files={files} setFiles={setFiles} />;
  else if (HANDLING_ACTIONS.has(action)) content = <HandlingFields action={action} view={view} staff={{ options: staffOptions, loading: staff.isLoading, error: staff.isError ? staff.error : null }} />;
  else if (DECISION_ACTIONS.has(action)) content = <DecisionFields action={action} outcome={outcome} mode={mode} />;
  else if (JOINT_ACTIONS.has(action)) content = <JointFields action={action} view={view} user={user} files={files} setFiles={setFiles} />;

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
            {t('确定{action}', { action: title })}
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

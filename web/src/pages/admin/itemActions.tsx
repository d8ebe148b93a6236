/** The workflow buttons of one catalog item and the note dialog some of them ask for. */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Input, Modal, Tooltip } from 'antd';
import { CheckOutlined, CloudUploadOutlined, PauseCircleOutlined, PlayCircleOutlined, RollbackOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { ApiError, api } from '../../api/client';
import type { ItemAction, ItemDetail } from '../../api/types';
import { showSuccess } from '../../lib/feedback';
import type { ItemStatus } from '../../../../src/catalog/types';
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

export const ACTION_META: Record<ItemAction, { label: string; done: string; icon: ReactNode; primary?: boolean; danger?: boolean; note?: 'required' | 'optional' }> = {
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
const ORDER: ItemAction[] = ['submit', 'review', 'reject', 'publish', 'suspend', 'resume', 'abolish'];

/** The server's allowed actions; derived from the status only for an older server without them. */
export function itemActions(detail: ItemDetail | undefined, isAdmin: boolean, editor: boolean): ItemAction[] {
  if (!detail) return [];
  if (Array.isArray(detail.allowedActions)) return ORDER.filter((a) => detail.allowedActions!.includes(a));
  const set = new Set<ItemAction>([...(ACTIONS_BY_STATUS[detail.latest?.status ?? 'draft'] ?? []), ...(ACTIONS_BY_STATUS[detail.status] ?? [])]);
  const allowed = isAdmin ? [...set] : editor ? [...set].filter((a) => DEPARTMENT_ACTIONS.includes(a)) : [];
  return ORDER.filter((a) => allowed.includes(a));
}

/** Runs one action (asking for its note first where it takes one) and hands the new detail on. */
export function useItemAction(detail: ItemDetail | undefined, afterChange: (d: ItemDetail) => Promise<void>, showProblem: (e: unknown) => void, clearProblem: () => void) {
  const [busyAction, setBusyAction] = useState<ItemAction | null>(null);
  const [noteFor, setNoteFor] = useState<ItemAction | null>(null);
  const [note, setNote] = useState('');

  const runAction = async (action: ItemAction, actionNote?: string) => {
    if (!detail) return;
    clearProblem();
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
  return { busyAction, noteFor, note, setNote, setNoteFor, runAction, onAction };
}

interface ButtonsProps {
  actions: ItemAction[];
  /** Four eyes: actions shown but refused to this user because they edited or submitted the version. */
  blocked: ItemAction[];
  busy: ItemAction | null;
  dirty: boolean;
  onAction: (a: ItemAction) => void;
}

export function ItemActionButtons({ actions, blocked, busy, dirty, onAction }: ButtonsProps) {
  const t = useT();
  return actions.map((a) => {
    const meta = ACTION_META[a];
    const reason = blocked.includes(a) ? t('您编辑或提交了此版本，须由另一名管理人员审核、发布（双人审核）') : dirty && a === 'submit' ? t('有未保存的修改，请先保存') : null;
    const btn = (
      <Button
        key={a}
        type={meta.primary ? 'primary' : 'default'}
        danger={meta.danger}
        icon={meta.icon}
        loading={busy === a}
        disabled={(busy !== null && busy !== a) || !!reason}
        onClick={() => onAction(a)}
        data-testid={`action-${a}`}
        data-blocked={blocked.includes(a) ? 'four-eyes' : undefined}
        ghost={meta.primary && a !== 'publish' && a !== 'review'}
      >
        {meta.label}
      </Button>
    );
    return reason ? (
      <Tooltip key={a} title={reason}>
        <span>{btn}</span>
      </Tooltip>
    ) : (
      btn
    );
  });
}

interface NoteProps {
  action: ItemAction | null;
  note: string;
  busy: boolean;
  onNote: (s: string) => void;
  onCancel: () => void;
  onOk: () => void;
}

/** Sending back needs a note; suspending and abolishing take an optional one. */
export function ActionNoteModal({ action, note, busy, onNote, onCancel, onOk }: NoteProps) {
  const t = useT();
  const meta = action ? ACTION_META[action] : null;
  return (
    <Modal
      open={!!action}
      title={meta ? meta.label : ''}
      onCancel={onCancel}
      okText={meta ? t('确认{label}', { label: meta.label }) : t('确认')}
      okButtonProps={{
        danger: !!meta?.danger,
        disabled: meta?.note === 'required' && !note.trim(),
        loading: busy,
        ...({ 'data-testid': 'action-confirm' } as object),
      }}
      onOk={onOk}
      destroyOnHidden
    >
      {action === 'abolish' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('废止后事项将从门户下架，且不能再受理新的办件。')} />}
      {action === 'suspend' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('暂停期间事项不在门户展示，也不能受理新的办件。')} />}
      <Input.TextArea
        autoFocus
        rows={4}
        value={note}
        onChange={(e) => onNote(e.target.value)}
        placeholder={action === 'reject' ? t('请写明退回原因和修改要求（必填）') : t('说明（可选）')}
        data-testid={action === 'reject' ? 'reject-note' : 'action-note'}
      />
    </Modal>
  );
}

/** 办理过程: the case's history, one entry per event — what, who, when, and what it carried. */
import type { ReactNode } from 'react';
import { Card, Tag, Timeline, Typography } from 'antd';
import type { CaseEvent, CaseView } from '../../../api/cases';
import { caseEventLabel, DELIVERY_LABELS, formatDateTime, OPINION_LABELS, roleLabel, SPECIAL_PROCEDURE_LABELS } from '../../../lib/labels';
import type { Opinion } from '../../../../../src/cases/types';
import { Data, useT, tr } from '../../../lib/i18n';

export function CaseHistory({ c }: { c: CaseView }) {
  const t = useT();
  return (
    <Card title={t('办理过程')} size="small" className="bs-section" data-testid="case-events">
      <Timeline items={c.events.map((e) => ({ key: e.seq, color: eventColor(e), content: <EventItem e={e} c={c} /> }))} />
    </Card>
  );
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

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * The lines an event carries: [label, value]. Values people entered or that name things
 * (reasons, names, materials, departments) are data and shown as written.
 */
function eventLines(e: CaseEvent, c: CaseView, t: (zh: string, vars?: Record<string, string | number>) => string): [string, ReactNode][] {
  const d = (e.data ?? {}) as Record<string, unknown>;
  const names = (ids: unknown) =>
    Array.isArray(ids) ? (ids as string[]).map((id) => c.materials.find((m) => m.materialId === id)?.name ?? id).join('、') : '';
  const lines: [string, ReactNode][] = [];
  const data = (label: string, v: string) => v && lines.push([label, <Data>{v}</Data>]);
  data(t('环节'), str(d.step));
  if (d.to && typeof d.to === 'object') data(e.action === 'appointCoordinator' ? t('全程代办人') : t('承办人'), str((d.to as { name?: unknown }).name));
  data(t('部门'), str(d.department));
  data(t('联办任务'), str(d.task));
  if (str(d.opinion)) lines.push([t('意见'), OPINION_LABELS[d.opinion as Opinion] ?? <Data>{str(d.opinion)}</Data>]);
  if (e.action === 'giveOpinion') data(t('说明'), str(d.text));
  if (str(d.place)) lines.push([t('会议'), <>{formatDateTime(str(d.at))} · <Data>{str(d.place)}</Data></>]);
  data(t('会议纪要'), str(d.minutes));
  if (e.action === 'deemConsent') lines.push([t('超时默认'), t('意见期限 {v0} 已过，视为同意，记入该部门', { v0: str(d.subDue) })]);
  if (e.action === 'escalatePart') lines.push([t('超时默认'), t('意见期限 {v0} 已过，已上报督办', { v0: str(d.subDue) })]);
  if (d.outcome) lines.push([t('决定'), d.outcome === 'approved' ? t('准予') : t('不予')]);
  data(t('理由'), str(d.reasons));
  data(t('理由'), str(d.reason));
  data(t('告知向'), str(d.redirectTo));
  data(t('需补正'), names(d.missing));
  data(t('容缺材料'), names(d.owed));
  if (e.action === 'supply') data(t('补交材料'), names(d.materials));
  if (e.action === 'submit') data(t('在线提交材料'), names(d.materials));
  data(t('说明'), str(d.note));
  if (str(d.procedure)) lines.push([t('特别程序'), SPECIAL_PROCEDURE_LABELS[d.procedure as keyof typeof SPECIAL_PROCEDURE_LABELS] ?? str(d.procedure)]);
  if (typeof d.plannedWorkingDays === 'number') lines.push([t('预计'), t('{plannedWorkingDays} 个工作日', { plannedWorkingDays: d.plannedWorkingDays })]);
  if (typeof d.workingDays === 'number') lines.push([t('延期'), t('{workingDays} 个工作日', { workingDays: d.workingDays })]);
  if (str(d.mode)) lines.push([t('送达方式'), DELIVERY_LABELS[d.mode as 'pickup' | 'post'] ?? str(d.mode)]);
  data(t('快递单号'), str(d.trackingNo));
  return lines;
}

/** One event: what (by its kind, in the chosen language), who, when, and the opinion/reasons it carries. */
function EventItem({ e, c }: { e: CaseEvent; c: CaseView }) {
  const t = useT();
  const d = (e.data ?? {}) as Record<string, unknown>;
  const lines = eventLines(e, c, t);
  const flags: ReactNode[] = [];
  if (d.negativeFiling) flags.push(<Tag key="nf" color="red">{t('否定备案')}</Tag>);
  if (str(d.anomaly)) flags.push(<Tag key="an" color="volcano">{t('异常：')}{ANOMALY_LABELS[str(d.anomaly)] ?? str(d.anomaly)}</Tag>);
  // The applicant sees the role, not the person (the server sends the role's Chinese name then);
  // the engine's own events (deadline jobs) are the system's.
  const role = e.actor.role === 'system' ? t('系统') : roleLabel(e.actor.role);
  const actor = e.actor.id || !e.actor.role ? e.actor.displayName : role;
  return (
    <div data-testid={`event-${e.seq}`} data-action={e.action}>
      <div>
        <Typography.Text strong>{caseEventLabel(e.action, e.label)}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
          {e.actor.id ? <Data>{actor}</Data> : actor}
          {e.actor.role && actor !== role ? `（${role}）` : ''}
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

/** What a calendar change would move, before it is applied (POST /api/calendar/overrides/preview): four eyes on the calendar. */
import { Alert, Modal, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Data, useT, tr } from '../../lib/i18n';

export interface ChangePreview {
  date: string; total: number; capped: boolean; sms: number;
  /** A national row moves every center's cases; those outside the admin's centers are counted, not listed. */
  national?: boolean; elsewhere?: number;
  cases: { id: string; caseNo: string; itemName: string; moved: Record<string, { from: string | null; to: string | null }> }[];
  deadlines: { kind: string; label: string; count: number }[];
  /** Every center the change moves cases of, with its count and SMS (a national change touches several). */
  perCenter?: { centerId: string; name: string; cases: number; sms: number }[];
}

const DATE_LABELS: Record<string, string> = { get promisedDue() { return tr('承诺办结日'); }, get statutoryDue() { return tr('法定办结日'); }, get acceptBy() { return tr('受理期限'); }, get owedBy() { return tr('容缺补齐期限'); }, get deemOn() { return tr('视为同意日'); } };

/** The other tracked deadlines (src/*\/deadlines.ts) by kind, for the English UI; the server's label for a new kind. */
const DEADLINE_LABELS: Record<string, string> = {
  get 'supervision.ladderStep.answerDue'() { return tr('督办答复期限'); },
  get 'assessment.period.appealBy'() { return tr('考核申诉期限'); },
  get 'feedback.evaluation.rectifyDue'() { return tr('差评整改期限'); },
  get 'feedback.complaint.due'() { return tr('投诉办理期限'); },
  get 'filings.negativeFiling.redoDue'() { return tr('纠正重办期限'); },
  get 'duty.patrolFinding.rectifyDue'() { return tr('巡查整改期限'); },
};

function summary(t: ReturnType<typeof useT>, p: ChangePreview): string {
  if (!p.total && !p.deadlines.length) return t('该调整不影响任何在办办件的期限');
  return p.national
    ? t('全国调整：将调整所有中心 {n} 件在办办件的期限，向 {sms} 位申请人发送短信', { n: p.total, sms: p.sms })
    : t('将调整本中心 {n} 件在办办件的期限，向 {sms} 位申请人发送短信', { n: p.total, sms: p.sms });
}

interface Props {
  value: { title: string; preview: ChangePreview } | null; busy: boolean; onOk: () => void; onCancel: () => void;
  okText?: string;
  /** What confirming does besides (publishing a year). */
  note?: string;
}

export function CalendarChangeConfirm({ value, busy, onOk, onCancel, okText, note }: Props) {
  const t = useT();
  const p = value?.preview;
  return (
    <Modal open={!!value} title={value?.title} onOk={onOk} onCancel={onCancel} confirmLoading={busy} width={760} okText={okText ?? t('确认调整')} cancelText={t('取消')}
      okButtonProps={{ 'data-testid': 'calendar-change-confirm' } as never} data-testid="calendar-change-preview">
      {p && (
        <>
          <Alert type={p.total || p.deadlines.length ? 'warning' : 'info'} showIcon style={{ marginBottom: 12 }} data-testid="calendar-change-summary" title={summary(t, p)}
            description={[
              p.elsewhere ? t('其中 {n} 件属于您管辖范围以外的中心，未逐件列出。', { n: p.elsewhere }) : '',
              p.capped ? t('只检查了期限最近的 5000 件在办件，实际调整的可能更多。') : '',
            ].filter(Boolean).join(' ') || undefined} />
          {note && <Typography.Paragraph type="secondary">{note}</Typography.Paragraph>}
          {p.national && (p.perCenter?.length ?? 0) > 0 && (
            <Table size="small" rowKey="centerId" pagination={false} dataSource={p.perCenter} style={{ marginBottom: 12 }} data-testid="calendar-change-centers"
              onRow={(c) => ({ 'data-testid': `calendar-change-center-${c.centerId}` }) as HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('中心'), dataIndex: 'name', render: (v: string) => <Data>{v}</Data> },
                { title: t('调整办件'), dataIndex: 'cases', width: 110, align: 'right' },
                { title: t('短信'), dataIndex: 'sms', width: 90, align: 'right' },
              ]} />
          )}
          {p.deadlines.length > 0 && (
            <Typography.Paragraph data-testid="calendar-change-deadlines">
              {t('其他期限')}：{p.deadlines.map((d) => `${DEADLINE_LABELS[d.kind] ?? d.label} ${d.count}`).join('；')}
            </Typography.Paragraph>
          )}
          {p.cases.length > 0 && (
            <Table size="small" rowKey="id" pagination={p.cases.length > 8 ? { pageSize: 8 } : false} dataSource={p.cases} data-testid="calendar-change-cases"
              columns={[
                { title: t('办件编号'), dataIndex: 'caseNo', width: 170 },
                { title: t('事项'), dataIndex: 'itemName' },
                { title: t('期限变化'), key: 'moved', render: (_v, c) => Object.entries(c.moved).map(([k, m]) => `${DATE_LABELS[k] ?? k} ${m.from ?? '—'} → ${m.to ?? '—'}`).join('；') },
              ]} />
          )}
        </>
      )}
    </Modal>
  );
}

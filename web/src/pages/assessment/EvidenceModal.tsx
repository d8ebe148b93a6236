/** A line's evidence (依据): the cases, steps, reviews… it counted, or the reason of a manual line or adjustment. */
import { useMemo } from 'react';
import { Descriptions, Modal, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useT, zh } from '../../lib/i18n';
import type { Evidence, Line } from './api';

const COLUMNS: Record<string, [string, string][]> = {
  cases: [['caseNo', zh('办件编号')], ['itemName', zh('事项')], ['closedOn', zh('办结日')], ['promisedDue', zh('承诺期限')]],
  ladderSteps: [['docNo', zh('文号')], ['caseNo', zh('办件编号')], ['itemName', zh('事项')], ['issuedOn', zh('日期')]],
  accountability: [['caseNo', zh('办件编号')], ['stepName', zh('环节')], ['person', zh('责任人')], ['recordedOn', zh('日期')]],
  evaluations: [['caseNo', zh('办件编号')], ['grade', zh('评分')], ['comment', zh('评价内容')], ['ratedOn', zh('日期')]],
  complaints: [['no', zh('投诉编号')], ['content', zh('投诉内容')], ['result', zh('处理结果')], ['resolvedOn', zh('日期')]],
  praise: [['kind', zh('形式')], ['fromName', zh('表扬人')], ['note', zh('内容')], ['receivedOn', zh('日期')]],
  patrolFindings: [['day', zh('日期')], ['windowNumber', zh('窗口')], ['grade', zh('等次')], ['note', zh('问题')]],
  leaderDutyDays: [['day', zh('日期')], ['leader', zh('领导')], ['status', zh('状态')]],
  anomalies: [['rule', zh('规则')], ['caseNo', zh('办件编号')], ['note', zh('处理说明')]],
  attendance: [['person', zh('姓名')], ['day', zh('日期')], ['status', zh('状态')]],
};
const STATUS: Record<string, string> = { late: zh('迟到'), earlyLeave: zh('早退'), lateAndEarlyLeave: zh('迟到且早退'), absent: zh('缺勤'), missed: zh('缺勤'), good: zh('好'), fair: zh('一般'), poor: zh('较差'), banner: zh('锦旗'), letter: zh('表扬信'), card: zh('表扬卡') };

export function EvidenceModal({ line, onClose }: { line: Line; onClose: () => void }) {
  const t = useT();
  const q = useQuery({ queryKey: ['assessment', 'evidence', line.id], queryFn: ({ signal }) => api.get<Evidence>(`/api/assessment/lines/${line.id}/evidence`, undefined, signal) });
  const e = q.data;
  const rate = e?.scored?.kind === 'rate' ? e.scored : null;
  const cols = useMemo(() => {
    const base = (COLUMNS[e?.kind ?? ''] ?? []).map(([k, title]) => ({
      title: t(title), dataIndex: k, key: k,
      render: (v: unknown, r: Record<string, unknown>) => (k === 'caseNo' && r.caseId ? <Link to={`/cases/${String(r.caseId)}`}>{String(v ?? '')}</Link>
        : k === 'caseNo' && e?.kind === 'cases' ? <Link to={`/cases/${String(r.id)}`}>{String(v ?? '')}</Link>
        : STATUS[String(v)] ? t(STATUS[String(v)]) : String(v ?? '')),
    }));
    return rate ? [...base, { title: t('计入分子'), dataIndex: 'counted', key: 'counted', render: (v: unknown) => (v ? t('是') : t('否')) }] : base;
  }, [e?.kind, rate]);
  return (
    <Modal open width={820} title={t('依据：{label}', { label: t(line.label) })} onCancel={onClose} footer={null} data-testid="evidence-modal">
      {e && (e.kind === 'manual' || e.kind === 'adjustment') ? (
        <Descriptions size="small" column={1} items={[
          { key: 'r', label: t('理由'), children: e.reason ?? '' },
          ...(e.fileId || e.appeal?.reason ? [{ key: 'f', label: t('材料'), children: <a href={`/api/assessment/lines/${line.id}/file`} target="_blank" rel="noreferrer">{t('查看')}</a> }] : []),
          ...(e.appeal ? [{ key: 'a', label: t('申诉理由'), children: e.appeal.reason }] : []),
        ]} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {rate && <Typography.Text>{t('计分时：{num} / {den} 件（本表为这些办件的当前状态）', { num: rate.num, den: rate.den })}</Typography.Text>}
          <Table size="small" rowKey={(r) => String(r.id)} loading={q.isLoading} dataSource={e?.rows ?? []} columns={cols} pagination={{ pageSize: 10, hideOnSinglePage: true }} data-testid="evidence-table" />
          {e && (e.total ?? 0) > e.limit && <Typography.Text type="secondary">{t('共 {n} 条，显示前 {m} 条', { n: e.total ?? 0, m: e.limit })}</Typography.Text>}
        </Space>
      )}
    </Modal>
  );
}

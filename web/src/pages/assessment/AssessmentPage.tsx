/** 考核: periods computed from the facts, rankings with trend, each line's evidence, appeals, schemes, award candidates, the bulletin. */
import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Descriptions, Drawer, Empty, Form, Input, InputNumber, Modal, Radio, Segmented, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api, upload } from '../../api/client';
import { useSession } from '../../auth/session';
import { showError, showSuccess } from '../../lib/feedback';
import { useT, zh } from '../../lib/i18n';
import { isAdmin, isOfficeReader, type Appeal, type AwardList, type Detail, type Evidence, type Line, type Period, type PeriodKind, type PointsRule, type Ranking, type Scheme, type SubjectType } from './api';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const SUBJECTS: [SubjectType, string][] = [['window', zh('窗口')], ['department', zh('部门')], ['staff', zh('工作人员')]];
const KINDS: [PeriodKind, string][] = [['month', zh('月度')], ['quarter', zh('季度')], ['year', zh('全年')]];
const STATES: Record<string, [string, string]> = { draft: [zh('草稿'), 'default'], computed: [zh('已计算'), 'blue'], frozen: [zh('已冻结'), 'purple'], published: [zh('已发布'), 'green'] };
const ACTIONS: Record<string, string> = { compute: zh('计算'), freeze: zh('冻结'), publish: zh('发布') };
const SOURCES: Record<string, string> = { computed: zh('计算'), manual: zh('人工加减分'), adjustment: zh('申诉调整') };
const signed = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n > 0 ? `+${n}` : String(n));

type T = ReturnType<typeof useT>;
function ruleText(t: T, r: PointsRule | null | undefined): string {
  if (!r) return '';
  if (r.kind === 'perUnit') return [t('每件 {points} 分', { points: signed(r.points) }), r.free ? t('{n} 件以内不计', { n: r.free }) : '', r.cap !== undefined ? t('最多 {n} 分', { n: r.cap }) : ''].filter(Boolean).join(t('，'));
  if (r.kind === 'thresholds') return [...r.bands].sort((a, b) => b.min - a.min).map((b) => `≥${b.min}: ${signed(b.points)}`).join('; ');
  return [t('目标 {target}%，每低 1 个百分点扣 {n} 分', { target: r.target, n: Math.abs(r.perPoint) }), r.cap !== undefined ? t('最多 {n} 分', { n: r.cap }) : '', r.bonus ? t('达标 {n} 分', { n: signed(r.bonus) }) : ''].filter(Boolean).join(t('，'));
}
function valueText(t: T, l: Line): string {
  if (!l.value) return '';
  if (l.value.kind === 'count') return t('{n} 项', { n: l.value.count });
  return l.value.den === 0 ? t('无办件') : `${l.shown?.toFixed(2)}% (${l.value.num}/${l.value.den})`;
}

export function AssessmentPage() {
  const t = useT();
  const { user } = useSession();
  useEffect(() => { document.title = t('考核 · 政务服务中心'); }, []);
  const office = isOfficeReader(user);
  const items = [
    { key: 'results', label: t('考核结果'), children: <Results /> },
    { key: 'appeals', label: t('申诉'), children: <Appeals /> },
    ...(office ? [{ key: 'schemes', label: t('考核方案'), children: <Schemes /> }, { key: 'settings', label: t('申诉与评优设置'), children: <Settings /> }] : []),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="assessment-page">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('考核')}</Typography.Title>
      <Tabs items={items} destroyOnHidden />
    </Space>
  );
}

function Results() {
  const t = useT();
  const { user } = useSession();
  const qc = useQueryClient();
  const periods = useQuery({ queryKey: ['assessment', 'periods'], queryFn: ({ signal }) => api.get<{ items: Period[] }>('/api/assessment/periods', undefined, signal) });
  const [periodId, setPeriodId] = useState<string | null>(null);
  const [subject, setSubject] = useState<SubjectType>('window');
  const [open, setOpen] = useState<{ id: string; name: string } | null>(null);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ kind: PeriodKind; key: string }>();
  const list = periods.data?.items ?? [];
  const current = list.find((p) => p.id === periodId) ?? list[0];
  const ranking = useQuery({
    queryKey: ['assessment', 'ranking', current?.id, subject], enabled: !!current && current.state !== 'draft',
    queryFn: ({ signal }) => api.get<Ranking>(`/api/assessment/periods/${current!.id}/ranking`, { subject }, signal),
  });
  const awards = useQuery({
    queryKey: ['assessment', 'awards', current?.id], enabled: !!current && current.state !== 'draft' && isOfficeReader(user),
    queryFn: ({ signal }) => api.get<AwardList>(`/api/assessment/periods/${current!.id}/awards`, undefined, signal),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['assessment'] });

  const act = async (action: string) => {
    if (!current) return;
    setBusy(true);
    try {
      const r = await api.post<Period & { sameAsBefore?: boolean | null }>(`/api/assessment/periods/${current.id}/${action}`);
      showSuccess(action === 'compute' && r.sameAsBefore ? t('已重新计算：结果与上次相同') : t('已{action}', { action: t(ACTIONS[action]) }));
      await refresh();
    } catch (e) { showError(e); } finally { setBusy(false); }
  };
  const create = async () => {
    const v = await form.validateFields();
    try {
      const p = await api.post<Period>('/api/assessment/periods', v);
      setCreating(false);
      form.resetFields();
      setPeriodId(p.id);
      await refresh();
    } catch (e) { showError(e); }
  };

  const rows = ranking.data?.items ?? [];
  const top = rows.slice(0, 8);
  const chart = ranking.data && ranking.data.periods.length > 0 && {
    tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll' }, grid: { left: 40, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: ranking.data.periods }, yAxis: { type: 'value', scale: true },
    series: top.map((r) => ({ name: r.name, type: 'line', connectNulls: true, data: ranking.data!.periods.map((k) => r.history.find((h) => h.key === k)?.total ?? null) })),
  };
  const download = current ? `/api/assessment/periods/${current.id}/ranking.xlsx?subject=${subject}` : '';

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Select style={{ minWidth: 220 }} placeholder={t('选择考核周期')} value={current?.id} onChange={setPeriodId} data-testid="period-select"
          options={list.map((p) => ({ value: p.id, label: `${p.key} ${t(KINDS.find(([k]) => k === p.kind)![1])} · ${t(STATES[p.state][0])}` }))} />
        {current && <Tag color={STATES[current.state][1]} data-testid="period-state">{t(STATES[current.state][0])}</Tag>}
        {current?.actions.filter((a) => ACTIONS[a]).map((a) => (
          <Button key={a} type={a === 'compute' ? 'primary' : 'default'} loading={busy} data-testid={`period-${a}`}
            onClick={() => (a === 'compute' ? act(a) : Modal.confirm({ title: t('确认{action}？', { action: t(ACTIONS[a]) }), content: a === 'freeze' ? t('冻结后结果不再重新计算，只能通过申诉调整。') : t('发布后被考核对象可查看结果并在期限内申诉。'), onOk: () => act(a) }))}>
            {t(ACTIONS[a])}
          </Button>
        ))}
        {isAdmin(user) && <Button onClick={() => setCreating(true)} data-testid="period-new">{t('新建考核周期')}</Button>}
        {current && current.state !== 'draft' && isOfficeReader(user) && (
          <>
            <Button href={`/api/assessment/periods/${current.id}/bulletin`} target="_blank" data-testid="bulletin">{t('考核通报（打印）')}</Button>
            <Button href={download} data-testid="ranking-export">{t('导出排名（Excel）')}</Button>
          </>
        )}
      </Space>
      {current && (
        <Typography.Text type="secondary">
          {t('{from} 至 {to}', { from: current.from, to: current.to })}
          {current.appealBy ? ` · ${t('申诉截止 {d}', { d: current.appealBy })}` : ''}
        </Typography.Text>
      )}
      {!current && <Empty description={t('暂无考核周期')} />}
      {current?.state === 'draft' && <Empty description={t('该周期尚未计算')} />}
      {current && current.state !== 'draft' && (
        <>
          <Segmented value={subject} onChange={(v) => setSubject(v as SubjectType)} options={SUBJECTS.map(([k, l]) => ({ value: k, label: t(l) }))} data-testid="subject-type" />
          <Table<typeof rows[number]> size="small" rowKey="subjectId" loading={ranking.isLoading} dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="ranking-table"
            onRow={(r) => ({ onClick: () => setOpen({ id: r.subjectId, name: r.name }), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('名次'), dataIndex: 'rank', width: 70 },
              { title: t('考核对象'), dataIndex: 'name', render: (v: string, r) => <a data-testid={`rank-${r.subjectId}`} translate="no">{v}</a> },
              { title: t('计算得分'), dataIndex: 'computed', align: 'right' },
              { title: t('申诉调整'), dataIndex: 'adjustment', align: 'right', render: (v: number) => (v ? signed(v) : '—') },
              { title: t('最终得分'), dataIndex: 'total', align: 'right', render: (v: number) => <b>{v}</b> },
              { title: t('较上期'), dataIndex: 'trend', align: 'right', render: (v: number | null) => (v === null ? '—' : <Typography.Text type={v < 0 ? 'danger' : v > 0 ? 'success' : undefined}>{signed(v)}</Typography.Text>) },
            ]} />
          {chart && ranking.data!.periods.length > 1 && (
            <Card size="small" title={t('得分趋势')}><ReactEChartsCore echarts={echarts} option={chart} style={{ height: 280 }} notMerge /></Card>
          )}
          {awards.data && (
            <Card size="small" title={t('评优候选')} data-testid="awards">
              <Descriptions size="small" column={1} bordered items={awards.data.items.map((a) => ({
                key: a.key, label: t(a.name),
                children: a.candidates.length ? <span translate="no">{a.candidates.map((c) => `${c.name}（${c.total}）`).join(t('、'))}</span> : <Typography.Text type="secondary">{t('暂无')}</Typography.Text>,
              }))} />
              <Typography.Text type="secondary">{t('按设置：名次在前 N 名、得分不低于门槛、本期无违规办件、问责和有效投诉。')}</Typography.Text>
            </Card>
          )}
        </>
      )}
      <Modal open={creating} title={t('新建考核周期')} onOk={create} onCancel={() => setCreating(false)} okText={t('创建')} cancelText={t('取消')}>
        <Form form={form} layout="vertical" initialValues={{ kind: 'month' }}>
          <Form.Item name="kind" label={t('周期')}><Radio.Group options={KINDS.map(([k, l]) => ({ value: k, label: t(l) }))} /></Form.Item>
          <Form.Item name="key" label={t('期别')} rules={[{ required: true, message: t('请填写期别') }]} extra={t('月度 2026-11，季度 2026-Q4，年度 2026')}>
            <Input data-testid="period-key" />
          </Form.Item>
        </Form>
      </Modal>
      {open && current && <SubjectDrawer period={current} subjectType={subject} subjectId={open.id} name={open.name} onClose={() => setOpen(null)} />}
    </Space>
  );
}

function SubjectDrawer({ period, subjectType, subjectId, name, onClose }: { period: Period; subjectType: SubjectType; subjectId: string; name: string; onClose: () => void }) {
  const t = useT();
  const { user } = useSession();
  const qc = useQueryClient();
  const detail = useQuery({ queryKey: ['assessment', 'detail', period.id, subjectType, subjectId], queryFn: ({ signal }) => api.get<Detail>(`/api/assessment/periods/${period.id}/subjects/${subjectType}/${subjectId}`, undefined, signal) });
  const [evidence, setEvidence] = useState<Line | null>(null);
  const [appealing, setAppealing] = useState<Line | null>(null);
  const [manual, setManual] = useState(false);
  const [appealForm] = Form.useForm<{ reason: string }>();
  const [manualForm] = Form.useForm<{ label: string; points: number; reason: string }>();
  const [manualFile, setManualFile] = useState<{ id: string; name: string } | null>(null);
  const d = detail.data;
  const refresh = () => qc.invalidateQueries({ queryKey: ['assessment'] });
  const appeal = async () => {
    if (!appealing) return;
    const v = await appealForm.validateFields();
    try { await api.post('/api/assessment/appeals', { lineId: appealing.id, reason: v.reason }); showSuccess(t('已提交申诉')); setAppealing(null); appealForm.resetFields(); await refresh(); } catch (e) { showError(e); }
  };
  const addManual = async () => {
    const v = await manualForm.validateFields();
    try {
      await api.post(`/api/assessment/periods/${period.id}/manual`, { subjectType, subjectId, ...v, ...(manualFile ? { fileId: manualFile.id } : {}) });
      showSuccess(t('已添加')); setManual(false); setManualFile(null); manualForm.resetFields(); await refresh();
    } catch (e) { showError(e); }
  };
  const remove = async (l: Line) => { try { await api.del(`/api/assessment/lines/${l.id}`); await refresh(); } catch (e) { showError(e); } };
  return (
    <Drawer open width={880} title={name} onClose={onClose} data-testid="subject-drawer">
      {d && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} items={[
            { key: 's', label: t('考核方案'), children: `${d.scheme.name} v${d.scheme.version}` },
            { key: 'b', label: t('基础分'), children: d.baseScore },
            { key: 'c', label: t('计算得分'), children: d.computed },
            { key: 'a', label: t('申诉调整'), children: d.adjustment ? signed(d.adjustment) : '—' },
            { key: 't', label: t('最终得分'), children: <b data-testid="subject-total">{d.total}</b> },
          ]} />
          {isAdmin(user) && period.actions.includes('addManual') && <Button onClick={() => setManual(true)} data-testid="manual-add">{t('添加人工加减分')}</Button>}
          <Table<Line> size="small" rowKey="id" dataSource={d.lines} pagination={false} data-testid="lines-table"
            columns={[
              { title: t('考核项目'), dataIndex: 'label', render: (v: string, l) => <Space>{t(v)}{l.source !== 'computed' && <Tag>{t(SOURCES[l.source])}</Tag>}</Space> },
              { title: t('实际情况'), render: (_: unknown, l) => (l.source === 'computed' ? valueText(t, l) : l.reason) },
              { title: t('计分规则'), render: (_: unknown, l) => <Typography.Text type="secondary">{ruleText(t, l.rule) || (l.ruleText ? t(l.ruleText) : '')}</Typography.Text> },
              { title: t('得分'), dataIndex: 'points', align: 'right', render: (v: number) => <span>{signed(v)}</span> },
              {
                title: t('操作'), render: (_: unknown, l) => (
                  <Space>
                    <a onClick={() => setEvidence(l)} data-testid={`evidence-${l.key}`}>{t('依据')}</a>
                    {d.mayAppeal && l.source !== 'adjustment' && !d.appeals.some((a) => a.lineId === l.id && a.state === 'filed') && <a onClick={() => setAppealing(l)} data-testid={`appeal-${l.key}`}>{t('申诉')}</a>}
                    {l.source === 'manual' && isAdmin(user) && period.actions.includes('removeManual') && <a onClick={() => remove(l)}>{t('删除')}</a>}
                  </Space>
                ),
              },
            ]} />
          {d.appeals.length > 0 && (
            <Card size="small" title={t('申诉')}>
              {d.appeals.map((a) => <div key={a.id}>{a.filedOn} · {a.reason} · {a.state === 'filed' ? t('待裁定') : a.decision === 'upheld' ? t('成立（{p} 分）', { p: signed(a.points) }) : t('不成立')}{a.note ? ` · ${a.note}` : ''}</div>)}
            </Card>
          )}
        </Space>
      )}
      {evidence && <EvidenceModal line={evidence} onClose={() => setEvidence(null)} />}
      <Modal open={!!appealing} title={t('申诉：{label}', { label: appealing ? t(appealing.label) : '' })} onOk={appeal} onCancel={() => setAppealing(null)} okText={t('提交')} cancelText={t('取消')}>
        <Form form={appealForm} layout="vertical"><Form.Item name="reason" label={t('申诉理由')} rules={[{ required: true, min: 2, message: t('请填写申诉理由') }]}><Input.TextArea rows={4} data-testid="appeal-reason" /></Form.Item></Form>
      </Modal>
      <Modal open={manual} title={t('添加人工加减分')} onOk={addManual} onCancel={() => setManual(false)} okText={t('添加')} cancelText={t('取消')}>
        <Form form={manualForm} layout="vertical">
          <Form.Item name="label" label={t('项目')} rules={[{ required: true, message: t('请填写项目') }]}><Input /></Form.Item>
          <Form.Item name="points" label={t('分值（扣分填负数）')} rules={[{ required: true, message: t('请填写分值') }]}><InputNumber step={0.5} min={-100} max={100} /></Form.Item>
          <Form.Item name="reason" label={t('理由')} rules={[{ required: true, min: 2, message: t('请填写理由') }]}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item label={t('证明材料（PDF/JPG/PNG）')}>
            <Upload showUploadList={false} beforeUpload={(file) => { upload<{ id: string; name: string }>('/api/files', file).then(setManualFile).catch(showError); return false; }}>
              <Button>{manualFile ? manualFile.name : t('上传')}</Button>
            </Upload>
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}

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

function EvidenceModal({ line, onClose }: { line: Line; onClose: () => void }) {
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

function Appeals() {
  const t = useT();
  const { user } = useSession();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['assessment', 'appeals'], queryFn: ({ signal }) => api.get<{ items: Appeal[] }>('/api/assessment/appeals', undefined, signal) });
  const [deciding, setDeciding] = useState<Appeal | null>(null);
  const [form] = Form.useForm<{ decision: 'upheld' | 'rejected'; points?: number; note: string }>();
  const decide = async () => {
    if (!deciding) return;
    const v = await form.validateFields();
    try { await api.post(`/api/assessment/appeals/${deciding.id}/decide`, v); showSuccess(t('已裁定')); setDeciding(null); form.resetFields(); await qc.invalidateQueries({ queryKey: ['assessment'] }); } catch (e) { showError(e); }
  };
  return (
    <>
      <Table<Appeal> size="small" rowKey="id" loading={q.isLoading} dataSource={q.data?.items ?? []} data-testid="appeals-table"
        columns={[
          { title: t('考核周期'), dataIndex: 'periodKey' },
          { title: t('考核对象'), dataIndex: 'subjectName' },
          { title: t('申诉明细'), render: (_: unknown, a) => `${t(a.lineLabel ?? '')}（${signed(a.linePoints)}）` },
          { title: t('申诉理由'), dataIndex: 'reason' },
          { title: t('提交日期'), dataIndex: 'filedOn' },
          { title: t('裁定'), render: (_: unknown, a) => (a.state === 'filed' ? <Tag color="orange">{t('待裁定')}</Tag> : a.decision === 'upheld' ? <Tag color="green">{t('成立（{p} 分）', { p: signed(a.points) })}</Tag> : <Tag>{t('不成立')}</Tag>) },
          { title: t('操作'), render: (_: unknown, a) => (a.state === 'filed' && isAdmin(user) ? <a onClick={() => setDeciding(a)}>{t('裁定')}</a> : a.note) },
        ]} />
      <Modal open={!!deciding} title={t('裁定申诉')} onOk={decide} onCancel={() => setDeciding(null)} okText={t('确定')} cancelText={t('取消')}>
        <Form form={form} layout="vertical" initialValues={{ decision: 'upheld' }}>
          <Form.Item name="decision" label={t('裁定')}><Radio.Group options={[{ value: 'upheld', label: t('成立') }, { value: 'rejected', label: t('不成立') }]} /></Form.Item>
          <Form.Item noStyle shouldUpdate>{() => form.getFieldValue('decision') === 'upheld' && (
            <Form.Item name="points" label={t('调整分值（加回扣分填正数）')} rules={[{ required: true, message: t('请填写分值') }]}><InputNumber step={0.5} min={-100} max={100} /></Form.Item>
          )}</Form.Item>
          <Form.Item name="note" label={t('裁定说明')} rules={[{ required: true, min: 2, message: t('请填写裁定说明') }]}><Input.TextArea rows={3} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function Schemes() {
  const t = useT();
  const { user } = useSession();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['assessment', 'schemes'], queryFn: ({ signal }) => api.get<{ items: Scheme[] }>('/api/assessment/schemes', undefined, signal) });
  const [editing, setEditing] = useState<Scheme | null>(null);
  const [text, setText] = useState('');
  const admin = isAdmin(user);
  const newVersion = async (s: Scheme) => {
    try { const r = await api.post<Scheme>('/api/assessment/schemes', { code: s.code, name: s.name, subjectType: s.subjectType, periodKind: s.periodKind, body: s.body }); await qc.invalidateQueries({ queryKey: ['assessment', 'schemes'] }); setEditing(r); setText(JSON.stringify(r.body, null, 2)); } catch (e) { showError(e); }
  };
  const save = async () => {
    if (!editing) return;
    let body: unknown;
    try { body = JSON.parse(text); } catch { showError(new Error(t('方案内容不是有效的 JSON'))); return; }
    try { await api.put(`/api/assessment/schemes/${editing.id}`, { name: editing.name, body }); showSuccess(t('已保存')); setEditing(null); await qc.invalidateQueries({ queryKey: ['assessment', 'schemes'] }); } catch (e) { showError(e); }
  };
  const publish = async (s: Scheme) => { try { await api.post(`/api/assessment/schemes/${s.id}/publish`); showSuccess(t('已发布')); await qc.invalidateQueries({ queryKey: ['assessment', 'schemes'] }); } catch (e) { showError(e); } };
  const stateTag: Record<string, [string, string]> = { draft: [zh('草稿'), 'default'], published: [zh('现行'), 'green'], superseded: [zh('已替代'), 'default'] };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {(q.data?.items ?? []).map((s) => (
        <Card key={s.id} size="small" title={<Space>{s.name}<Tag>v{s.version}</Tag><Tag color={stateTag[s.state][1]}>{t(stateTag[s.state][0])}</Tag><Tag>{t(SUBJECTS.find(([k]) => k === s.subjectType)![1])}</Tag><Tag>{t(KINDS.find(([k]) => k === s.periodKind)![1])}</Tag></Space>}
          extra={admin && <Space>
            {s.state === 'draft' && <Button size="small" onClick={() => { setEditing(s); setText(JSON.stringify(s.body, null, 2)); }}>{t('编辑')}</Button>}
            {s.state === 'draft' && <Button size="small" type="primary" onClick={() => publish(s)}>{t('发布')}</Button>}
            {s.state === 'published' && <Button size="small" onClick={() => newVersion(s)}>{t('新建版本')}</Button>}
          </Space>}>
          <Typography.Text>{t('基础分 {n} 分', { n: s.body.baseScore })}</Typography.Text>
          <Table size="small" rowKey="key" pagination={false} dataSource={s.body.lines}
            columns={[{ title: t('考核项目'), dataIndex: 'label', render: (v: string) => t(v) }, { title: t('计分规则'), render: (_: unknown, l) => ruleText(t, l.rule) }]} />
        </Card>
      ))}
      <Modal open={!!editing} width={760} title={t('编辑考核方案')} onOk={save} onCancel={() => setEditing(null)} okText={t('保存')} cancelText={t('取消')}>
        <Typography.Paragraph type="secondary">{t('基础分、上下限和各考核项目（指标、计分规则：perUnit 每件、thresholds 分档、target 目标值）。')}</Typography.Paragraph>
        <Input.TextArea rows={20} value={text} onChange={(e) => setText(e.target.value)} style={{ fontFamily: 'monospace' }} />
      </Modal>
    </Space>
  );
}

interface SettingsBody { appealDays: number; awards: unknown[] }

function Settings() {
  const t = useT();
  const { user } = useSession();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['assessment', 'settings'], queryFn: ({ signal }) => api.get<SettingsBody>('/api/assessment/settings', undefined, signal) });
  const [days, setDays] = useState<number | null>(null);
  const [text, setText] = useState<string | null>(null);
  const admin = isAdmin(user);
  if (!q.data) return null;
  const save = async () => {
    let awards: unknown;
    try { awards = JSON.parse(text ?? JSON.stringify(q.data!.awards)); } catch { showError(new Error(t('评优规则不是有效的 JSON'))); return; }
    try { await api.put('/api/assessment/settings', { appealDays: days ?? q.data!.appealDays, awards }); showSuccess(t('已保存')); await qc.invalidateQueries({ queryKey: ['assessment'] }); } catch (e) { showError(e); }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>{t('申诉期限（工作日）')}<InputNumber min={1} max={30} value={days ?? q.data.appealDays} onChange={(v) => setDays(v)} disabled={!admin} data-testid="appeal-days" /></Space>
      <Typography.Text type="secondary">{t('评优规则：考核对象类型、前 N 名、最低得分、本期无违规（可列出须为零的指标）。')}</Typography.Text>
      <Input.TextArea rows={16} value={text ?? JSON.stringify(q.data.awards, null, 2)} onChange={(e) => setText(e.target.value)} disabled={!admin} style={{ fontFamily: 'monospace' }} />
      {admin && <Button type="primary" onClick={save}>{t('保存')}</Button>}
    </Space>
  );
}

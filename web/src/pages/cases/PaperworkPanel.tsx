/** 内部流转: the case's hand-overs (全程承办单), the control sheet (内部审批过程控制单) and the material defects found in review. Staff only. */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CaseView } from '../../api/cases';
import { errorText, showSuccess } from '../../lib/feedback';
import { Data, EN, getLang, useT } from '../../lib/i18n';
import { caseEventLabel, stepName } from '../../lib/labels';
import { StepName } from './case/CaseSteps';

/**
 * A party of the route sheet as the server writes it for the Chinese sheet: a person or
 * step with a role in brackets (李雪梅（受理人（窗口））), a department or the applicant, or one
 * of the sheet's own words (窗口, 签批 …). Names stay as written; roles and words read in
 * the chosen language.
 */
function RouteParty({ text }: { text: string }) {
  if (getLang() !== 'en') return <>{text}</>;
  if (text in EN) return <>{EN[text]}</>;
  const m = /^(.+?)（(.+)）$/.exec(text);
  if (!m || !(m[2] in EN)) return <Data>{text}</Data>;
  return <>{stepName(m[1]) !== m[1] ? stepName(m[1]) : <Data>{m[1]}</Data>}（{EN[m[2]]}）</>;
}

interface Paperwork {
  route: { seq: number; action: string; from: string; to: string; by: string; at: string; opinion: string }[];
  steps: { index: number; name: string; defects: { material: string; defect: string; correction: string; by: string; at: string }[] }[];
  windowDefects: { materialName: string; defect: string; correction: string; by: string; at: string }[];
  severalSteps: boolean;
}

export function PaperworkPanel({ c, onChanged }: { c: CaseView; onChanged: () => void }) {
  const t = useT();
  const q = useQuery({ queryKey: ['case-paperwork', c.id, c.version, c.documents.length], queryFn: () => api.get<Paperwork>(`/api/cases/${c.id}/paperwork`) });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ materialId: string; defect: string; correction: string }>();
  const p = q.data;
  if (!p) return null;
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      showSuccess(ok);
      onChanged();
      void q.refetch();
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const defects = [...p.windowDefects.map((d) => ({ step: t('窗口受理审查'), ...d, material: d.materialName })), ...p.steps.flatMap((s) => s.defects.map((d) => ({ step: s.name, ...d })))];
  return (
    <Card
      title={t('内部流转')}
      size="small"
      className="bs-section"
      data-testid="case-paperwork"
      extra={
        <Space>
          <Button size="small" loading={busy} disabled={!c.clock.acceptedOn} data-testid="issue-routeSheet"
            onClick={() => void run(() => api.post(`/api/cases/${c.id}/paperwork/routeSheet`), t('已出具全程承办单'))}>{t('出具全程承办单')}</Button>
          {p.severalSteps && (
            <Button size="small" loading={busy} disabled={!c.clock.acceptedOn} data-testid="issue-controlSheet"
              onClick={() => void run(() => api.post(`/api/cases/${c.id}/paperwork/controlSheet`), t('已出具内部审批过程控制单'))}>{t('出具内部审批过程控制单')}</Button>
          )}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <Table
        rowKey="seq"
        size="small"
        pagination={false}
        dataSource={p.route}
        data-testid="paperwork-route"
        columns={[
          { title: t('环节'), dataIndex: 'action', render: (v: string, r) => caseEventLabel(c.events.find((e) => e.seq === r.seq)?.action ?? '', v) },
          { title: t('移交人'), dataIndex: 'from', render: (v: string) => <RouteParty text={v} /> },
          { title: t('接收人'), dataIndex: 'to', render: (v: string) => <RouteParty text={v} /> },
          { title: t('签名'), dataIndex: 'by', render: (v: string) => <RouteParty text={v} /> },
          { title: t('时间'), dataIndex: 'at' },
          { title: t('意见'), dataIndex: 'opinion', render: (v: string) => <Data>{v}</Data> },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>{t('材料审查记录')}</Typography.Title>
      {defects.length > 0 && (
        <Table rowKey={(d) => `${d.step}-${d.at}-${d.material}`} size="small" pagination={false} dataSource={defects}
          columns={[
            { title: t('环节'), dataIndex: 'step', render: (v: string) => <StepName name={v} /> },
            { title: t('材料'), dataIndex: 'material', render: (v: string) => <Data>{v}</Data> },
            { title: t('发现的问题'), dataIndex: 'defect', render: (v: string) => <Data>{v}</Data> },
            { title: t('补正要求'), dataIndex: 'correction', render: (v: string) => <Data>{v}</Data> },
            { title: t('记录人'), dataIndex: 'by', render: (v: string) => <RouteParty text={v} /> },
            { title: t('时间'), dataIndex: 'at' },
          ]} />
      )}
      <Form form={form} layout="inline" style={{ marginTop: 8, rowGap: 8 }}
        onFinish={(v) => void run(() => api.post(`/api/cases/${c.id}/defects`, v), t('已登记材料审查问题')).then((ok) => { if (ok) form.resetFields(); })}>
        <Form.Item name="materialId" rules={[{ required: true, message: t('请选择材料') }]}>
          <Select style={{ width: 200 }} placeholder={t('材料')} options={c.materials.map((m) => ({ value: m.materialId, label: <Data>{m.name}</Data>, title: m.name }))} />
        </Form.Item>
        <Form.Item name="defect" rules={[{ required: true, min: 2, message: t('请填写发现的问题') }]}><Input placeholder={t('发现的问题')} style={{ width: 200 }} /></Form.Item>
        <Form.Item name="correction" rules={[{ required: true, min: 2, message: t('请填写补正要求') }]}><Input placeholder={t('补正要求')} style={{ width: 200 }} /></Form.Item>
        <Button htmlType="submit" loading={busy}>{t('登记')}</Button>
      </Form>
    </Card>
  );
}

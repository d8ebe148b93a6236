/** One subject's lines in a period: what each scored and why, appeals on a line, manual points. */
import { useState } from 'react';
import { Button, Card, Descriptions, Drawer, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, upload } from '../../api/client';
import { useSession } from '../../auth/session';
import { showError, showSuccess } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import { isAdmin, type Detail, type Line, type Period, type SubjectType } from './api';
import { SOURCES, ruleText, signed, valueText } from './labels';
import { EvidenceModal } from './EvidenceModal';

export function SubjectDrawer({ period, subjectType, subjectId, name, onClose }: { period: Period; subjectType: SubjectType; subjectId: string; name: string; onClose: () => void }) {
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

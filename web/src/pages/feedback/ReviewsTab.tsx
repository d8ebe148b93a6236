/** 好差评: ratings in scope; bad reviews run verify → rectify → return visit from here. */
import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Radio, Rate, Space, Switch, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { showError, showSuccess } from '../../lib/feedback';
import { useT, zh } from '../../lib/i18n';
import type { Evaluation } from './api';
import { DueLight } from './parts';
import { MaterialUpload } from '../../components/MaterialUpload';
import type { UploadedFile } from '../../api/cases';

/** One evidence file as a form control (Form.Item passes value and onChange). */
function Evidence({ testId, value, onChange }: { testId: string; value?: UploadedFile | null; onChange?: (f: UploadedFile | null) => void }) {
  return <MaterialUpload testId={testId} value={value} onChange={(f) => onChange?.(f)} />;
}

const ACTION_LABELS: Record<string, string> = { verify: zh('核实'), rectify: zh('整改'), returnVisit: zh('回访') };

export function ReviewsTab() {
  const t = useT();
  const qc = useQueryClient();
  const [badOnly, setBadOnly] = useState(true);
  const [acting, setActing] = useState<{ e: Evaluation; action: string } | null>(null);
  const [form] = Form.useForm();
  const list = useQuery({
    queryKey: ['feedback', 'evaluations', badOnly],
    queryFn: ({ signal }) => api.get<{ items: Evaluation[] }>('/api/feedback/evaluations', { bad: badOnly || undefined }, signal),
  });
  async function submit() {
    if (!acting) return;
    const { evidence, ...v } = await form.validateFields();
    try {
      await api.post(`/api/feedback/evaluations/${acting.e.id}/actions/${acting.action}`, { version: acting.e.version, ...v, ...(evidence ? { fileIds: [evidence.id] } : {}) });
      showSuccess(t('已保存'));
      setActing(null);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['feedback', 'evaluations'] });
    } catch (e) {
      showError(e);
    }
  }
  return (
    <Card size="small">
      <Space style={{ marginBottom: 12 }}>
        <Switch checked={badOnly} onChange={setBadOnly} data-testid="reviews-bad-only" />
        <Typography.Text>{t('只看差评')}</Typography.Text>
      </Space>
      <Table<Evaluation>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ pageSize: 20 }}
        data-testid="reviews-table"
        onRow={(r) => ({ 'data-testid': `review-${r.caseNo}`, 'data-state': r.state }) as React.HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (r) => (
            <div style={{ whiteSpace: 'pre-wrap' }}>
              {r.verification && <p>{t('核实')}：{r.verification.finding === 'substantiated' ? t('属实') : t('不属实')} — {r.verification.reason}</p>}
              {r.rectification && <p>{t('整改')}（{r.rectification.on}{r.rectification.onTime ? '' : `，${t('逾期')}`}）：{r.rectification.measures}</p>}
              {r.returnVisit && <p>{t('回访')}（{r.returnVisit.on}）：{t('满意度')} {r.returnVisit.satisfaction}/5 {r.returnVisit.note}</p>}
            </div>
          ),
          rowExpandable: (r) => !!(r.verification || r.rectification || r.returnVisit),
        }}
        columns={[
          { title: t('评价日期'), dataIndex: 'ratedOn', width: 110 },
          { title: t('办件'), key: 'case', render: (_: unknown, r) => <span>{r.caseNo}<br /><Typography.Text type="secondary">{r.itemName}</Typography.Text></span> },
          { title: t('部门'), dataIndex: 'department', width: 140 },
          { title: t('评价'), dataIndex: 'grade', width: 110, render: (g: number, r) => <Tag color={g >= 4 ? 'green' : g === 3 ? 'gold' : 'red'}>{t(r.gradeLabel)}</Tag> },
          { title: t('意见'), dataIndex: 'comment', ellipsis: true },
          { title: t('状态'), dataIndex: 'stateLabel', width: 120, render: (v: string, r) => <span data-testid={`review-state-${r.caseNo}`}>{t(v)}</span> },
          { title: t('整改期限'), dataIndex: 'rectifyDue', width: 150, render: (v: string | null, r) => v && <Space size={4}>{v}<DueLight light={r.light} testId={`review-light-${r.caseNo}`} /></Space> },
          {
            title: t('操作'), key: 'actions', width: 150,
            render: (_: unknown, r) => (
              <Space>
                {r.actions.map((a) => (
                  <Button key={a} size="small" type="primary" data-testid={`review-${a}-${r.caseNo}`} onClick={() => { form.resetFields(); setActing({ e: r, action: a }); }}>
                    {t(ACTION_LABELS[a])}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={!!acting} title={acting ? `${t(ACTION_LABELS[acting.action])} · ${acting.e.caseNo}` : ''} onOk={submit} onCancel={() => setActing(null)} okButtonProps={{ 'data-testid': 'review-action-ok' } as Record<string, string>} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          {acting?.action === 'verify' && (
            <>
              <Form.Item name="finding" label={t('核实结论')} rules={[{ required: true, message: t('请选择核实结论') }]} initialValue="substantiated">
                <Radio.Group data-testid="verify-finding">
                  <Radio value="substantiated">{t('属实（需整改）')}</Radio>
                  <Radio value="unfounded">{t('不属实（标记，不删除）')}</Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item name="reason" label={t('核实情况和理由')} rules={[{ required: true, min: 2, message: t('请填写核实情况和理由') }]}>
                <Input.TextArea rows={3} data-testid="verify-reason" />
              </Form.Item>
              <Form.Item name="evidence" label={t('证据材料（选填）')}>
                <Evidence testId="verify-evidence" />
              </Form.Item>
            </>
          )}
          {acting?.action === 'rectify' && (
            <Form.Item name="measures" label={t('整改措施')} rules={[{ required: true, min: 2, message: t('请填写整改措施') }]}>
              <Input.TextArea rows={4} data-testid="rectify-measures" />
            </Form.Item>
          )}
          {acting?.action === 'rectify' && (
            <Form.Item name="evidence" label={t('整改材料（选填）')}>
              <Evidence testId="rectify-evidence" />
            </Form.Item>
          )}
          {acting?.action === 'returnVisit' && (
            <>
              <Form.Item name="satisfaction" label={t('申请人对整改的满意度')} rules={[{ required: true, message: t('请记录满意度') }]}>
                <Rate data-testid="visit-satisfaction" />
              </Form.Item>
              <Form.Item name="method" label={t('回访方式')} initialValue="phone">
                <Radio.Group>
                  <Radio value="phone">{t('电话')}</Radio>
                  <Radio value="visit">{t('上门')}</Radio>
                  <Radio value="sms">{t('短信')}</Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item name="note" label={t('回访记录')}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}

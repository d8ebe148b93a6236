/** 代办件: the agent's own cases (or, for center staff, those of the points below them) with their hand-overs. */
import { useState } from 'react';
import { Button, Drawer, Empty, Form, Input, Modal, Segmented, Space, Table, Tag, Timeline, Typography, type ButtonProps } from 'antd';
import { PrinterOutlined, SwapRightOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { documentUrl } from '../../api/cases';
import type { AgencyCaseRow, AgencyCaseView, HandoverStage } from '../../api/agency';
import { showError, showSuccess } from '../../lib/feedback';
import { formatDateTime } from '../../lib/labels';
import { useT } from '../../lib/i18n';

export function CasesTab() {
  const t = useT();
  const [filter, setFilter] = useState<'active' | 'finished' | 'all'>('active');
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['agency-cases', filter],
    queryFn: ({ signal }) => api.get<{ items: AgencyCaseRow[] }>('/api/agency/cases', { active: filter === 'all' ? undefined : filter === 'active' }, signal),
  });
  return (
    <div data-testid="agency-cases">
      <Segmented
        value={filter}
        onChange={(v) => setFilter(v as typeof filter)}
        options={[{ label: t('办理中'), value: 'active' }, { label: t('已结束'), value: 'finished' }, { label: t('全部'), value: 'all' }]}
        style={{ marginBottom: 12 }}
      />
      <Table<AgencyCaseRow>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('暂无代办件')} /> }}
        columns={[
          { title: t('办件编号'), dataIndex: 'caseNo', render: (v: string, r) => <Link to={`/cases/${r.id}`} data-testid={`agency-case-${v}`}>{v}</Link> },
          { title: t('事项'), dataIndex: 'itemName' },
          { title: t('申请人'), dataIndex: 'applicantName', width: 90 },
          { title: t('方式'), dataIndex: 'modeLabel', width: 70, render: (v: string) => <Tag color="blue">{v}</Tag> },
          { title: t('状态'), dataIndex: 'stateLabel', width: 120 },
          { title: t('最近交接'), dataIndex: 'lastStageLabel', width: 170 },
          { title: t('代办点 / 代办员'), key: 'who', width: 200, render: (_: unknown, r) => `${r.pointName} · ${r.agentName}` },
          { title: t('提交时间'), dataIndex: 'submittedAt', width: 150, render: (v: string) => formatDateTime(v) },
          { title: '', key: 'op', width: 90, render: (_: unknown, r) => <Button size="small" onClick={() => setOpen(r.id)} data-testid={`agency-handovers-${r.caseNo}`}>{t('交接')}</Button> },
        ]}
      />
      <HandoverDrawer caseId={open} onClose={() => setOpen(null)} />
    </div>
  );
}

function HandoverDrawer({ caseId, onClose }: { caseId: string | null; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<{ stage: HandoverStage; label: string; needsCounterpart: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ items: string; counterpartName?: string; note?: string }>();
  const view = useQuery({
    queryKey: ['agency-case', caseId],
    queryFn: ({ signal }) => api.get<AgencyCaseView>(`/api/agency/cases/${caseId}`, undefined, signal),
    enabled: !!caseId,
  });
  const v = view.data;

  const record = async () => {
    if (!stage || !caseId) return;
    const values = await form.validateFields();
    setBusy(true);
    try {
      await api.post(`/api/agency/cases/${caseId}/handovers`, {
        stage: stage.stage,
        items: values.items.split(/\n+/).map((x) => x.trim()).filter(Boolean),
        counterpartName: values.counterpartName?.trim() || undefined,
        note: values.note?.trim() || undefined,
      });
      showSuccess(t('交接已登记，请打印交接单'));
      setStage(null);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['agency-case', caseId] });
      void queryClient.invalidateQueries({ queryKey: ['agency-cases'] });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={!!caseId} onClose={onClose} size="large" title={v ? t('代办交接 · {caseNo}', { caseNo: v.caseNo }) : t('代办交接')} data-testid="agency-handover-drawer">
      {v && (
        <>
          <Space orientation="vertical" style={{ marginBottom: 16 }}>
            <Typography.Text strong>{v.itemName}</Typography.Text>
            <Space wrap>
              <Tag color="blue">{v.modeLabel}</Tag>
              <Tag>{v.stateLabel}</Tag>
              <Typography.Text type="secondary">{v.point.name}{' '}{t('· 代办员')}{' '}{v.agent.displayName}</Typography.Text>
            </Space>
          </Space>
          <Timeline
            items={v.handovers.map((h) => ({
              key: h.id,
              content: (
                <div data-testid={`handover-${h.seq}`}>
                  <Typography.Text strong>{t('第{n}次：', { n: h.seq })}{h.stageLabel}</Typography.Text>
                  <div>
                    {h.giver.name}（{h.giver.roleLabel}） <SwapRightOutlined /> {h.taker.name}（{h.taker.roleLabel}） · {formatDateTime(h.at)}
                  </div>
                  <div className="bs-sub">{h.items.join('、')}{h.note ? t('；备注：{note}', { note: h.note }) : ''}</div>
                  <Button size="small" icon={<PrinterOutlined />} href={documentUrl(v.caseId, h.documentId)} target="_blank" data-testid={`handover-print-${h.seq}`}>
                    {t('打印交接单')}
                  </Button>
                </div>
              ),
            }))}
          />
          <Space wrap>
            {v.nextStages.map((s) => (
              <Button key={s.stage} type="primary" onClick={() => setStage(s)} data-testid={`handover-record-${s.stage}`}>
                {t('登记：')}{s.label}
              </Button>
            ))}
            {v.nextStages.length === 0 && <Typography.Text type="secondary">{t('当前没有可登记的交接环节')}</Typography.Text>}
          </Space>
        </>
      )}
      <Modal open={!!stage} title={stage ? t('登记交接：{label}', { label: stage.label }) : ''} onCancel={() => setStage(null)} onOk={() => void record()} confirmLoading={busy} okText={t('登记并生成交接单')} okButtonProps={{ 'data-testid': 'handover-confirm' } as ButtonProps} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="items" label={t('交接的材料或结果（每行一项）')} rules={[{ required: true, whitespace: true, message: t('请填写交接的材料或结果') }]}>
            <Input.TextArea rows={4} data-testid="handover-items" />
          </Form.Item>
          {stage?.needsCounterpart && (
            <Form.Item name="counterpartName" label={t('中心经办人姓名')} rules={[{ required: true, whitespace: true, message: t('请填写中心经办人姓名') }]}>
              <Input maxLength={50} data-testid="handover-counterpart" />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('备注')}>
            <Input maxLength={1000} data-testid="handover-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}

/** 否定备案审查: refusals, returns and denials filed with the center; confirm or order a redo. */
import { useEffect, useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Modal, Segmented, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { showError, showSuccess } from '../../lib/feedback';
import { formatDateTime } from '../../lib/labels';
import { useT, tr, zh } from '../../lib/i18n';

interface Filing {
  id: string; caseId: string; caseNo: string; itemName: string; department: string; kind: 'refusal' | 'return' | 'denial';
  reasons: string; status: 'pending' | 'confirmed' | 'overturned'; filedAt: string; reviewNote: string | null; redoDue: string | null;
}

const KIND_LABELS = { get refusal() { return tr('不予受理'); }, get return() { return tr('退回'); }, get denial() { return tr('不予许可'); } } as const;
const STATUS = { pending: [zh('待审查'), 'orange'], confirmed: [zh('已确认'), 'green'], overturned: [zh('已撤销·责令重办'), 'red'] } as const;

export function FilingsPage() {
  const t = useT();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Filing['status']>('pending');
  const [review, setReview] = useState<{ filing: Filing; mode: 'confirm' | 'overturn' } | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ note: string; redoWorkingDays: number }>();
  useEffect(() => {
    document.title = t('否定备案 · 政务服务中心');
  }, []);

  const list = useQuery({
    queryKey: ['filings', status],
    queryFn: ({ signal }) => api.get<{ items: Filing[] }>('/api/filings', { status }, signal),
  });

  const submit = async () => {
    if (!review) return;
    const values = await form.validateFields();
    setBusy(true);
    try {
      await api.post(`/api/filings/${review.filing.id}/${review.mode}`, review.mode === 'confirm' ? { note: values.note ?? '' } : values);
      showSuccess(review.mode === 'confirm' ? t('已确认备案') : t('已撤销并责令重办'));
      setReview(null);
      await queryClient.invalidateQueries({ queryKey: ['filings'] });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('否定备案审查')}</Typography.Title>
      <Typography.Text type="secondary">{t('不予受理、退回和不予许可的办件均报中心备案；中心审查后确认，或撤销并责令部门限期重办。')}</Typography.Text>
      <Card>
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as Filing['status'])}
          options={(Object.keys(STATUS) as Filing['status'][]).map((s) => ({ value: s, label: <span data-testid={`filings-tab-${s}`}>{t(STATUS[s][0])}</span> }))}
        />
        <Table<Filing>
          style={{ marginTop: 16 }}
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          data-testid="filings-table"
          pagination={false}
          columns={[
            { title: t('办件编号'), dataIndex: 'caseNo', render: (v: string, r) => <Link to={`/cases/${r.caseId}`} data-testid={`filing-case-${v}`}>{v}</Link> },
            { title: t('事项'), dataIndex: 'itemName' },
            { title: t('部门'), dataIndex: 'department' },
            { title: t('类型'), dataIndex: 'kind', render: (k: Filing['kind']) => <Tag>{KIND_LABELS[k]}</Tag> },
            { title: t('理由'), dataIndex: 'reasons', width: 260 },
            { title: t('报备时间'), dataIndex: 'filedAt', render: (v: string) => formatDateTime(v) },
            { title: t('状态'), dataIndex: 'status', render: (s: Filing['status'], r) => <Tag color={STATUS[s][1]} data-testid={`filing-status-${r.caseNo}`}>{t(STATUS[s][0])}{r.redoDue ? t('（{redoDue}前）', { redoDue: r.redoDue }) : ''}</Tag> },
            {
              title: t('操作'),
              render: (_, r) => r.status === 'pending' && user?.role === 'centerAdmin' ? (
                <Space>
                  <Button size="small" onClick={() => { form.resetFields(); setReview({ filing: r, mode: 'confirm' }); }} data-testid={`filing-confirm-${r.caseNo}`}>{t('确认')}</Button>
                  <Button size="small" danger onClick={() => { form.resetFields(); setReview({ filing: r, mode: 'overturn' }); }} data-testid={`filing-overturn-${r.caseNo}`}>{t('撤销重办')}</Button>
                </Space>
              ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={!!review}
        title={review?.mode === 'confirm' ? t('确认备案') : t('撤销并责令重办')}
        onCancel={() => setReview(null)}
        onOk={() => void submit()}
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'filing-submit' } as ButtonProps}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ redoWorkingDays: 5 }}>
          <Form.Item name="note" label={t('审查意见')} rules={review?.mode === 'overturn' ? [{ required: true, message: t('请填写撤销理由') }] : []}>
            <Input.TextArea rows={3} data-testid="filing-note" />
          </Form.Item>
          {review?.mode === 'overturn' && (
            <Form.Item name="redoWorkingDays" label={t('重办期限（工作日）')} rules={[{ required: true }]}>
              <InputNumber min={1} max={60} data-testid="filing-redo-days" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}

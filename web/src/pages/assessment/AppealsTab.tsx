/** 申诉: the appeals the reader may see, and the office's decision on each. */
import { useState } from 'react';
import { Form, Input, InputNumber, Modal, Radio, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { showError, showSuccess } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import { isAdmin, type Appeal } from './api';
import { signed } from './labels';

export function Appeals() {
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

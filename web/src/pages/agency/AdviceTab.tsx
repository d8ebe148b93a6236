/** 咨办登记: advice given to a resident; no case is filed, the monthly report counts it. */
import { Button, Card, Col, Form, Input, Row, Table } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Consultation } from '../../api/agency';
import { showError, showSuccess } from '../../lib/feedback';
import { formatDateTime } from '../../lib/labels';
import { useT } from '../../lib/i18n';

interface AdviceForm { residentName: string; residentPhone?: string; itemCode?: string; question: string; advice: string }

export function AdviceTab({ canRecord }: { canRecord: boolean }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AdviceForm>();
  const [busy, setBusy] = useState(false);
  const list = useQuery({
    queryKey: ['agency-consultations'],
    queryFn: ({ signal }) => api.get<{ items: Consultation[] }>('/api/agency/consultations', undefined, signal),
  });
  const save = async (v: AdviceForm) => {
    setBusy(true);
    try {
      await api.post('/api/agency/consultations', {
        residentName: v.residentName.trim(), residentPhone: v.residentPhone?.trim() || undefined, itemCode: v.itemCode?.trim() || undefined,
        question: v.question.trim(), advice: v.advice.trim(),
      });
      showSuccess(t('咨办已登记'));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['agency-consultations'] });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Row gutter={16} data-testid="agency-advice">
      {canRecord && (
        <Col xs={24} lg={9}>
          <Card title={t('登记咨办')} size="small" className="bs-section">
            <Form<AdviceForm> form={form} layout="vertical" onFinish={(v) => void save(v)}>
              <Form.Item name="residentName" label={t('群众姓名')} rules={[{ required: true, whitespace: true, message: t('请输入群众姓名') }]}>
                <Input maxLength={100} data-testid="advice-name" />
              </Form.Item>
              <Form.Item name="residentPhone" label={t('联系电话')} rules={[{ pattern: /^[0-9+-]{7,20}$/, message: t('请输入正确的电话号码') }]}>
                <Input maxLength={20} data-testid="advice-phone" />
              </Form.Item>
              <Form.Item name="itemCode" label={t('咨询事项编码（选填）')}>
                <Input maxLength={40} placeholder={t('如 62052400MZ-JF-0009')} data-testid="advice-item" />
              </Form.Item>
              <Form.Item name="question" label={t('咨询内容')} rules={[{ required: true, whitespace: true, message: t('请填写咨询内容') }]}>
                <Input.TextArea rows={2} maxLength={2000} data-testid="advice-question" />
              </Form.Item>
              <Form.Item name="advice" label={t('答复意见')} rules={[{ required: true, whitespace: true, message: t('请填写答复意见') }]}>
                <Input.TextArea rows={3} maxLength={4000} data-testid="advice-answer" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="advice-submit">{t('登记')}</Button>
            </Form>
          </Card>
        </Col>
      )}
      <Col xs={24} lg={canRecord ? 15 : 24}>
        <Card title={t('咨办记录')} size="small" className="bs-section">
          <Table<Consultation>
            rowKey="id"
            size="small"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: t('时间'), dataIndex: 'at', width: 140, render: (v: string) => formatDateTime(v) },
              { title: t('群众'), dataIndex: 'residentName', width: 80 },
              { title: t('事项'), dataIndex: 'itemName', render: (v: string) => v || '—' },
              { title: t('咨询内容'), dataIndex: 'question' },
              { title: t('答复'), dataIndex: 'advice' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

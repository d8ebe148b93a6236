/**
 * 文书设置 (center admin): the review body (复议机关) and the court (人民法院) the center's
 * adverse notices name (GET/PUT /api/documents/remedies). Blank inherits the nearest center
 * above with a setting, else the county's people's government and a generic court; the form
 * says which, and shows the sentence as it will be printed.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { errorText, showError, showSuccess } from '../../lib/feedback';
import { Data, useT } from '../../lib/i18n';
import { remedyNameProblem, remedySample } from '../../../../src/cases/documents/decision';

interface Bodies { reviewBody: string | null; court: string | null }
interface RemedySettings { own: Bodies; printed: Bodies }
type Values = { reviewBody: string; court: string };

export function DocumentSettingsButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<FileTextOutlined />} onClick={() => setOpen(true)} data-testid="document-settings-open">{t('文书设置')}</Button>
      <Modal open={open} title={t('文书设置：救济途径')} footer={null} onCancel={() => setOpen(false)} width={640} destroyOnHidden>
        <RemedyForm onSaved={() => setOpen(false)} />
      </Modal>
    </>
  );
}

function RemedyForm({ onSaved }: { onSaved: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const settings = useQuery({ queryKey: ['document-remedies'], queryFn: ({ signal }) => api.get<RemedySettings>('/api/documents/remedies', undefined, signal) });
  useEffect(() => {
    if (settings.data) form.setFieldsValue({ reviewBody: settings.data.own.reviewBody ?? '', court: settings.data.own.court ?? '' });
  }, [settings.data, form]);
  const reviewBody = Form.useWatch('reviewBody', form) ?? '';
  const court = Form.useWatch('court', form) ?? '';
  const s = settings.data;

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const next = await api.put<RemedySettings>('/api/documents/remedies', { reviewBody: v.reviewBody ?? '', court: v.court ?? '' });
      qc.setQueryData(['document-remedies'], next);
      showSuccess(t('文书设置已保存，此后出具的不利决定文书将载明新的复议机关和人民法院'));
      onSaved();
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  /** What the notices print while the field is blank: inherited from above, or the generic wording. */
  const inherited = (own: string | null | undefined, printed: string | null | undefined, generic: string) => {
    if (own) return null;
    return printed ? <span data-testid="remedy-inherited">{t('未设置，沿用：')}<Data>{printed}</Data></span> : generic;
  };
  // The sentence as printed: the typed values, else the inherited ones.
  const sample = remedySample({ reviewBody: reviewBody.trim() || (s?.own.reviewBody ? null : s?.printed.reviewBody), court: court.trim() || (s?.own.court ? null : s?.printed.court) });
  const name = (field: 'reviewBody' | 'court') => [
    { max: 60, message: t('不超过60个字') },
    {
      validator: (_: unknown, v: string | undefined) => {
        const problem = remedyNameProblem(field, v ?? '');
        if (!problem) return Promise.resolve();
        return Promise.reject(new Error(problem === 'not_a_court' ? t('人民法院名称应以“法院”结尾') : t('请填写机关全称')));
      },
    },
  ];

  return (
    <Form form={form} layout="vertical" data-testid="remedy-settings">
      {settings.isError && <Alert type="error" showIcon title={errorText(settings.error)} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">
        {t('不予受理、不予许可等不利决定文书须告知申请人救济途径：60日内申请行政复议，6个月内提起行政诉讼。此处填写本中心文书载明的复议机关和人民法院；留空则沿用上级中心的设置。')}
      </Typography.Paragraph>
      <Form.Item name="reviewBody" label={t('行政复议机关')} rules={name('reviewBody')}
        extra={inherited(s?.own.reviewBody, s?.printed.reviewBody, t('未设置：文书不写明复议机关'))}>
        <Input maxLength={60} allowClear placeholder={t('如：清渭县人民政府')} data-testid="remedy-review-body" />
      </Form.Item>
      <Form.Item name="court" label={t('人民法院')} rules={name('court')}
        extra={inherited(s?.own.court, s?.printed.court, t('未设置：文书写“依法向人民法院提起行政诉讼”'))}>
        <Input maxLength={60} allowClear placeholder={t('如：清渭县人民法院')} data-testid="remedy-court" />
      </Form.Item>
      <Typography.Paragraph>
        <Typography.Text type="secondary">{t('文书示例：')}</Typography.Text>
        <Data><span data-testid="remedy-sample">{sample}</span></Data>
      </Typography.Paragraph>
      <Button type="primary" onClick={() => void save()} loading={saving} disabled={!s} data-testid="remedy-save">{t('保存')}</Button>
    </Form>
  );
}

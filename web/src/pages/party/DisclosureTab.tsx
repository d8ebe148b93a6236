/** 党务公开: items with their party-internal and public dates (先党内，后党外). */
import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { DISCLOSURE_CATEGORY_LABELS, type Disclosure, type DisclosureCategory } from '../../api/party';
import { showError, showSuccess } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import { usePartyOrgs } from './usePartyOrgs';

interface DForm { orgId: string; title: string; category: DisclosureCategory; content: string; internalOn?: Dayjs; internalForm?: string; publicOn?: Dayjs; publicForm?: string }

export function DisclosureTab() {
  const t = useT();
  const orgs = usePartyOrgs();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<DForm>();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['party-disclosures'], queryFn: ({ signal }) => api.get<{ items: Disclosure[] }>('/api/party/disclosures', undefined, signal) });
  const save = async (v: DForm) => {
    try {
      await api.post('/api/party/disclosures', {
        orgId: v.orgId, title: v.title.trim(), category: v.category, content: v.content, internalOn: v.internalOn?.format('YYYY-MM-DD') ?? null, internalForm: v.internalForm ?? '',
        publicOn: v.publicOn?.format('YYYY-MM-DD') ?? null, publicForm: v.publicForm ?? '',
      });
      showSuccess(t('已登记'));
      setOpen(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['party-disclosures'] });
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Card size="small" className="bs-section" title={t('党务公开（先党内，后党外；先党员，后群众）')} extra={<Button onClick={() => setOpen(true)}>{t('新增公开事项')}</Button>}>
      <Table<Disclosure>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 15, hideOnSinglePage: true }}
        columns={[
          { title: t('事项'), dataIndex: 'title' },
          { title: t('类别'), dataIndex: 'categoryLabel', render: (v: string) => t(v) },
          { title: t('党内公开'), key: 'i', render: (_, d) => (d.internalOn ? `${d.internalOn} ${d.internalForm}` : '—') },
          { title: t('向社会公开'), key: 'p', render: (_, d) => (d.publicOn ? `${d.publicOn} ${d.publicForm}` : '—') },
          { title: t('状态'), dataIndex: 'stageLabel', render: (v: string, d) => <Tag color={d.stage === 'public' ? 'green' : d.stage === 'internal' ? 'blue' : 'default'}>{t(v)}</Tag> },
        ]}
      />
      <Modal open={open} title={t('新增公开事项')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('登记')} cancelText={t('取消')}>
        <Form<DForm> form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="orgId" label={t('党组织')} rules={[{ required: true, message: t('必填') }]}><Select options={(orgs.data?.items ?? []).filter((o) => o.manage).map((o) => ({ value: o.id, label: o.name }))} /></Form.Item>
          <Form.Item name="title" label={t('事项')} rules={[{ required: true, whitespace: true, message: t('必填') }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="category" label={t('类别')} rules={[{ required: true, message: t('必填') }]}><Select options={Object.entries(DISCLOSURE_CATEGORY_LABELS).map(([value, label]) => ({ value, label: t(label) }))} /></Form.Item>
          <Form.Item name="content" label={t('内容')} rules={[{ required: true, whitespace: true, message: t('必填') }]}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="internalOn" label={t('党内公开日期')}><DatePicker /></Form.Item>
          <Form.Item name="internalForm" label={t('党内公开形式（会议、党内文件、党内通报）')}><Input maxLength={100} /></Form.Item>
          <Form.Item name="publicOn" label={t('向社会公开日期（不得早于党内公开）')}><DatePicker /></Form.Item>
          <Form.Item name="publicForm" label={t('公开形式（外网网站、党务公开栏、电子显示屏、触摸查询器）')}><Input maxLength={100} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** 首问负责 records (every staff member) and praise (the office). */
import { formatDateTime } from '../../lib/labels';
import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { showError, showSuccess } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import { useSession } from '../../auth/session';
import { isOffice } from './api';
import { opts, useDirectory } from './parts';

interface FirstAsk { id: string; kind: string; asker: string; matter: string; owner: string; ownerId: string; outcome: string; outcomeLabel: string; toWindow: string | null; toDepartment: string | null; toUnit: string | null; guidance: string | null; askedAt: string }
interface Praise { id: string; kindLabel: string; window: string | null; person: string | null; department: string | null; fromName: string; note: string; receivedOn: string }

export function FirstAskTab() {
  const t = useT();
  const { user } = useSession();
  const qc = useQueryClient();
  const dir = useDirectory();
  const [adding, setAdding] = useState(false);
  const [closing, setClosing] = useState<FirstAsk | null>(null);
  const [addForm] = Form.useForm();
  const [closeForm] = Form.useForm();
  const list = useQuery({ queryKey: ['feedback', 'first-asks'], queryFn: ({ signal }) => api.get<{ items: FirstAsk[] }>('/api/feedback/first-asks', undefined, signal) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['feedback', 'first-asks'] });
  return (
    <Card size="small">
      <Button type="primary" style={{ marginBottom: 12 }} data-testid="first-ask-add" onClick={() => setAdding(true)}>{t('登记首问')}</Button>
      <Table<FirstAsk>
        rowKey="id" size="middle" loading={list.isLoading} dataSource={list.data?.items} data-testid="first-asks-table"
        columns={[
          { title: t('时间'), dataIndex: 'askedAt', width: 150, render: (v: string) => formatDateTime(v) },
          { title: t('类型'), dataIndex: 'kind', width: 80, render: (v: string) => (v === 'question' ? t('咨询') : t('投诉')) },
          { title: t('来访人'), dataIndex: 'asker', width: 100 },
          { title: t('事项'), dataIndex: 'matter' },
          { title: t('首问责任人'), dataIndex: 'owner', width: 110 },
          { title: t('去向'), key: 'to', render: (_: unknown, r) => <span><Tag color={r.outcome === 'open' ? 'gold' : 'green'}>{t(r.outcomeLabel)}</Tag>{r.toWindow ?? r.toDepartment ?? r.toUnit ?? ''}</span> },
          { title: t('操作'), key: 'op', width: 100, render: (_: unknown, r) => r.outcome === 'open' && r.ownerId === user?.id && <Button size="small" onClick={() => { closeForm.resetFields(); setClosing(r); }}>{t('移交/办结')}</Button> },
        ]}
      />
      <Modal open={adding} title={t('登记首问')} destroyOnHidden onCancel={() => setAdding(false)} onOk={async () => {
        const v = await addForm.validateFields();
        try { await api.post('/api/feedback/first-asks', v); showSuccess(t('已登记')); setAdding(false); await refresh(); } catch (e) { showError(e); }
      }}>
        <Form form={addForm} layout="vertical" preserve={false} initialValues={{ kind: 'question' }}>
          <Form.Item name="kind" label={t('类型')}><Radio.Group><Radio value="question">{t('咨询')}</Radio><Radio value="complaint">{t('投诉')}</Radio></Radio.Group></Form.Item>
          <Form.Item name="askerName" label={t('来访人')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="askerPhone" label={t('联系电话')}><Input /></Form.Item>
          <Form.Item name="matter" label={t('事项')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!closing} title={t('移交/办结')} destroyOnHidden onCancel={() => setClosing(null)} onOk={async () => {
        const v = await closeForm.validateFields();
        try { await api.post(`/api/feedback/first-asks/${closing!.id}/close`, v); showSuccess(t('已保存')); setClosing(null); await refresh(); } catch (e) { showError(e); }
      }}>
        <Form form={closeForm} layout="vertical" preserve={false} initialValues={{ outcome: 'handedOver' }}>
          <Form.Item name="outcome" label={t('去向')}>
            <Radio.Group>
              <Radio value="handled">{t('本人当场办理/解答')}</Radio>
              <Radio value="handedOver">{t('移交承办窗口/单位')}</Radio>
              <Radio value="referredOutside">{t('告知大厅外主管单位')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {({ getFieldValue }) => (
              <>
                {getFieldValue('outcome') === 'handedOver' && (
                  <Space.Compact block>
                    <Form.Item name="toWindowId" label={t('窗口')} style={{ width: '50%' }}><Select allowClear options={opts(dir.data?.windows)} /></Form.Item>
                    <Form.Item name="toDepartmentId" label={t('单位')} style={{ width: '50%' }}><Select allowClear options={opts(dir.data?.departments)} /></Form.Item>
                  </Space.Compact>
                )}
                {getFieldValue('outcome') === 'referredOutside' && <Form.Item name="toUnit" label={t('主管单位（位置或电话）')} rules={[{ required: true }]}><Input /></Form.Item>}
              </>
            )}
          </Form.Item>
          <Form.Item name="guidance" label={t('告知或引导情况')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

export function PraiseTab() {
  const t = useT();
  const { user } = useSession();
  const qc = useQueryClient();
  const dir = useDirectory();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const list = useQuery({ queryKey: ['feedback', 'praise'], queryFn: ({ signal }) => api.get<{ items: Praise[] }>('/api/feedback/praise', undefined, signal) });
  return (
    <Card size="small">
      {isOffice(user) && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setAdding(true)}>{t('登记表扬')}</Button>}
      <Table<Praise>
        rowKey="id" size="middle" loading={list.isLoading} dataSource={list.data?.items}
        columns={[
          { title: t('日期'), dataIndex: 'receivedOn', width: 110 },
          { title: t('形式'), dataIndex: 'kindLabel', width: 90, render: (v: string) => <Tag color="red">{t(v)}</Tag> },
          { title: t('表扬对象'), key: 'target', render: (_: unknown, r) => [r.window, r.person, r.department].filter(Boolean).join(' · ') },
          { title: t('来自'), dataIndex: 'fromName', width: 140 },
          { title: t('内容'), dataIndex: 'note' },
        ]}
      />
      <Modal open={adding} title={t('登记表扬')} destroyOnHidden onCancel={() => setAdding(false)} onOk={async () => {
        const v = await form.validateFields();
        try {
          await api.post('/api/feedback/praise', { ...v, receivedOn: (v.receivedOn ?? dayjs()).format('YYYY-MM-DD') });
          showSuccess(t('已登记')); setAdding(false); await qc.invalidateQueries({ queryKey: ['feedback', 'praise'] });
        } catch (e) { showError(e); }
      }}>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'banner' }}>
          <Form.Item name="kind" label={t('形式')}><Radio.Group><Radio value="banner">{t('锦旗')}</Radio><Radio value="letter">{t('感谢信')}</Radio><Radio value="card">{t('表扬卡')}</Radio></Radio.Group></Form.Item>
          <Form.Item name="windowId" label={t('窗口')}><Select allowClear options={opts(dir.data?.windows)} /></Form.Item>
          <Form.Item name="userId" label={t('人员')}><Select allowClear showSearch optionFilterProp="label" options={opts(dir.data?.staff)} /></Form.Item>
          <Form.Item name="departmentId" label={t('部门')}><Select allowClear options={opts(dir.data?.departments)} /></Form.Item>
          <Form.Item name="fromName" label={t('来自')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="receivedOn" label={t('日期')}><DatePicker /></Form.Item>
          <Form.Item name="note" label={t('内容')}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

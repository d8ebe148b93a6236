/** 投诉: register (hall, phone, mailbox, letter, 12345/8890), acceptance check, handling, extension once, result; written record per complaint. */
import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { showError, showSuccess } from '../../lib/feedback';
import { useT, zh } from '../../lib/i18n';
import { phoneRule } from '../../lib/identity';
import { useSession } from '../../auth/session';
import type { Complaint, Options } from './api';
import { isOffice } from './api';
import { DueLight, opts, useDirectory } from './parts';

const ACTION_LABELS: Record<string, string> = { accept: zh('受理'), exclude: zh('不予受理'), handOver: zh('移交'), extend: zh('延期'), resolve: zh('办结') };

export function ComplaintsTab() {
  const t = useT();
  const { user } = useSession();
  const qc = useQueryClient();
  const dir = useDirectory();
  const [registering, setRegistering] = useState(false);
  const [acting, setActing] = useState<{ c: Complaint; action: string } | null>(null);
  const [form] = Form.useForm();
  const [reg] = Form.useForm();
  const options = useQuery({ queryKey: ['feedback', 'options'], queryFn: ({ signal }) => api.get<Options>('/api/feedback/options', undefined, signal), staleTime: Infinity });
  const list = useQuery({ queryKey: ['feedback', 'complaints'], queryFn: ({ signal }) => api.get<{ items: Complaint[] }>('/api/feedback/complaints', undefined, signal) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['feedback', 'complaints'] });
  const labelOpts = (m: Record<string, string> | undefined, skip: string[] = []) => Object.entries(m ?? {}).filter(([k]) => !skip.includes(k)).map(([value, label]) => ({ value, label: t(label) }));

  // A form left incomplete rejects validateFields(): antd already marks the fields, so that
  // rejection is an answer, not an error (uncaught, it was logged as one).
  async function register() {
    const v = await reg.validateFields().catch(() => null);
    if (!v) return;
    try {
      const r = await api.post<{ no: string }>('/api/feedback/complaints', v);
      showSuccess(t('已登记投诉 {no}', { no: r.no }));
      setRegistering(false);
      reg.resetFields();
      await refresh();
    } catch (e) { showError(e); }
  }
  async function act() {
    if (!acting) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await api.post(`/api/feedback/complaints/${acting.c.id}/actions/${acting.action}`, { version: acting.c.version, ...v });
      showSuccess(t('已保存'));
      setActing(null);
      await refresh();
    } catch (e) { showError(e); }
  }
  const a = acting?.action;
  return (
    <Card size="small">
      {isOffice(user) && (
        <Button type="primary" style={{ marginBottom: 12 }} data-testid="complaint-register" onClick={() => setRegistering(true)}>{t('登记投诉')}</Button>
      )}
      <Table<Complaint>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items}
        data-testid="complaints-table"
        onRow={(r) => ({ 'data-testid': `complaint-${r.no}`, 'data-state': r.state }) as React.HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (r) => (
            <div style={{ whiteSpace: 'pre-wrap' }}>
              <p>{r.content}</p>
              {r.exclusion && <p>{t('不予受理')}：{t(r.exclusion.reasonLabel)} — {r.exclusion.reply}</p>}
              {r.extended && <p>{t('延期理由')}：{r.extensionReason}</p>}
              {r.result && <p>{t('处理结果')}（{r.result.finding === 'substantiated' ? t('属实') : t('不属实')}，{r.result.onTime ? t('按期') : t('逾期')}）：{r.result.result}</p>}
            </div>
          ),
        }}
        columns={[
          { title: t('编号'), dataIndex: 'no', width: 170 },
          { title: t('渠道'), dataIndex: 'channelLabel', width: 130, render: (v: string, r) => <span>{t(v)}{r.externalRef && <><br /><Typography.Text type="secondary">{r.externalRef}</Typography.Text></>}</span> },
          { title: t('类别'), dataIndex: 'categoryLabel', width: 110, render: (v: string) => <Tag>{t(v)}</Tag> },
          { title: t('投诉人'), key: 'who', width: 130, render: (_: unknown, r) => <span>{r.complainant}<br />{r.complainantPhone}</span> },
          { title: t('被投诉单位'), dataIndex: 'department', width: 130 },
          { title: t('状态'), dataIndex: 'stateLabel', width: 100, render: (v: string, r) => <span data-testid={`complaint-state-${r.no}`}>{t(v)}</span> },
          { title: t('办理期限'), dataIndex: 'due', width: 150, render: (v: string | null, r) => v && <Space size={4}>{v}{r.extended && <Tag>{t('已延期')}</Tag>}<DueLight light={r.light} /></Space> },
          {
            title: t('操作'), key: 'actions', width: 260,
            render: (_: unknown, r) => (
              <Space wrap>
                {r.actions.map((x) => (
                  <Button key={x} size="small" type={x === 'exclude' ? 'default' : 'primary'} data-testid={`complaint-${x}-${r.no}`} onClick={() => { form.resetFields(); setActing({ c: r, action: x }); }}>{t(ACTION_LABELS[x])}</Button>
                ))}
                <a href={`/api/feedback/complaints/${r.id}/record`} target="_blank" rel="noreferrer">{t('书面记录')}</a>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={registering} title={t('登记投诉')} onOk={register} onCancel={() => setRegistering(false)} okButtonProps={{ 'data-testid': 'complaint-register-ok' } as Record<string, string>} width={640} destroyOnHidden>
        <Form form={reg} layout="vertical" preserve={false} initialValues={{ channel: 'hall', category: 'attitude' }}>
          <Space.Compact block>
            <Form.Item name="channel" label={t('渠道')} rules={[{ required: true }]} style={{ width: '50%' }}>
              <Select options={labelOpts(options.data?.channels, ['portal'])} data-testid="complaint-channel" />
            </Form.Item>
            <Form.Item name="category" label={t('类别')} rules={[{ required: true }]} style={{ width: '50%' }}>
              <Select options={labelOpts(options.data?.categories)} data-testid="complaint-category" />
            </Form.Item>
          </Space.Compact>
          <Form.Item noStyle shouldUpdate={(p, n) => p.channel !== n.channel}>
            {({ getFieldValue }) => String(getFieldValue('channel')).startsWith('hotline') && (
              <Form.Item name="externalRef" label={t('热线工单号')} rules={[{ required: true, message: t('请填写热线工单号') }]}><Input /></Form.Item>
            )}
          </Form.Item>
          <Form.Item name="complainantName" label={t('投诉人')} rules={[{ required: true }]}><Input data-testid="complaint-name" /></Form.Item>
          <Form.Item name="complainantPhone" label={t('联系电话')} rules={[{ required: true }, phoneRule(t, { landline: true })]}><Input data-testid="complaint-phone" /></Form.Item>
          <Form.Item name="departmentId" label={t('被投诉单位')}><Select allowClear options={opts(dir.data?.departments)} data-testid="complaint-dept" /></Form.Item>
          <Form.Item name="content" label={t('投诉内容')} rules={[{ required: true, min: 5 }]}><Input.TextArea rows={3} data-testid="complaint-content" /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!acting} title={acting ? `${t(ACTION_LABELS[acting.action])} · ${acting.c.no}` : ''} onOk={act} onCancel={() => setActing(null)} okButtonProps={{ 'data-testid': 'complaint-action-ok' } as Record<string, string>} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          {(a === 'accept' || a === 'handOver') && (
            <Form.Item name="handlerDepartmentId" label={t('承办单位')} rules={a === 'handOver' ? [{ required: true }] : []}><Select allowClear options={opts(dir.data?.departments)} /></Form.Item>
          )}
          {a === 'handOver' && <Form.Item name="note" label={t('移交说明')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={2} /></Form.Item>}
          {a === 'exclude' && (
            <>
              <Form.Item name="reason" label={t('不予受理理由')} rules={[{ required: true }]}><Select options={labelOpts(options.data?.exclusionReasons)} /></Form.Item>
              <Form.Item name="reply" label={t('书面答复')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={3} /></Form.Item>
            </>
          )}
          {a === 'extend' && <Form.Item name="reason" label={t('延期理由（告知投诉人）')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={2} /></Form.Item>}
          {a === 'resolve' && (
            <>
              <Form.Item name="finding" label={t('核查结论')} rules={[{ required: true }]}>
                <Radio.Group><Radio value="substantiated">{t('属实（记入问责）')}</Radio><Radio value="unfounded">{t('不属实')}</Radio></Radio.Group>
              </Form.Item>
              <Form.Item name="result" label={t('处理结果（告知投诉人）')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={3} /></Form.Item>
              <Form.Item name="unitNotice" label={t('通报被投诉单位')}><Input.TextArea rows={2} /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}

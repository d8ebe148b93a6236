import { useState } from 'react';
import { Button, Card, Checkbox, DatePicker, Form, Image, Input, Modal, Radio, Select, Space, Table, Tag, Upload, type ButtonProps } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, upload } from '../../api/client';
import { useSession } from '../../auth/session';
import { showError, showSuccess } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import type { LedgerRow, MyDay, People, Settings } from './api';
import { isCenterAdmin, isDeptManager } from './access';

const GRADE_COLORS: Record<string, string> = { good: 'green', fair: 'orange', poor: 'red' };
interface Entry { windowId: string; grade: 'good' | 'fair' | 'poor'; failedChecks: string[]; note?: string; photos: { id: string; name: string }[] }

/** Photo upload for one window's entry: images only, through the ordinary uploads. */
function Photos({ value = [], onChange, testId }: { value?: { id: string; name: string }[]; onChange?: (v: { id: string; name: string }[]) => void; testId: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  return (
    <Space wrap>
      <Upload accept=".jpg,.jpeg,.png,image/jpeg,image/png" showUploadList={false} beforeUpload={(file) => {
        setBusy(true);
        upload<{ id: string; name: string }>('/api/files', file).then((f) => onChange?.([...value, f])).catch(showError).finally(() => setBusy(false));
        return false;
      }}>
        <Button size="small" icon={<UploadOutlined />} loading={busy} data-testid={testId}>{t('上传照片')}</Button>
      </Upload>
      {value.map((f) => <Tag key={f.id} closable onClose={() => onChange?.(value.filter((x) => x.id !== f.id))} data-testid={`${testId}-file`}>{f.name}</Tag>)}
    </Space>
  );
}

export function PatrolTab() {
  const t = useT();
  const { user } = useSession();
  const qc = useQueryClient();
  const me = useQuery({ queryKey: ['duty-me'], queryFn: ({ signal }) => api.get<MyDay>('/api/duty/attendance/me', undefined, signal) });
  const [picked, setMonth] = useState<string | null>(null);
  const month = picked ?? me.data?.day.slice(0, 7) ?? '';
  const people = useQuery({ queryKey: ['duty-people'], queryFn: ({ signal }) => api.get<People>('/api/duty/people', undefined, signal) });
  const settings = useQuery({ queryKey: ['duty-settings'], queryFn: ({ signal }) => api.get<Settings>('/api/duty/settings', undefined, signal) });
  const ledger = useQuery({ queryKey: ['duty-ledger', month], enabled: !!month, queryFn: ({ signal }) => api.get<{ items: LedgerRow[] }>('/api/duty/patrols', { month }, signal) });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ kind: 'scheduled' | 'random'; session: 'morning' | 'afternoon'; note?: string; entries: Entry[] }>();
  const canPatrol = isCenterAdmin(user) || user?.role === 'supervisor';
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await api.post('/api/duty/patrols', {
        kind: v.kind, session: v.session, note: v.note ?? '',
        findings: v.entries.map((e) => ({ windowId: e.windowId, grade: e.grade, failedChecks: e.failedChecks ?? [], note: e.note ?? '', photoFileIds: (e.photos ?? []).map((p) => p.id) })),
      });
      showSuccess(t('巡查已记录'));
      setOpen(false);
      await qc.invalidateQueries({ queryKey: ['duty-ledger'] });
    } catch (e) {
      showError(e);
    }
  };
  const rectify = (row: LedgerRow) => {
    let note = '';
    Modal.confirm({
      title: t('整改情况'), content: <Input.TextArea rows={3} onChange={(e) => { note = e.target.value; }} />,
      onOk: async () => {
        try {
          await api.post(`/api/duty/findings/${row.id}/rectify`, { note });
          showSuccess(t('已报整改'));
          await ledger.refetch();
        } catch (e) {
          showError(e);
        }
      },
    });
  };
  return (
    <Card
      title={t('巡查台账')}
      extra={
        <Space wrap>
          <DatePicker picker="month" value={month ? dayjs(`${month}-01`) : null} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} allowClear={false} />
          {canPatrol && <Button type="primary" data-testid="duty-patrol-open" onClick={() => { form.resetFields(); form.setFieldsValue({ kind: 'scheduled', session: 'morning', entries: [{ grade: 'good', failedChecks: [], photos: [] } as unknown as Entry] }); setOpen(true); }}>{t('记录巡查')}</Button>}
          <Button href={`/api/duty/bulletin/${month}`} target="_blank" data-testid="duty-bulletin">{t('月度大厅通报')}</Button>
          <Button href={`/api/duty/bulletin/${month}/xlsx`}>{t('巡查台账（Excel）')}</Button>
          {isCenterAdmin(user) && <Button onClick={async () => { try { await api.post(`/api/duty/bulletin/${month}/issue`); showSuccess(t('通报已印发')); } catch (e) { showError(e); } }}>{t('印发通报')}</Button>}
        </Space>
      }
    >
      <Table
        rowKey="id" size="small" loading={ledger.isLoading} dataSource={ledger.data?.items ?? []} data-testid="duty-ledger"
        columns={[
          { title: t('日期'), render: (_, r) => `${r.day} ${r.session === 'morning' ? t('上午') : t('下午')}` },
          { title: t('方式'), render: (_, r) => (r.kind === 'scheduled' ? t('定时') : t('不定时')) },
          { title: t('窗口'), dataIndex: 'window' },
          { title: t('评定'), render: (_, r) => <Tag color={GRADE_COLORS[r.grade]}>{r.gradeLabel}</Tag> },
          { title: t('问题'), render: (_, r) => [r.failedLabels.join('、'), r.note].filter(Boolean).join('：') || '—' },
          { title: t('照片'), render: (_, r) => <Image.PreviewGroup>{r.photoFileIds.map((f) => <Image key={f} width={48} src={`/api/duty/findings/${r.id}/photos/${f}`} data-testid="duty-ledger-photo" />)}</Image.PreviewGroup> },
          { title: t('整改'), render: (_, r) => r.rectification === 'none' ? '—' : r.rectification === 'rectified' ? <Tag color="green">{t('已整改')}</Tag> : <Tag color={r.overdue ? 'red' : 'orange'}>{t('{d}前整改', { d: r.rectifyDue ?? '' })}</Tag> },
          { title: t('操作'), render: (_, r) => r.rectification === 'open' && (isCenterAdmin(user) || (isDeptManager(user) && user?.departmentId === r.departmentId)) ? <Button size="small" onClick={() => rectify(r)}>{t('报整改')}</Button> : null },
        ]}
      />
      <Modal open={open} width={760} title={t('记录巡查')} onCancel={() => setOpen(false)} onOk={submit} okButtonProps={{ 'data-testid': 'duty-patrol-submit' } as ButtonProps}>
        <Form form={form} layout="vertical">
          <Space>
            <Form.Item name="kind" label={t('方式')}><Select style={{ width: 120 }} options={[{ value: 'scheduled', label: t('定时') }, { value: 'random', label: t('不定时') }]} /></Form.Item>
            <Form.Item name="session" label={t('时段')}><Select style={{ width: 120 }} options={[{ value: 'morning', label: t('上午') }, { value: 'afternoon', label: t('下午') }]} /></Form.Item>
          </Space>
          <Form.List name="entries">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Card key={f.key} size="small" style={{ marginBottom: 8 }} extra={fields.length > 1 && <Button size="small" type="link" onClick={() => remove(f.name)}>{t('删除')}</Button>}>
                    <Form.Item name={[f.name, 'windowId']} label={t('窗口')} rules={[{ required: true, message: t('请选择窗口') }]}>
                      <Select data-testid={`duty-patrol-window-${i}`} showSearch={{ optionFilterProp: 'label' }} options={(people.data?.windows ?? []).map((w) => ({ value: w.id, label: `${t('{n}号', { n: w.number })} ${w.name}` }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'grade']} label={t('评定')}>
                      <Radio.Group data-testid={`duty-patrol-grade-${i}`} options={[{ value: 'good', label: t('好') }, { value: 'fair', label: t('一般') }, { value: 'poor', label: t('较差') }]} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'failedChecks']} label={t('存在问题')}>
                      <Checkbox.Group data-testid={`duty-patrol-checks-${i}`} options={(settings.data?.patrolChecklist ?? []).map((c) => ({ value: c.key, label: c.label }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'note']} label={t('说明')}><Input data-testid={`duty-patrol-note-${i}`} /></Form.Item>
                    <Form.Item name={[f.name, 'photos']} label={t('照片')}><Photos testId={`duty-patrol-photo-${i}`} /></Form.Item>
                  </Card>
                ))}
                <Button onClick={() => add({ grade: 'good', failedChecks: [], photos: [] })}>{t('增加窗口')}</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Card>
  );
}

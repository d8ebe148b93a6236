/**
 * 坐班制度设置 (center admin): how often a department's leader sits at the center, how many
 * missed sittings escalate, and to whom — seed 001's default is weekly half-day sittings and
 * three misses reported to the county's leaders and the discipline commission. The server
 * stores them with the other duty settings (PUT /api/duty/settings, docs/duty.md).
 */
import { useEffect } from 'react';
import { Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { showError, showSuccess } from '../../lib/feedback';
import { useT, zh } from '../../lib/i18n';
import type { MissRecipient, People, Settings } from './api';

const CADENCES = [
  { value: 'weeklyHalfDay', label: zh('每周坐班半天') },
  { value: 'monthlyDay', label: zh('每月现场办公') },
  { value: 'quarterlyHalfDay', label: zh('每季度接待日（半天）') },
];
const KINDS = [
  { value: 'organisation', label: zh('单位（系统外）') },
  { value: 'role', label: zh('本中心及上级中心岗位') },
  { value: 'user', label: zh('指定人员') },
];
const ROLES = [
  { value: 'supervisor', label: zh('监察（纪委监委派驻）') },
  { value: 'centerAdmin', label: zh('中心管理办公室') },
];

type Values = Pick<Settings, 'leaderCadence' | 'leaderDaysPerMonth' | 'missesToEscalate'> & { missRecipients: Partial<MissRecipient & { kind: string }>[] };

/** The form's rows → the settings' recipients (an organisation without an address is kept without one). */
function recipientsOf(rows: Values['missRecipients']): MissRecipient[] {
  return rows.map((r) => {
    if (r.kind === 'role') return { kind: 'role', role: (r as { role: 'supervisor' | 'centerAdmin' }).role };
    if (r.kind === 'user') return { kind: 'user', userId: (r as { userId: string }).userId };
    const o = r as { name?: string; email?: string };
    return { kind: 'organisation', name: (o.name ?? '').trim(), ...(o.email?.trim() ? { email: o.email.trim() } : {}) };
  });
}

export function LeaderSettings({ people }: { people: People | undefined }) {
  const t = useT();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const settings = useQuery({ queryKey: ['duty-settings'], queryFn: ({ signal }) => api.get<Settings>('/api/duty/settings', undefined, signal) });
  const cadence = Form.useWatch('leaderCadence', form);
  useEffect(() => {
    if (settings.data) form.setFieldsValue({ leaderCadence: settings.data.leaderCadence, leaderDaysPerMonth: settings.data.leaderDaysPerMonth, missesToEscalate: settings.data.missesToEscalate, missRecipients: settings.data.missRecipients });
  }, [settings.data, form]);
  const save = async () => {
    const v = await form.validateFields();
    try {
      // The other duty settings go back as they are.
      const current = await api.get<Settings>('/api/duty/settings');
      // (leaderDaysPerMonth is on the form only for the monthly cadence.)
      await api.put('/api/duty/settings', { ...current, leaderCadence: v.leaderCadence, leaderDaysPerMonth: v.leaderDaysPerMonth ?? current.leaderDaysPerMonth, missesToEscalate: v.missesToEscalate, missRecipients: recipientsOf(v.missRecipients ?? []) });
      showSuccess(t('坐班制度设置已保存'));
      await qc.invalidateQueries({ queryKey: ['duty-settings'] });
      await qc.invalidateQueries({ queryKey: ['duty-plans'] });
    } catch (e) {
      showError(e);
    }
  };
  const staff = (people?.people ?? []).map((p) => ({ value: p.id, label: p.displayName }));
  return (
    <Card title={t('坐班制度设置')} data-testid="duty-leader-settings" extra={<Button type="primary" onClick={save} data-testid="duty-leader-settings-save">{t('保存')}</Button>}>
      <Form form={form} layout="vertical">
        <Space wrap size="large" align="start">
          <Form.Item name="leaderCadence" label={t('坐班频次')} rules={[{ required: true }]}>
            <Select style={{ width: 220 }} options={CADENCES.map((c) => ({ value: c.value, label: t(c.label) }))} data-testid="duty-leader-cadence" />
          </Form.Item>
          {cadence === 'monthlyDay' && (
            <Form.Item name="leaderDaysPerMonth" label={t('每月不少于（工作日）')} rules={[{ required: true }]}>
              <InputNumber min={1} max={23} precision={0} />
            </Form.Item>
          )}
          <Form.Item name="missesToEscalate" label={t('连续未履行次数（呈报）')} rules={[{ required: true }]}>
            <InputNumber min={1} max={12} precision={0} data-testid="duty-leader-misses" />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary">{t('连续未履行达到次数的，呈报以下接收方；系统外单位填写电子邮箱的发送邮件，未填写的由中心书面呈报。')}</Typography.Paragraph>
        <Form.List name="missRecipients">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap data-testid={`duty-recipient-${f.name}`}>
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]}>
                    <Select style={{ width: 190 }} options={KINDS.map((k) => ({ value: k.value, label: t(k.label) }))} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const kind = form.getFieldValue(['missRecipients', f.name, 'kind']);
                      if (kind === 'role') return <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: t('请选择岗位') }]}><Select style={{ width: 220 }} options={ROLES.map((r) => ({ value: r.value, label: t(r.label) }))} /></Form.Item>;
                      if (kind === 'user') return <Form.Item name={[f.name, 'userId']} rules={[{ required: true, message: t('请选择人员') }]}><Select showSearch={{ optionFilterProp: 'label' }} style={{ width: 220 }} options={staff} /></Form.Item>;
                      return (
                        <Space align="start">
                          <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('请填写单位名称') }]}>
                            <Input style={{ width: 280 }} maxLength={60} placeholder={t('如：县纪委监委')} data-testid={`duty-recipient-${f.name}-name`} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'email']} rules={[{ type: 'email', message: t('电子邮箱格式不正确') }]}>
                            <Input style={{ width: 220 }} maxLength={120} placeholder={t('电子邮箱（选填）')} data-testid={`duty-recipient-${f.name}-email`} />
                          </Form.Item>
                        </Space>
                      );
                    }}
                  </Form.Item>
                  <Button onClick={() => remove(f.name)} disabled={fields.length <= 1}>{t('删除')}</Button>
                </Space>
              ))}
              <Button onClick={() => add({ kind: 'organisation', name: '' })} data-testid="duty-recipient-add" disabled={fields.length >= 10}>{t('增加接收方')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}

/** 申诉与评优设置: the appeal window in working days and the award rules. */
import { useState } from 'react';
import { Button, Input, InputNumber, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { showError, showSuccess } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import { isAdmin } from './api';

interface SettingsBody { appealDays: number; awards: unknown[] }

export function Settings() {
  const t = useT();
  const { user } = useSession();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['assessment', 'settings'], queryFn: ({ signal }) => api.get<SettingsBody>('/api/assessment/settings', undefined, signal) });
  const [days, setDays] = useState<number | null>(null);
  const [text, setText] = useState<string | null>(null);
  const admin = isAdmin(user);
  if (!q.data) return null;
  const save = async () => {
    let awards: unknown;
    try { awards = JSON.parse(text ?? JSON.stringify(q.data!.awards)); } catch { showError(new Error(t('评优规则不是有效的 JSON'))); return; }
    try { await api.put('/api/assessment/settings', { appealDays: days ?? q.data!.appealDays, awards }); showSuccess(t('已保存')); await qc.invalidateQueries({ queryKey: ['assessment'] }); } catch (e) { showError(e); }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>{t('申诉期限（工作日）')}<InputNumber min={1} max={30} value={days ?? q.data.appealDays} onChange={(v) => setDays(v)} disabled={!admin} data-testid="appeal-days" /></Space>
      <Typography.Text type="secondary">{t('评优规则：考核对象类型、前 N 名、最低得分、本期无违规（可列出须为零的指标）。')}</Typography.Text>
      <Input.TextArea rows={16} value={text ?? JSON.stringify(q.data.awards, null, 2)} onChange={(e) => setText(e.target.value)} disabled={!admin} style={{ fontFamily: 'monospace' }} />
      {admin && <Button type="primary" onClick={save}>{t('保存')}</Button>}
    </Space>
  );
}

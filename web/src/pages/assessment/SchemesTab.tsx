/** 考核方案: the schemes and their versions; a draft is edited as JSON and published. */
import { useState } from 'react';
import { Button, Card, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { showError, showSuccess } from '../../lib/feedback';
import { useT, zh } from '../../lib/i18n';
import { isAdmin, type Scheme } from './api';
import { KINDS, SUBJECTS, ruleText } from './labels';

export function Schemes() {
  const t = useT();
  const { user } = useSession();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['assessment', 'schemes'], queryFn: ({ signal }) => api.get<{ items: Scheme[] }>('/api/assessment/schemes', undefined, signal) });
  const [editing, setEditing] = useState<Scheme | null>(null);
  const [text, setText] = useState('');
  const admin = isAdmin(user);
  const newVersion = async (s: Scheme) => {
    try { const r = await api.post<Scheme>('/api/assessment/schemes', { code: s.code, name: s.name, subjectType: s.subjectType, periodKind: s.periodKind, body: s.body }); await qc.invalidateQueries({ queryKey: ['assessment', 'schemes'] }); setEditing(r); setText(JSON.stringify(r.body, null, 2)); } catch (e) { showError(e); }
  };
  const save = async () => {
    if (!editing) return;
    let body: unknown;
    try { body = JSON.parse(text); } catch { showError(new Error(t('方案内容不是有效的 JSON'))); return; }
    try { await api.put(`/api/assessment/schemes/${editing.id}`, { name: editing.name, body }); showSuccess(t('已保存')); setEditing(null); await qc.invalidateQueries({ queryKey: ['assessment', 'schemes'] }); } catch (e) { showError(e); }
  };
  const publish = async (s: Scheme) => { try { await api.post(`/api/assessment/schemes/${s.id}/publish`); showSuccess(t('已发布')); await qc.invalidateQueries({ queryKey: ['assessment', 'schemes'] }); } catch (e) { showError(e); } };
  const stateTag: Record<string, [string, string]> = { draft: [zh('草稿'), 'default'], published: [zh('现行'), 'green'], superseded: [zh('已替代'), 'default'] };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {(q.data?.items ?? []).map((s) => (
        <Card key={s.id} size="small" title={<Space>{s.name}<Tag>v{s.version}</Tag><Tag color={stateTag[s.state][1]}>{t(stateTag[s.state][0])}</Tag><Tag>{t(SUBJECTS.find(([k]) => k === s.subjectType)![1])}</Tag><Tag>{t(KINDS.find(([k]) => k === s.periodKind)![1])}</Tag></Space>}
          extra={admin && <Space>
            {s.state === 'draft' && <Button size="small" onClick={() => { setEditing(s); setText(JSON.stringify(s.body, null, 2)); }}>{t('编辑')}</Button>}
            {s.state === 'draft' && <Button size="small" type="primary" onClick={() => publish(s)}>{t('发布')}</Button>}
            {s.state === 'published' && <Button size="small" onClick={() => newVersion(s)}>{t('新建版本')}</Button>}
          </Space>}>
          <Typography.Text>{t('基础分 {n} 分', { n: s.body.baseScore })}</Typography.Text>
          <Table size="small" rowKey="key" pagination={false} dataSource={s.body.lines}
            columns={[{ title: t('考核项目'), dataIndex: 'label', render: (v: string) => t(v) }, { title: t('计分规则'), render: (_: unknown, l) => ruleText(t, l.rule) }]} />
        </Card>
      ))}
      <Modal open={!!editing} width={760} title={t('编辑考核方案')} onOk={save} onCancel={() => setEditing(null)} okText={t('保存')} cancelText={t('取消')}>
        <Typography.Paragraph type="secondary">{t('基础分、上下限和各考核项目（指标、计分规则：perUnit 每件、thresholds 分档、target 目标值）。')}</Typography.Paragraph>
        <Input.TextArea rows={20} value={text} onChange={(e) => setText(e.target.value)} style={{ fontFamily: 'monospace' }} />
      </Modal>
    </Space>
  );
}

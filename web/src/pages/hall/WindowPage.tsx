/** 窗口叫号 (window staff): call next, recall, no-show, start, finish, transfer, pause; the queue of the window's categories. */
import { formatTime } from '../../lib/labels';
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { showError } from '../../lib/feedback';
import { useT, zh } from '../../lib/i18n';
import { useHallStream, type Categories, type StaffTicket, type WindowRow, type WindowView } from './api';

const STATE_COLORS: Record<string, string> = { waiting: 'blue', called: 'gold', serving: 'green', done: 'default', noShow: 'red', expired: 'default' };

export function WindowPage() {
  const t = useT();
  const { user } = useSession();
  const qc = useQueryClient();
  const [windowId, setWindowId] = useState<string | null>(user?.windowId ?? null);
  const [transfer, setTransfer] = useState(false);
  const [pausing, setPausing] = useState(false);
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState<{ toCategoryId?: string; toWindowId?: string }>({});
  useEffect(() => { document.title = t('窗口叫号'); }, [t]);

  const windows = useQuery({ queryKey: ['hall', 'windows'], queryFn: () => api.get<{ windows: WindowRow[] }>('/api/hall/windows') });
  useEffect(() => { if (!windowId && windows.data?.windows[0]) setWindowId(windows.data.windows[0].id); }, [windowId, windows.data]);
  const view = useQuery({ queryKey: ['hall', 'window', windowId], queryFn: () => api.get<WindowView>(`/api/hall/windows/${windowId}`), enabled: !!windowId });
  const cats = useQuery({ queryKey: ['hall', 'categories', 'mine'], queryFn: () => api.get<Categories>('/api/hall/categories') });
  const queue = useQuery({ queryKey: ['hall', 'queue'], queryFn: () => api.get<{ tickets: StaffTicket[] }>('/api/hall/tickets', { state: 'waiting,called,serving' }) });
  const refresh = useCallback(() => { void qc.invalidateQueries({ queryKey: ['hall'] }); }, [qc]);
  useHallStream(user?.centerId ?? undefined, () => {}, refresh);

  const act = async (action: string, body: Record<string, unknown> = {}) => {
    try {
      await api.post(`/api/hall/windows/${windowId}/actions/${action}`, body);
      refresh();
      return true;
    } catch (e) { showError(e); return false; }
  };
  const v = view.data;
  const cur = v?.current;
  const mine = new Set(v?.categories.map((c) => c.id) ?? []);
  const catName = new Map((cats.data?.categories ?? []).map((c) => [c.id, `${c.prefix} ${c.name}`]));
  const can = (a: string) => !!cur?.actions?.includes(a);
  // A priority group by its key (elderly …): the center's label for it, in English when it is a standard one.
  const groupName = (key: string | null | undefined) => {
    const label = cats.data?.priorityGroups?.find((g) => g.key === key)?.label;
    if (!label) return key ?? '';
    return t(label) !== label ? t(label) : <span translate="no">{label}</span>;
  };

  return (
    <div className="bs-page" data-testid="window-page">
      <div className="bs-page-head" style={{ display: 'flex', gap: 16, alignItems: 'center' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('窗口叫号')}</Typography.Title>
        <Select style={{ width: 280 }} value={windowId ?? undefined} onChange={setWindowId} data-testid="window-select" disabled={user?.role !== 'centerAdmin' && !!user?.windowId}
          options={(windows.data?.windows ?? []).map((w) => ({ value: w.id, label: <>{t('{n}号', { n: w.number })} <span translate="no">{w.name}</span></> }))} />
        {v?.paused && <Tag color="red" data-testid="window-paused">{t('暂停服务')}：<span translate="no">{v.pauseReason}</span></Tag>}
        {windowId && <a href={`/hall/screen/${windowId}`} target="_blank" rel="noreferrer">{t('窗口屏')}</a>}
      </div>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Card title={t('当前号票')} data-testid="window-current">
            {cur ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('号码')}><span style={{ fontSize: 32, fontWeight: 700 }} data-testid="window-current-number">{cur.number}</span> <Tag color={STATE_COLORS[cur.state]}>{cur.state === 'called' ? t('已叫号') : t('办理中')}</Tag></Descriptions.Item>
                <Descriptions.Item label={t('业务类别')}><span translate="no">{catName.get(cur.categoryId)}</span></Descriptions.Item>
                <Descriptions.Item label={t('叫号次数')}>{t('{n}次（满{m}次可过号）', { n: cur.calls, m: v?.noShowCalls ?? 3 })}</Descriptions.Item>
                {cur.priority > 0 && <Descriptions.Item label={t('优先')}>{cur.priority === 2 ? t('预约签到') : groupName(cur.priorityGroup)}</Descriptions.Item>}
                {cur.idNumber && <Descriptions.Item label={t('身份证号')}>{cur.idNumber}</Descriptions.Item>}
              </Descriptions>
            ) : <Empty description={v?.lastServed ? t('刚办结：{n}', { n: v.lastServed.number }) : t('没有号票')} />}
            <Space wrap style={{ marginTop: 12 }}>
              <Button type="primary" size="large" disabled={!!cur || v?.paused} onClick={() => act('callNext')} data-testid="window-callNext">{t('叫下一位')}</Button>
              <Button disabled={!can('recall')} onClick={() => act('recall')} data-testid="window-recall">{t('重呼')}</Button>
              <Button disabled={!can('start')} onClick={() => act('start')} data-testid="window-start">{t('开始办理')}</Button>
              <Button disabled={!can('finish')} onClick={() => act('finish')} data-testid="window-finish">{t('办结')}</Button>
              <Button danger disabled={!can('skip')} onClick={() => act('skip')} data-testid="window-skip">{t('过号')}</Button>
              <Button disabled={!can('transfer')} onClick={() => setTransfer(true)} data-testid="window-transfer">{t('转移')}</Button>
              {v?.paused
                ? <Button onClick={() => act('resume')} data-testid="window-resume">{t('恢复服务')}</Button>
                : <Button disabled={!!cur} onClick={() => setPausing(true)} data-testid="window-pause">{t('暂停服务')}</Button>}
            </Space>
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card title={t('本窗口业务的排队')} extra={(v?.categories ?? []).map((c) => <Tag key={c.id}>{c.prefix} {t('等候{n}人', { n: c.waiting })}</Tag>)}>
            <Table<StaffTicket> size="small" rowKey="id" pagination={{ pageSize: 15 }} data-testid="window-queue"
              dataSource={(queue.data?.tickets ?? []).filter((x) => mine.has(x.categoryId) || x.state !== 'waiting')}
              columns={[
                { title: t('号码'), dataIndex: 'number' },
                { title: t('业务类别'), dataIndex: 'categoryId', render: (id: string) => <span translate="no">{catName.get(id)}</span> },
                { title: t('状态'), dataIndex: 'state', render: (s: string) => <Tag color={STATE_COLORS[s]}>{t({ waiting: zh('等候中'), called: zh('已叫号'), serving: zh('办理中') }[s] ?? s)}</Tag> },
                { title: t('优先'), dataIndex: 'priority', render: (p: number, r) => (p === 2 ? t('预约') : p === 1 ? groupName(r.priorityGroup) : '') },
                { title: t('取号时间'), dataIndex: 'takenAt', render: (s: string) => formatTime(s) },
              ]} />
          </Card>
        </Col>
      </Row>
      <Modal title={t('转移号票')} open={transfer} onCancel={() => setTransfer(false)} okButtonProps={{ disabled: !target.toCategoryId && !target.toWindowId }}
        onOk={async () => { if (await act('transfer', target)) { setTransfer(false); setTarget({}); } }}>
        <p>{t('转移后号票保留原排队位置。')}</p>
        <Select allowClear style={{ width: '100%', marginBottom: 12 }} placeholder={t('转到业务类别')} value={target.toCategoryId} onChange={(v2) => setTarget((x) => ({ ...x, toCategoryId: v2 }))}
          options={(cats.data?.categories ?? []).map((c) => ({ value: c.id, label: <span translate="no">{`${c.prefix} ${c.name}`}</span> }))} />
        <Select allowClear style={{ width: '100%' }} placeholder={t('转到指定窗口')} value={target.toWindowId} onChange={(v2) => setTarget((x) => ({ ...x, toWindowId: v2 }))}
          options={(windows.data?.windows ?? []).filter((w) => w.id !== windowId).map((w) => ({ value: w.id, label: <>{t('{n}号', { n: w.number })} <span translate="no">{w.name}</span></> }))} />
      </Modal>
      <Modal title={t('暂停服务')} open={pausing} onCancel={() => setPausing(false)} okButtonProps={{ disabled: !reason.trim() }}
        onOk={async () => { if (await act('pause', { reason })) { setPausing(false); setReason(''); } }}>
        <Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('暂停原因（如：临时离岗、系统故障）')} maxLength={200} data-testid="window-pause-reason" />
      </Modal>
    </div>
  );
}

/** 三会一课: record a meeting with attendance (quorum judged on the server), the year's list, missed frequencies per organization. */
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Select, Space, Switch, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { MEETING_KIND_LABELS, MEETINGS_OF, type Compliance, type Meeting, type MeetingKind, type RosterEntry } from '../../api/party';
import { showError } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import { usePartyOrgs } from './usePartyOrgs';

interface MeetingForm { orgId: string; kind: MeetingKind; title: string; heldOn: Dayjs; chair?: string; recorder?: string; place?: string; topic?: string; minutes: string; personnel: boolean }

export function QuorumResult({ m }: { m: Meeting }) {
  const t = useT();
  return (
    <Alert
      type={m.quorumOk ? 'success' : 'error'}
      showIcon
      data-testid="meeting-quorum"
      message={m.quorumOk ? t('到会人数符合规定：应到{e}人，实到{p}人', { e: m.expected ?? 0, p: m.present ?? 0 }) : t('到会人数不足，会议不能有效举行：应到{e}人，实到{p}人', { e: m.expected ?? 0, p: m.present ?? 0 })}
      description={
        <Space direction="vertical" size={0}>
          {m.quorumChecks.map((c) => <span key={c.rule}>{c.ok ? '✓' : '✗'} {c.zh}</span>)}
          <a href={`/api/party/meetings/${m.id}/record`} target="_blank" rel="noreferrer" data-testid="meeting-print">{t('打印会议记录')}</a>
        </Space>
      }
    />
  );
}

function RecordMeeting({ onSaved }: { onSaved: (m: Meeting) => void }) {
  const t = useT();
  const orgs = usePartyOrgs();
  const [form] = Form.useForm<MeetingForm>();
  const orgId = Form.useWatch('orgId', form);
  const kind = Form.useWatch('kind', form);
  const [present, setPresent] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const org = orgs.data?.items.find((o) => o.id === orgId);
  const roster = useQuery({
    enabled: !!orgId && !!kind,
    queryKey: ['party-roster', orgId, kind],
    queryFn: ({ signal }) => api.get<{ items: RosterEntry[] }>('/api/party/meetings/roster', { orgId, kind }, signal),
  });
  const people = roster.data?.items ?? [];
  const save = async (v: MeetingForm) => {
    setBusy(true);
    try {
      const on = v.heldOn.format('YYYY-MM-DD');
      const m = await api.post<Meeting>('/api/party/meetings', {
        orgId: v.orgId, kind: v.kind, title: v.title.trim(), scheduledOn: on, personnel: v.personnel,
        hold: {
          heldOn: on, chair: v.chair ?? '', recorder: v.recorder ?? '', place: v.place ?? '', topic: v.topic ?? '', minutes: v.minutes, personnel: v.personnel,
          attendance: people.map((p) => ({ memberId: p.memberId, present: present.has(p.memberId) })),
        },
      });
      onSaved(m);
      form.resetFields(['title', 'minutes', 'topic']);
      setPresent(new Set());
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<MeetingForm> form={form} layout="vertical" initialValues={{ heldOn: dayjs(), personnel: false }} onFinish={(v) => void save(v)} data-testid="meeting-form">
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="orgId" label={t('党组织')} rules={[{ required: true, message: t('必填') }]}>
            <Select data-testid="meeting-org" onChange={() => { form.setFieldValue('kind', undefined); setPresent(new Set()); }} options={(orgs.data?.items ?? []).filter((o) => o.manage).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="kind" label={t('会议类型')} rules={[{ required: true, message: t('必填') }]}>
            <Select data-testid="meeting-kind" onChange={() => setPresent(new Set())} options={(org ? MEETINGS_OF[org.kind] : []).map((k) => ({ value: k, label: t(MEETING_KIND_LABELS[k]) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('会议名称')} rules={[{ required: true, whitespace: true, message: t('必填') }]}><Input maxLength={200} data-testid="meeting-title" /></Form.Item>
      <Row gutter={12}>
        <Col span={8}><Form.Item name="heldOn" label={t('召开日期')} rules={[{ required: true, message: t('必填') }]}><DatePicker data-testid="meeting-date" /></Form.Item></Col>
        <Col span={8}><Form.Item name="chair" label={t('主持人')}><Input maxLength={50} /></Form.Item></Col>
        <Col span={8}><Form.Item name="recorder" label={t('记录人')}><Input maxLength={50} /></Form.Item></Col>
      </Row>
      <Form.Item name="personnel" label={t('涉及人员调整、组织发展（须2/3以上到会）')} valuePropName="checked"><Switch data-testid="meeting-personnel" /></Form.Item>
      <Form.Item label={t('出席情况（应到{n}人，已勾选{p}人）', { n: people.length, p: present.size })}>
        <Space wrap data-testid="meeting-attendance">
          {people.map((p) => (
            <Checkbox
              key={p.memberId}
              data-testid={`attend-${p.name}`}
              checked={present.has(p.memberId)}
              onChange={(e) => setPresent((s) => { const n = new Set(s); if (e.target.checked) n.add(p.memberId); else n.delete(p.memberId); return n; })}
            >
              {p.name}{p.status === 'probationary' ? `（${t('预备')}）` : ''}
            </Checkbox>
          ))}
          {people.length > 0 && <Button size="small" onClick={() => setPresent(new Set(people.map((p) => p.memberId)))} data-testid="attend-all">{t('全部出席')}</Button>}
        </Space>
      </Form.Item>
      <Form.Item name="topic" label={t('议题')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
      <Form.Item name="minutes" label={t('会议记录')} rules={[{ required: true, whitespace: true, message: t('请填写会议记录') }]}><Input.TextArea rows={4} maxLength={20000} data-testid="meeting-minutes" /></Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="meeting-save">{t('登记会议')}</Button>
    </Form>
  );
}

export function MeetingsTab() {
  const t = useT();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(dayjs().year());
  const [saved, setSaved] = useState<Meeting | null>(null);
  const compliance = useQuery({ queryKey: ['party-compliance', year], queryFn: ({ signal }) => api.get<Compliance>('/api/party/meetings/compliance', { year }, signal) });
  const list = useQuery({ queryKey: ['party-meetings', year], queryFn: ({ signal }) => api.get<{ items: Meeting[] }>('/api/party/meetings', { year }, signal) });
  const years = [0, 1, 2].map((d) => dayjs().year() - d);
  return (
    <Row gutter={16}>
      <Col xs={24} lg={10}>
        <Card size="small" className="bs-section" title={t('登记会议')}>
          {saved && <div style={{ marginBottom: 12 }}><QuorumResult m={saved} /></div>}
          <RecordMeeting onSaved={(m) => { setSaved(m); void queryClient.invalidateQueries({ queryKey: ['party-meetings'] }); void queryClient.invalidateQueries({ queryKey: ['party-compliance'] }); }} />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" className="bs-section" title={t('{y}年会议频次执行情况', { y: year })} extra={<Select value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}` }))} />}>
          <Table
            rowKey="orgId"
            size="small"
            pagination={false}
            dataSource={compliance.data?.items ?? []}
            columns={[
              { title: t('党组织'), dataIndex: 'orgName' },
              { title: t('已召开'), key: 'held', render: (_, o) => o.kinds.map((k) => `${t(k.kindLabel)}（${t(k.frequencyLabel)}）${k.held}`).join('；') },
              {
                title: t('未按期召开'), key: 'missed',
                render: (_, o) => (o.missed.length
                  ? <span data-testid={`missed-${o.orgName}`}>{o.missed.map((x) => <Tag color="red" key={`${x.kind}${x.period}`}>{t(x.kindLabel)} {x.period}</Tag>)}</span>
                  : <Tag color="green">{t('无')}</Tag>),
              },
            ]}
          />
        </Card>
        <Card size="small" className="bs-section" title={t('会议记录')} extra={<Button href={`/api/party/export/meetings.xlsx?year=${year}`}>{t('导出Excel')}</Button>}>
          <Table<Meeting>
            rowKey="id"
            size="small"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={{ pageSize: 15, hideOnSinglePage: true }}
            columns={[
              { title: t('日期'), dataIndex: 'heldOn', width: 100, render: (v: string | null, m) => v ?? m.scheduledOn },
              { title: t('党组织'), dataIndex: 'orgName' },
              { title: t('类型'), dataIndex: 'kindLabel', render: (v: string) => t(v) },
              { title: t('名称'), dataIndex: 'title' },
              { title: t('到会'), key: 'att', render: (_, m) => (m.status === 'held' ? `${m.present ?? '—'}/${m.expected ?? '—'}` : t('未召开')) },
              { title: t('法定人数'), dataIndex: 'quorumOk', render: (v: boolean | null) => (v === null ? '—' : v ? <Tag color="green">{t('符合')}</Tag> : <Tag color="red">{t('不足')}</Tag>) },
              { title: t('记录'), key: 'rec', render: (_, m) => m.status === 'held' && <a href={`/api/party/meetings/${m.id}/record`} target="_blank" rel="noreferrer">{t('打印')}</a> },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

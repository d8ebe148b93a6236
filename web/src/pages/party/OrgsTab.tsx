/** 组织与换届: the committee, branches and groups with their term, officers, members; elections. */
import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { OFFICER_ROLE_LABELS, type OfficerRole, type PartyMember, type PartyOrg } from '../../api/party';
import { useSession } from '../../auth/session';
import { showError, showSuccess } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import { usePartyOrgs } from './usePartyOrgs';

interface ElectionForm { kind: 'general' | 'byElection'; heldOn: Dayjs; seats: number; voters: number; ballots: number; candidates: string }

function ElectionModal({ org, onClose }: { org: PartyOrg; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<ElectionForm>();
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const save = async (v: ElectionForm) => {
    // One candidate a line: 姓名 票数
    const candidates = v.candidates.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
      const [name, votes] = l.split(/[\s,，]+/);
      return { name: name ?? '', votes: Number(votes ?? 0) };
    });
    setBusy(true);
    try {
      const r = await api.post<{ elected: string[]; valid: boolean }>(`/api/party/orgs/${org.id}/elections`, { kind: v.kind, heldOn: v.heldOn.format('YYYY-MM-DD'), seats: v.seats, voters: v.voters, ballots: v.ballots, candidates });
      showSuccess(t('选举结果已登记，当选：{names}', { names: r.elected.join('、') || t('无') }));
      void queryClient.invalidateQueries({ queryKey: ['party-orgs'] });
      onClose();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('登记选举：{org}', { org: org.name })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okText={t('登记')} cancelText={t('取消')}>
      <Form<ElectionForm> form={form} layout="vertical" initialValues={{ kind: 'general' }} onFinish={(v) => void save(v)}>
        <Form.Item name="kind" label={t('类别')}>
          <Radio.Group options={[{ value: 'general', label: t('换届选举') }, { value: 'byElection', label: t('增补选举') }]} />
        </Form.Item>
        <Form.Item name="heldOn" label={t('选举日期')} rules={[{ required: true, message: t('请选择日期') }]}><DatePicker /></Form.Item>
        <Space>
          <Form.Item name="seats" label={t('应选名额')} rules={[{ required: true, message: t('必填') }]}><InputNumber min={1} max={50} /></Form.Item>
          <Form.Item name="voters" label={t('到会有选举权人数')} rules={[{ required: true, message: t('必填') }]}><InputNumber min={0} /></Form.Item>
          <Form.Item name="ballots" label={t('收回选票')} rules={[{ required: true, message: t('必填') }]}><InputNumber min={0} /></Form.Item>
        </Space>
        <Form.Item name="candidates" label={t('候选人及得票（每行：姓名 票数；候选人须比应选名额多20%以上）')} rules={[{ required: true, message: t('必填') }]}>
          <Input.TextArea rows={6} placeholder={t('李雪梅 20\n张婷 18')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OfficerModal({ org, onClose }: { org: PartyOrg; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ memberId: string; role: OfficerRole; fromOn: Dayjs }>();
  const queryClient = useQueryClient();
  const members = useQuery({ queryKey: ['party-members', 'full'], queryFn: ({ signal }) => api.get<{ items: PartyMember[] }>('/api/party/members', { status: 'full' }, signal) });
  const roles = (Object.keys(OFFICER_ROLE_LABELS) as OfficerRole[]).filter((r) => (r === 'groupLeader') === (org.kind === 'group'));
  const save = async (v: { memberId: string; role: OfficerRole; fromOn: Dayjs }) => {
    try {
      await api.post(`/api/party/orgs/${org.id}/officers`, { memberId: v.memberId, role: v.role, fromOn: v.fromOn.format('YYYY-MM-DD') });
      showSuccess(t('已任命'));
      void queryClient.invalidateQueries({ queryKey: ['party-orgs'] });
      onClose();
    } catch (e) {
      showError(e);
    }
  };
  const end = async (id: string) => {
    try {
      await api.post(`/api/party/officers/${id}/end`, { toOn: dayjs().format('YYYY-MM-DD') });
      void queryClient.invalidateQueries({ queryKey: ['party-orgs'] });
      onClose();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Modal open title={t('委员任职：{org}', { org: org.name })} onCancel={onClose} onOk={() => form.submit()} okText={t('任命')} cancelText={t('取消')}>
      <Space direction="vertical" style={{ marginBottom: 12 }}>
        {org.officers.map((o) => <span key={o.id}>{o.roleLabel} {o.name}{t('（{d}起）', { d: o.fromOn })} <a onClick={() => void end(o.id)}>{t('免职')}</a></span>)}
      </Space>
      <Form form={form} layout="vertical" initialValues={{ fromOn: dayjs(), role: roles[0] }} onFinish={(v) => void save(v)}>
        <Form.Item name="memberId" label={t('正式党员')} rules={[{ required: true, message: t('必填') }]}>
          <Select showSearch optionFilterProp="label" options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.branchName ?? ''}）` }))} />
        </Form.Item>
        <Form.Item name="role" label={t('职务')}><Select options={roles.map((r) => ({ value: r, label: t(OFFICER_ROLE_LABELS[r]) }))} /></Form.Item>
        <Form.Item name="fromOn" label={t('任职日期')}><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}

export function OrgsTab() {
  const t = useT();
  const { user } = useSession();
  const orgs = usePartyOrgs();
  const [electing, setElecting] = useState<PartyOrg | null>(null);
  const [appointing, setAppointing] = useState<PartyOrg | null>(null);
  const isSecretary = user?.role === 'partySecretary';
  return (
    <Card size="small" className="bs-section" title={t('党组织（机关党委每届4年，党支部每届2年；届满前{n}天提醒）', { n: orgs.data?.termAlertDays ?? 90 })}>
      <Table<PartyOrg>
        rowKey="id"
        size="small"
        loading={orgs.isFetching}
        dataSource={orgs.data?.items ?? []}
        pagination={false}
        data-testid="party-orgs"
        columns={[
          { title: t('名称'), dataIndex: 'name', render: (v: string, o) => <span style={{ paddingLeft: o.kind === 'committee' ? 0 : o.kind === 'branch' ? 16 : 32 }}>{v}</span> },
          { title: t('类别'), dataIndex: 'kindLabel', width: 90 },
          {
            title: t('本届任期'), key: 'term', width: 260,
            render: (_, o) => o.term ? (
              <Space>
                <span>{o.term.startOn} ~ {o.term.endOn}</span>
                {o.term.state === 'dueSoon' && <Tag color="orange" data-testid={`term-alert-${o.id}`}>{t('{n}天后届满', { n: o.term.daysLeft })}</Tag>}
                {o.term.state === 'expired' && <Tag color="red" data-testid={`term-alert-${o.id}`}>{t('已届满')}</Tag>}
              </Space>
            ) : '—',
          },
          { title: t('委员'), key: 'officers', render: (_, o) => o.officers.map((x) => `${x.roleLabel} ${x.name}`).join('；') || '—' },
          { title: t('党员'), dataIndex: 'members', width: 60 },
          { title: t('预备党员'), dataIndex: 'probationary', width: 80 },
          { title: t('发展中'), dataIndex: 'pipeline', width: 70 },
          ...(isSecretary ? [{
            title: t('操作'), key: 'ops', width: 180,
            render: (_: unknown, o: PartyOrg) => (
              <Space>
                <Button size="small" onClick={() => setAppointing(o)}>{t('委员任职')}</Button>
                {o.kind !== 'group' && <Button size="small" onClick={() => setElecting(o)}>{t('登记选举')}</Button>}
              </Space>
            ),
          }] : []),
        ]}
      />
      {electing && <ElectionModal org={electing} onClose={() => setElecting(null)} />}
      {appointing && <OfficerModal org={appointing} onClose={() => setAppointing(null)} />}
    </Card>
  );
}

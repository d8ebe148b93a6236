/** 党员与发展: the roll and the pipeline; every step dated and checked on the server (refusals name the rule). */
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Drawer, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Timeline } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, api } from '../../api/client';
import { MEMBER_STATUS_LABELS, type Meeting, type MemberRecord, type MemberStatus, type PartyMember, type PipelineAction } from '../../api/party';
import { showError, showSuccess } from '../../lib/feedback';
import { useT, zh } from '../../lib/i18n';
import { usePartyOrgs } from './usePartyOrgs';

const STATUS_COLORS: Partial<Record<MemberStatus, string>> = { applicant: 'default', activist: 'cyan', developmentTarget: 'blue', probationary: 'orange', full: 'red', retired: 'purple' };

interface StepForm { on: Dayjs; contacts?: string; introducers?: string; months?: number; meetingId?: string; to?: string; note?: string }

function StepModal({ member, action, label, onClose }: { member: PartyMember; action: PipelineAction; label: string; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<StepForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const needsVote = action === 'admit' || action === 'confirm';
  const meetings = useQuery({
    enabled: needsVote,
    queryKey: ['party-meetings', member.branchId, 'assemblies'],
    queryFn: ({ signal }) => api.get<{ items: Meeting[] }>('/api/party/meetings', { orgId: member.branchId }, signal),
  });
  const list = (s?: string) => (s ?? '').split(/[、,，\s]+/).map((x) => x.trim()).filter(Boolean);
  const save = async (v: StepForm) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/party/members/${member.id}/steps`, {
        action, on: v.on.format('YYYY-MM-DD'), version: member.version,
        ...(action === 'becomeActivist' ? { contacts: list(v.contacts) } : {}),
        ...(action === 'admit' ? { introducers: list(v.introducers) } : {}),
        ...(action === 'extendProbation' ? { months: v.months } : {}),
        ...(needsVote && v.meetingId ? { meetingId: v.meetingId } : {}),
        ...(v.to ? { to: v.to } : {}), ...(v.note ? { note: v.note } : {}),
      });
      showSuccess(t('已办理：{step}', { step: label }));
      void queryClient.invalidateQueries({ queryKey: ['party-members'] });
      void queryClient.invalidateQueries({ queryKey: ['party-member', member.id] });
      onClose();
    } catch (e) {
      if (e instanceof ApiError) setError(e.display);
      else showError(e);
    } finally {
      setBusy(false);
    }
  };
  const assemblies = (meetings.data?.items ?? []).filter((m) => m.kind === 'branchAssembly' && m.status === 'held' && m.resolutions.some((r) => r.kind === (action === 'admit' ? 'admission' : 'confirmation')));
  return (
    <Modal open title={`${label}：${member.name}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okText={t('办理')} cancelText={t('取消')} okButtonProps={{ 'data-testid': 'step-submit' } as Record<string, string>}>
      {error && <Alert type="error" showIcon message={error} data-testid="step-error" style={{ marginBottom: 12 }} />}
      <Form<StepForm> form={form} layout="vertical" initialValues={{ on: dayjs() }} onFinish={(v) => void save(v)}>
        <Form.Item name="on" label={t('办理日期')} rules={[{ required: true, message: t('请选择日期') }]}><DatePicker data-testid="step-date" /></Form.Item>
        {action === 'becomeActivist' && <Form.Item name="contacts" label={t('培养联系人（两名正式党员，用顿号分隔）')} rules={[{ required: true, message: t('必填') }]}><Input data-testid="step-contacts" /></Form.Item>}
        {action === 'admit' && <Form.Item name="introducers" label={t('入党介绍人（两名，用顿号分隔）')} rules={[{ required: true, message: t('必填') }]}><Input data-testid="step-introducers" /></Form.Item>}
        {action === 'extendProbation' && <Form.Item name="months" label={t('延长月数（6至12个月）')} rules={[{ required: true, message: t('必填') }]}><InputNumber min={1} max={24} /></Form.Item>}
        {needsVote && (
          <Form.Item name="meetingId" label={t('表决的支部党员大会')}>
            <Select allowClear options={assemblies.map((m) => ({ value: m.id, label: `${m.heldOn} ${m.title}` }))} placeholder={t('选择已召开的支部党员大会')} />
          </Form.Item>
        )}
        {action === 'transferOut' && <Form.Item name="to" label={t('转往单位党组织')} rules={[{ required: true, message: t('必填') }]}><Input /></Form.Item>}
        <Form.Item name="note" label={t('备注')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
      </Form>
    </Modal>
  );
}

function MemberDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const rec = useQuery({ queryKey: ['party-member', id], queryFn: ({ signal }) => api.get<MemberRecord>(`/api/party/members/${id}`, undefined, signal) });
  const [step, setStep] = useState<{ action: PipelineAction; label: string } | null>(null);
  const m = rec.data?.member;
  return (
    <Drawer open width={560} title={m ? `${m.name}（${m.statusLabel}）` : t('党员档案')} onClose={onClose} data-testid="member-drawer">
      {m && (
        <>
          <p>{t('所在支部')}：{m.branchName}{m.groupName ? ` · ${m.groupName}` : ''}　{t('职务')}：{m.post || '—'}{m.deputyDivision ? `（${t('副处级以上')}）` : ''}</p>
          {m.probationEndsOn && <p>{t('预备期满')}：{m.probationEndsOn}{m.extensionMonths ? t('（已延长{n}个月）', { n: m.extensionMonths }) : ''}</p>}
          {m.contacts.length > 0 && <p>{t('培养联系人')}：{m.contacts.join('、')}</p>}
          {m.exams.length > 0 && <p>{t('半年考察')}：{m.exams.join('、')}</p>}
          {m.trainings.length > 0 && <p>{t('集中培训')}：{m.trainings.join('、')}</p>}
          {rec.data?.mayManage && m.actions.length > 0 && (
            <Space wrap style={{ marginBottom: 16 }}>
              {m.actions.map((a) => <Button key={a.action} size="small" onClick={() => setStep(a)} data-testid={`step-${a.action}`}>{a.label}</Button>)}
            </Space>
          )}
          <Timeline items={(rec.data?.events ?? []).map((e) => ({ children: `${e.on} ${e.label}${e.detail?.note ? `：${String(e.detail.note)}` : ''}` }))} />
        </>
      )}
      {m && step && <StepModal member={m} action={step.action} label={step.label} onClose={() => setStep(null)} />}
    </Drawer>
  );
}

/** Stored as written in the party's own forms. */
const MALE = zh('男');
const FEMALE = zh('女');

interface RegisterForm { kind: 'apply' | 'transferIn'; branchId: string; name: string; gender: string; appliedOn: Dayjs; post?: string; from?: string; status?: 'probationary' | 'full'; probationOn?: Dayjs; fullOn?: Dayjs }

function RegisterModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const orgs = usePartyOrgs();
  const [form] = Form.useForm<RegisterForm>();
  const queryClient = useQueryClient();
  const kind = Form.useWatch('kind', form);
  const status = Form.useWatch('status', form);
  const save = async (v: RegisterForm) => {
    try {
      const d = (x?: Dayjs) => x?.format('YYYY-MM-DD');
      await api.post('/api/party/members', {
        branchId: v.branchId, name: v.name.trim(), gender: v.gender, post: v.post ?? '',
        ...(v.kind === 'transferIn'
          ? { transferIn: { on: d(v.appliedOn), from: (v.from ?? '').trim(), status: v.status ?? 'full', probationOn: d(v.probationOn), fullOn: v.status === 'full' ? d(v.fullOn) : null } }
          : { appliedOn: d(v.appliedOn) }),
      });
      showSuccess(v.kind === 'transferIn' ? t('组织关系转入已登记') : t('入党申请已登记'));
      void queryClient.invalidateQueries({ queryKey: ['party-members'] });
      onClose();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Modal open title={t('登记入党申请 / 组织关系转入')} onCancel={onClose} onOk={() => form.submit()} okText={t('登记')} cancelText={t('取消')}>
      <Form<RegisterForm> form={form} layout="vertical" initialValues={{ kind: 'apply', gender: MALE, appliedOn: dayjs(), status: 'full' }} onFinish={(v) => void save(v)}>
        <Form.Item name="kind"><Radio.Group options={[{ value: 'apply', label: t('入党申请') }, { value: 'transferIn', label: t('组织关系转入') }]} /></Form.Item>
        <Form.Item name="branchId" label={t('党支部')} rules={[{ required: true, message: t('必填') }]}>
          <Select options={(orgs.data?.items ?? []).filter((o) => o.kind === 'branch' && o.manage).map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="name" label={t('姓名')} rules={[{ required: true, whitespace: true, message: t('必填') }]}><Input maxLength={50} /></Form.Item>
        <Form.Item name="gender" label={t('性别')}><Radio.Group options={[{ value: MALE, label: t(MALE) }, { value: FEMALE, label: t(FEMALE) }]} /></Form.Item>
        <Form.Item name="post" label={t('工作岗位')}><Input maxLength={100} /></Form.Item>
        <Form.Item name="appliedOn" label={kind === 'transferIn' ? t('转入日期') : t('递交申请日期')} rules={[{ required: true, message: t('必填') }]}><DatePicker /></Form.Item>
        {kind === 'transferIn' && (
          <>
            <Form.Item name="from" label={t('转出单位党组织')} rules={[{ required: true, whitespace: true, message: t('必填') }]}><Input maxLength={200} /></Form.Item>
            <Form.Item name="status" label={t('身份')}><Radio.Group options={[{ value: 'full', label: t('正式党员') }, { value: 'probationary', label: t('预备党员') }]} /></Form.Item>
            <Form.Item name="probationOn" label={t('入党日期')} rules={[{ required: true, message: t('必填') }]}><DatePicker /></Form.Item>
            {status === 'full' && <Form.Item name="fullOn" label={t('转正日期')} rules={[{ required: true, message: t('必填') }]}><DatePicker /></Form.Item>}
          </>
        )}
      </Form>
    </Modal>
  );
}

export function MembersTab() {
  const t = useT();
  const [status, setStatus] = useState<MemberStatus | undefined>();
  const [open, setOpen] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const list = useQuery({ queryKey: ['party-members', status], queryFn: ({ signal }) => api.get<{ items: PartyMember[] }>('/api/party/members', { status }, signal) });
  return (
    <Card
      size="small"
      className="bs-section"
      title={t('党员与发展对象')}
      extra={
        <Space>
          <Select allowClear placeholder={t('按身份筛选')} style={{ width: 160 }} value={status} onChange={setStatus} options={Object.entries(MEMBER_STATUS_LABELS).map(([value, label]) => ({ value, label: t(label) }))} />
          <Button onClick={() => setRegistering(true)}>{t('登记入党申请 / 转入')}</Button>
          <Button href="/api/party/export/members.xlsx" data-testid="export-members">{t('导出Excel')}</Button>
        </Space>
      }
    >
      <Table<PartyMember>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('姓名'), dataIndex: 'name', render: (v: string, m) => <a onClick={() => setOpen(m.id)} data-testid={`member-${v}`}>{v}</a> },
          { title: t('支部'), dataIndex: 'branchName' },
          { title: t('党小组'), dataIndex: 'groupName', render: (v: string | null) => v ?? '—' },
          { title: t('身份'), dataIndex: 'statusLabel', render: (v: string, m) => <Tag color={STATUS_COLORS[m.status]}>{t(v)}</Tag> },
          { title: t('入党日期'), dataIndex: 'probationOn', render: (v: string | null) => v ?? '—' },
          { title: t('预备期满'), dataIndex: 'probationEndsOn', render: (v: string | null) => v ?? '—' },
          { title: t('岗位'), dataIndex: 'post' },
          { title: t('电话'), dataIndex: 'phone' },
        ]}
      />
      {open && <MemberDrawer id={open} onClose={() => setOpen(null)} />}
      {registering && <RegisterModal onClose={() => setRegistering(false)} />}
    </Card>
  );
}

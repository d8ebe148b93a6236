import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Upload } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, upload } from '../../api/client';
import { useSession } from '../../auth/session';
import { showError, showSuccess } from '../../lib/feedback';
import { useT, zh } from '../../lib/i18n';
import type { People } from './api';
import { isCenterAdmin, isDeptManager } from './access';
import type dayjs from 'dayjs';

interface PostRow { id: string; number: number; name: string; departmentId: string | null; posts: { id: string; post: string; userId: string; displayName: string; fromDate: string; attendanceExempt: boolean; badge: { number: string; title: string } | null }[] }
interface Change { id: string; kind: string; window: string; post: string; outName: string | null; inName: string | null; effectiveOn: string; reason: string; stateLabel: string; department: string; actions: string[] }
interface Leave { id: string; name: string; kind: string; fromDate: string; toDate: string; reason: string; state: string; stateLabel: string; actions: string[] }

const POST: Record<string, string> = { A: zh('A岗'), B: zh('B岗'), supplementary: zh('补充岗') };
const KIND: Record<string, string> = { add: zh('增加'), remove: zh('撤出'), replace: zh('更换') };
const LEAVE_KIND: Record<string, string> = { personal: zh('事假'), sick: zh('病假'), official: zh('公出'), annual: zh('年休假') };
const ACTION: Record<string, string> = { approve: zh('批准'), reject: zh('驳回'), withdraw: zh('撤回'), deptApprove: zh('部门同意'), cancel: zh('撤销') };

export function StaffTab() {
  const t = useT();
  const { user } = useSession();
  const qc = useQueryClient();
  const posts = useQuery({ queryKey: ['duty-posts'], queryFn: ({ signal }) => api.get<{ windows: PostRow[] }>('/api/duty/posts', undefined, signal) });
  const changes = useQuery({ queryKey: ['duty-changes'], enabled: isCenterAdmin(user) || isDeptManager(user), queryFn: ({ signal }) => api.get<{ items: Change[] }>('/api/duty/staff-changes', undefined, signal) });
  const leave = useQuery({ queryKey: ['duty-leave'], queryFn: ({ signal }) => api.get<{ items: Leave[] }>('/api/duty/leave', undefined, signal) });
  const people = useQuery({ queryKey: ['duty-people'], queryFn: ({ signal }) => api.get<People>('/api/duty/people', undefined, signal) });
  const [leaveOpen, setLeaveOpen] = useState(false);
  const [changeOpen, setChangeOpen] = useState(false);
  const [leaveForm] = Form.useForm<{ kind: string; range: [dayjs.Dayjs, dayjs.Dayjs]; reason: string }>();
  const [changeForm] = Form.useForm<{ kind: string; windowId: string; post: string; outUserId?: string; inUserId?: string; effectiveOn: dayjs.Dayjs; reason: string }>();
  const act = async (url: string) => {
    try {
      await api.post(url, {});
      showSuccess(t('操作成功'));
      await qc.invalidateQueries({ queryKey: ['duty-changes'] });
      await qc.invalidateQueries({ queryKey: ['duty-leave'] });
      await qc.invalidateQueries({ queryKey: ['duty-posts'] });
    } catch (e) {
      showError(e);
    }
  };
  const deptPeople = (people.data?.people ?? []).filter((p) => p.departmentId === user?.departmentId);
  const rosters = useQuery({ queryKey: ['duty-rosters'], queryFn: ({ signal }) => api.get<{ items: { id: string; day: string; fromTime: string; toTime: string; kind: string; name: string }[] }>('/api/duty/rosters', undefined, signal) });
  const [rosterOpen, setRosterOpen] = useState(false);
  const [badgeFor, setBadgeFor] = useState<PostRow['posts'][number] | null>(null);
  const [badgeForm] = Form.useForm<{ number: string; title: string }>();
  const [badgePhoto, setBadgePhoto] = useState<string | null>(null);
  const [rosterForm] = Form.useForm<{ userId: string; day: dayjs.Dayjs; fromTime: string; toTime: string; kind: string }>();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('窗口岗位（AB岗）')}>
        <Table rowKey="id" size="small" loading={posts.isLoading} dataSource={posts.data?.windows ?? []} pagination={false}
          columns={[
            { title: t('窗口'), render: (_, w) => `${t('{n}号', { n: w.number })} ${w.name}` },
            { title: t('岗位人员'), render: (_, w) => w.posts.length ? w.posts.map((p) => <Tag key={p.id} data-testid="duty-post-tag" style={{ cursor: isCenterAdmin(user) ? 'pointer' : undefined }} onClick={() => { if (!isCenterAdmin(user)) return; badgeForm.setFieldsValue({ number: p.badge?.number ?? '', title: p.badge?.title ?? '' }); setBadgePhoto(null); setBadgeFor(p); }}>{t(POST[p.post] ?? p.post)} {p.displayName}{p.badge ? ` · ${p.badge.number}` : ''}{p.attendanceExempt ? ` · ${t('免考勤')}` : ''}</Tag>) : <Tag color="red">{t('未设岗位')}</Tag> },
          ]} />
      </Card>
      {(isCenterAdmin(user) || isDeptManager(user)) && (
        <Card title={t('人员变更申请')} extra={isDeptManager(user) && <Button onClick={() => { changeForm.resetFields(); setChangeOpen(true); }}>{t('提出变更申请')}</Button>}>
          <Table rowKey="id" size="small" dataSource={changes.data?.items ?? []} pagination={false}
            columns={[
              { title: t('部门'), dataIndex: 'department' },
              { title: t('变更'), render: (_, c) => `${t(KIND[c.kind] ?? c.kind)} ${c.window} ${t(POST[c.post] ?? c.post)}：${c.outName ?? ''}${c.outName && c.inName ? ' → ' : ''}${c.inName ?? ''}` },
              { title: t('生效日期'), dataIndex: 'effectiveOn' },
              { title: t('理由'), dataIndex: 'reason' },
              { title: t('状态'), render: (_, c) => <Tag>{t(c.stateLabel)}</Tag> },
              { title: t('操作'), render: (_, c) => <Space>{c.actions.map((a) => <Button size="small" key={a} onClick={() => act(`/api/duty/staff-changes/${c.id}/${a}`)}>{t(ACTION[a] ?? a)}</Button>)}</Space> },
            ]} />
        </Card>
      )}
      <Card title={t('请假')} extra={<Button onClick={() => { leaveForm.resetFields(); setLeaveOpen(true); }} data-testid="duty-leave-open">{t('请假申请')}</Button>}>
        <Table rowKey="id" size="small" dataSource={leave.data?.items ?? []} pagination={false}
          columns={[
            { title: t('姓名'), dataIndex: 'name' },
            { title: t('类别'), render: (_, l) => t(LEAVE_KIND[l.kind] ?? l.kind) },
            { title: t('日期'), render: (_, l) => `${l.fromDate} ~ ${l.toDate}` },
            { title: t('事由'), dataIndex: 'reason' },
            { title: t('状态'), render: (_, l) => <Tag>{t(l.stateLabel)}</Tag> },
            { title: t('操作'), render: (_, l) => <Space>{l.actions.map((a) => <Button size="small" key={a} onClick={() => act(`/api/duty/leave/${l.id}/${a}`)}>{t(ACTION[a] ?? a)}</Button>)}</Space> },
          ]} />
      </Card>
      <Card title={t('延时及周末值班')} extra={isCenterAdmin(user) && <Button onClick={() => { rosterForm.resetFields(); setRosterOpen(true); }}>{t('安排值班')}</Button>}>
        <Table rowKey="id" size="small" dataSource={rosters.data?.items ?? []} pagination={false}
          columns={[
            { title: t('日期'), dataIndex: 'day' },
            { title: t('时段'), render: (_, r) => `${r.fromTime}-${r.toTime}` },
            { title: t('类别'), render: (_, r) => (r.kind === 'weekend' ? t('周末值班') : t('延时服务')) },
            { title: t('姓名'), dataIndex: 'name' },
          ]} />
      </Card>
      <Modal open={rosterOpen} title={t('安排值班')} onCancel={() => setRosterOpen(false)} onOk={async () => {
        const v = await rosterForm.validateFields();
        try {
          await api.post('/api/duty/rosters', { ...v, day: v.day.format('YYYY-MM-DD') });
          showSuccess(t('操作成功'));
          setRosterOpen(false);
          await rosters.refetch();
        } catch (e) {
          showError(e);
        }
      }}>
        <Form form={rosterForm} layout="vertical" initialValues={{ kind: 'extended', fromTime: '12:00', toTime: '13:30' }}>
          <Form.Item name="userId" label={t('姓名')} rules={[{ required: true, message: t('请选择人员') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={(people.data?.people ?? []).map((p) => ({ value: p.id, label: p.displayName }))} />
          </Form.Item>
          <Form.Item name="day" label={t('日期')} rules={[{ required: true, message: t('请选择日期') }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Space>
            <Form.Item name="fromTime" label={t('开始')} rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:MM' }]}><Input style={{ width: 100 }} /></Form.Item>
            <Form.Item name="toTime" label={t('结束')} rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:MM' }]}><Input style={{ width: 100 }} /></Form.Item>
            <Form.Item name="kind" label={t('类别')}><Select style={{ width: 140 }} options={[{ value: 'extended', label: t('延时服务') }, { value: 'weekend', label: t('周末值班') }]} /></Form.Item>
          </Space>
        </Form>
      </Modal>
      <Modal open={!!badgeFor} title={t('工作牌：{n}', { n: badgeFor?.displayName ?? '' })} onCancel={() => setBadgeFor(null)} onOk={async () => {
        const v = await badgeForm.validateFields();
        try {
          await api.put(`/api/duty/badges/${badgeFor!.userId}`, { number: v.number, title: v.title ?? '', ...(badgePhoto ? { photoFileId: badgePhoto } : {}) });
          showSuccess(t('操作成功'));
          setBadgeFor(null);
          await posts.refetch();
        } catch (e) {
          showError(e);
        }
      }}>
        <Form form={badgeForm} layout="vertical">
          <Form.Item name="number" label={t('工号')} rules={[{ required: true, pattern: /^[A-Za-z0-9-]{1,20}$/, message: t('工号为字母、数字或连字符') }]}><Input /></Form.Item>
          <Form.Item name="title" label={t('职务')}><Input maxLength={40} /></Form.Item>
          <Form.Item label={t('照片')}>
            <Upload accept=".jpg,.jpeg,.png,image/jpeg,image/png" maxCount={1} beforeUpload={(file) => {
              upload<{ id: string }>('/api/files', file).then((f) => setBadgePhoto(f.id)).catch(showError);
              return false;
            }}><Button>{t('上传照片')}</Button></Upload>
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={leaveOpen} title={t('请假申请')} onCancel={() => setLeaveOpen(false)} onOk={async () => {
        const v = await leaveForm.validateFields();
        try {
          await api.post('/api/duty/leave', { kind: v.kind, fromDate: v.range[0].format('YYYY-MM-DD'), toDate: v.range[1].format('YYYY-MM-DD'), reason: v.reason });
          showSuccess(t('已提交，待部门审批'));
          setLeaveOpen(false);
          await leave.refetch();
        } catch (e) {
          showError(e);
        }
      }}>
        <Form form={leaveForm} layout="vertical" initialValues={{ kind: 'personal' }}>
          <Form.Item name="kind" label={t('类别')}><Select options={Object.entries(LEAVE_KIND).map(([value, label]) => ({ value, label: t(label) }))} /></Form.Item>
          <Form.Item name="range" label={t('日期')} rules={[{ required: true, message: t('请选择日期') }]}><DatePicker.RangePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="reason" label={t('事由')} rules={[{ required: true, message: t('请填写事由') }]}><Input.TextArea rows={3} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={changeOpen} title={t('人员变更申请')} onCancel={() => setChangeOpen(false)} onOk={async () => {
        const v = await changeForm.validateFields();
        try {
          await api.post('/api/duty/staff-changes', { ...v, effectiveOn: v.effectiveOn.format('YYYY-MM-DD') });
          showSuccess(t('已提交，待中心审批'));
          setChangeOpen(false);
          await changes.refetch();
        } catch (e) {
          showError(e);
        }
      }}>
        <Form form={changeForm} layout="vertical" initialValues={{ kind: 'replace', post: 'A' }}>
          <Form.Item name="kind" label={t('变更类型')}><Select options={Object.entries(KIND).map(([value, label]) => ({ value, label: t(label) }))} /></Form.Item>
          <Form.Item name="windowId" label={t('窗口')} rules={[{ required: true, message: t('请选择窗口') }]}>
            <Select options={(people.data?.windows ?? []).filter((w) => w.departmentId === user?.departmentId).map((w) => ({ value: w.id, label: `${t('{n}号', { n: w.number })} ${w.name}` }))} />
          </Form.Item>
          <Form.Item name="post" label={t('岗位')}><Select options={Object.entries(POST).map(([value, label]) => ({ value, label: t(label) }))} /></Form.Item>
          <Form.Item name="outUserId" label={t('离岗人员')}><Select allowClear options={deptPeople.map((p) => ({ value: p.id, label: p.displayName }))} /></Form.Item>
          <Form.Item name="inUserId" label={t('进驻人员')}><Select allowClear options={deptPeople.map((p) => ({ value: p.id, label: p.displayName }))} /></Form.Item>
          <Form.Item name="effectiveOn" label={t('生效日期')} rules={[{ required: true, message: t('请选择日期') }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="reason" label={t('理由')} rules={[{ required: true, message: t('请填写理由') }]}><Input.TextArea rows={3} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

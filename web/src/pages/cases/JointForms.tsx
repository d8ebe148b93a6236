/**
 * The joint-approval (联办) and green-channel (绿色通道) action forms, used by ActionModal:
 * initial values, the request body, and the fields. Bodies as in docs/api.md.
 */
import { Checkbox, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CaseView, StaffMember, UploadedFile } from '../../api/cases';
import type { Me } from '../../api/types';
import { MaterialUpload } from '../../components/MaterialUpload';
import { errorText } from '../../lib/feedback';
import { OPINIONS, type CaseAction } from '../../../../src/cases/types';
import { OPINION_LABELS } from '../../lib/labels';
import { staffQuery } from './staffQuery';
import { useT } from '../../lib/i18n';

type Values = Record<string, unknown>;
export const JOINT_ACTIONS = new Set<CaseAction>(['assignPart', 'giveOpinion', 'callMeeting', 'recordMeeting', 'appointCoordinator']);

const text = (v: unknown) => String(v ?? '').trim();
const list = (x: unknown) => (Array.isArray(x) ? (x as string[]) : []);

/** Departments a meeting may invite: the lead and the participants. */
const departmentsOf = (c: CaseView) => [c.department, ...(c.participants ?? []).map((p) => p.department)];
const openMeeting = (c: CaseView) => (c.meetings ?? []).find((m) => !m.held) ?? null;
const isParticipant = (c: CaseView, deptId: string) => (c.participants ?? []).some((p) => p.department.id === deptId);

/** Tomorrow 09:00 local time, as the datetime-local input wants it. */
function tomorrowAtNine(): string {
  const d = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:00`;
}

export function jointInitialValues(action: CaseAction, c: CaseView): Values {
  switch (action) {
    case 'giveOpinion':
      return { opinion: 'agree', text: '' };
    case 'callMeeting':
      return { at: tomorrowAtNine(), place: '', agenda: '', invitees: departmentsOf(c).map((d) => d.id) };
    case 'recordMeeting': {
      const m = openMeeting(c);
      return { attended: m?.invitees.map((d) => d.id) ?? [], minutes: '' };
    }
    default:
      return {};
  }
}

export function jointBody(action: CaseAction, v: Values, c: CaseView, files: Record<string, UploadedFile | null>): Record<string, unknown> {
  switch (action) {
    case 'assignPart':
    case 'appointCoordinator':
      return { userId: v.userId };
    case 'giveOpinion':
      return { opinion: v.opinion, text: text(v.text), files: Object.values(files).filter((f): f is UploadedFile => !!f).map((f) => f.id) };
    case 'callMeeting':
      return { at: new Date(String(v.at)).toISOString(), place: text(v.place), agenda: text(v.agenda), invitees: list(v.invitees) };
    case 'recordMeeting': {
      const attended = list(v.attended);
      const opinions = attended
        .filter((d) => isParticipant(c, d) && v[`op_${d}`])
        .map((d) => ({ departmentId: d, opinion: v[`op_${d}`], text: text(v[`txt_${d}`]) }));
      return { attended, minutes: text(v.minutes), opinions };
    }
    default:
      return {};
  }
}

/** Read when rendered, so the labels follow the chosen language. */
const opinionOptions = () => OPINIONS.map((o) => ({ value: o, label: OPINION_LABELS[o] }));

export function JointFields({ action, view, user, files, setFiles }: {
  action: CaseAction;
  view: CaseView;
  user: Me;
  files: Record<string, UploadedFile | null>;
  setFiles: (f: Record<string, UploadedFile | null>) => void;
}) {
  const t = useT();
  const opinion = Form.useWatch('opinion');
  const attended = (Form.useWatch('attended') as string[] | undefined) ?? [];
  const staff = useQuery({ ...staffQuery('handler'), enabled: action === 'assignPart' });
  const appointees = useQuery({
    queryKey: ['case-appointees', view.id],
    queryFn: () => api.get<{ users: StaffMember[] }>(`/api/cases/${view.id}/appointees`),
    enabled: action === 'appointCoordinator',
  });
  const myPart = (view.participants ?? []).find((p) => p.department.id === user.departmentId);

  switch (action) {
    case 'assignPart':
      return (
        <Form.Item name="userId" label={t('承办人（本部门具体办理人）')} rules={[{ required: true, message: t('请选择承办人') }]}>
          <Select
            loading={staff.isLoading}
            options={(staff.data?.users ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.roleLabel}）` }))}
            placeholder={t('选择本部门具体办理人')}
            data-testid="action-field-userId"
            notFoundContent={staff.isError ? errorText(staff.error) : t('本部门暂无可选人员')}
          />
        </Form.Item>
      );
    case 'giveOpinion':
      return (
        <>
          {myPart && (
            <Typography.Paragraph>
              {t('联办任务：')}<Typography.Text strong>{myPart.task}</Typography.Text>{t('（意见期限')}{' '}{myPart.subDue}）
            </Typography.Paragraph>
          )}
          <Form.Item name="opinion" label={t('审查意见')} rules={[{ required: true }]}>
            <Radio.Group data-testid="action-field-opinion">
              {opinionOptions().map((o) => (
                <Radio key={o.value} value={o.value} data-testid={`action-field-opinion-${o.value}`}>
                  {o.label}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="text"
            label={opinion === 'disagree' ? t('不同意理由') : opinion === 'agreeWithConditions' ? t('附加条件') : t('意见说明')}
            rules={opinion && opinion !== 'agree' ? [{ required: true, whitespace: true, message: opinion === 'disagree' ? t('不同意须说明理由') : t('附条件同意须写明条件') }] : []}
          >
            <Input.TextArea rows={3} maxLength={4000} showCount placeholder={opinion === 'agree' ? t('选填') : undefined} data-testid="action-field-text" />
          </Form.Item>
          <Form.Item label={t('意见文书（选填，PDF/JPG/PNG）')}>
            <MaterialUpload testId="action-field-opinion-file" value={files.opinion} onChange={(f) => setFiles({ ...files, opinion: f })} />
          </Form.Item>
        </>
      );
    case 'callMeeting':
      return (
        <>
          {user.role === 'centerAdmin' && (
            <Typography.Paragraph type="secondary" data-testid="meeting-called-by-center">
              {t('由政务服务中心组织召开：受邀部门的全程办事人和本件牵头部门均会收到会议通知。')}
            </Typography.Paragraph>
          )}
          <Form.Item name="at" label={t('会议时间')} rules={[{ required: true, message: t('请选择会议时间') }]}>
            <Input type="datetime-local" data-testid="action-field-at" />
          </Form.Item>
          <Form.Item name="place" label={t('会议地点')} rules={[{ required: true, whitespace: true, message: t('请填写会议地点') }]}>
            <Input maxLength={200} placeholder={t('如：三楼联审会议室')} data-testid="action-field-place" />
          </Form.Item>
          <Form.Item name="agenda" label={t('会议议题')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="action-field-agenda" />
          </Form.Item>
          <Form.Item name="invitees" label={t('参会部门')} rules={[{ required: true, type: 'array', min: 1, message: t('请至少邀请一个部门') }]}>
            <Checkbox.Group options={departmentsOf(view).map((d) => ({ value: d.id, label: d.name }))} data-testid="action-field-invitees" />
          </Form.Item>
          <Typography.Text type="secondary">{t('受邀联办部门未出席的，按本事项超时默认规则处理。')}</Typography.Text>
        </>
      );
    case 'recordMeeting': {
      const m = openMeeting(view);
      return (
        <>
          <Form.Item name="attended" label={t('出席部门')}>
            <Checkbox.Group options={(m?.invitees ?? []).map((d) => ({ value: d.id, label: d.name }))} data-testid="action-field-attended" />
          </Form.Item>
          <Form.Item name="minutes" label={t('会议纪要')} rules={[{ required: true, whitespace: true, message: t('请填写会议纪要') }]}>
            <Input.TextArea rows={3} maxLength={8000} data-testid="action-field-minutes" />
          </Form.Item>
          {attended.filter((d) => isParticipant(view, d)).map((d) => (
            <Space key={d} align="start" style={{ display: 'flex' }}>
              <Form.Item name={`op_${d}`} label={t('{v0}意见', { v0: departmentsOf(view).find((x) => x.id === d)?.name ?? '' })}>
                <Select allowClear style={{ width: 140 }} options={opinionOptions()} placeholder={t('未表态')} />
              </Form.Item>
              <Form.Item name={`txt_${d}`} label={t('条件/理由')}>
                <Input maxLength={4000} style={{ width: 260 }} />
              </Form.Item>
            </Space>
          ))}
        </>
      );
    }
    case 'appointCoordinator':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('绿色通道：指定本中心工作人员为全程代办人，代申请人补交材料、跟踪办理全过程。')}</Typography.Paragraph>
          <Form.Item name="userId" label={t('全程代办人')} rules={[{ required: true, message: t('请选择工作人员') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={appointees.isLoading}
              options={(appointees.data?.users ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.roleLabel}·${u.username}）` }))}
              data-testid="action-field-userId"
            />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}

/** 联办: the participants panel of a joint case (each department's part, light, opinion) and its review meetings. */
import type { HTMLAttributes } from 'react';
import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { fileUrl, type CaseMeeting, type CaseParticipant, type CaseView } from '../../api/cases';
import { formatDate, LightTag } from '../../components/CaseTags';
import { formatDateTime, OPINION_LABELS, PART_STATUS_LABELS } from '../../lib/labels';
import { Data, fillNodes, useT } from '../../lib/i18n';

const STATE_COLOR: Record<CaseParticipant['state'], string> = { pending: 'processing', answered: 'success', deemed: 'gold', escalated: 'error' };
const OPINION_COLOR = { agree: 'success', agreeWithConditions: 'warning', disagree: 'error' } as const;

export function JointPanel({ c }: { c: CaseView }) {
  const t = useT();
  if (!c.participants) return null;
  const defaultText = c.overdueDefault === 'deemedApproved' ? t('逾期未出具意见的视为同意（缺席默认）') : t('逾期未出具意见的上报督办，须待其出具意见');
  return (
    <Card
      title={t('并联审批部门')}
      size="small"
      className="bs-section"
      data-testid="case-participants"
      extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('超时默认：')}{defaultText}</Typography.Text>}
    >
      {c.participants.length === 0 ? (
        <Typography.Text type="secondary">{t('受理后各联办部门同步收到任务。')}</Typography.Text>
      ) : (
        <Table<CaseParticipant>
          rowKey={(p) => p.department.id}
          size="small"
          pagination={false}
          dataSource={c.participants}
          onRow={(p) => ({ 'data-testid': `participant-${p.department.name}`, 'data-state': p.state }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('部门 / 任务'),
              key: 'dept',
              render: (_: unknown, p) => (
                <div>
                  <Typography.Text strong translate="no">{p.department.name}</Typography.Text>
                  <div className="bs-sub">
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      <Data>{p.task}</Data>（{p.subLimitWorkingDays}{t('个工作日）')}{p.assignee ? fillNodes(t(' · 承办：{displayName}'), { displayName: <Data>{p.assignee.displayName}</Data> }) : ''}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            { title: t('意见期限'), dataIndex: 'subDue', width: 100, render: (v: string | null) => formatDate(v) },
            { title: t('亮灯'), dataIndex: 'light', width: 64, align: 'center', render: (v: CaseParticipant['light']) => <LightTag light={v} short /> },
            {
              title: t('状态'),
              key: 'state',
              width: 110,
              render: (_: unknown, p) => (
                <Tag color={STATE_COLOR[p.state]} data-testid={`participant-state-${p.department.name}`}>
                  {PART_STATUS_LABELS[p.state] ?? p.stateLabel}
                </Tag>
              ),
            },
            {
              title: t('意见'),
              key: 'opinion',
              render: (_: unknown, p) =>
                p.opinion ? (
                  <div data-testid={`participant-opinion-${p.department.name}`}>
                    <Tag color={OPINION_COLOR[p.opinion.value]}>{p.deemed ? t('视为同意') : OPINION_LABELS[p.opinion.value] ?? p.opinion.label}</Tag>
                    {p.opinion.text && <Typography.Text style={{ fontSize: 12 }} translate="no">{p.opinion.text}</Typography.Text>}
                    {p.opinion.files.map((f, i) => (
                      <a key={f} href={fileUrl(f)} target="_blank" rel="noreferrer" style={{ marginInlineStart: 6 }}>
                        <FilePdfOutlined />{' '}{t('附件')}{i + 1}
                      </a>
                    ))}
                  </div>
                ) : p.escalated ? (
                  <Typography.Text type="danger">{t('逾期未出具（{date} 已督办）', { date: formatDate(p.escalatedOn) })}</Typography.Text>
                ) : (
                  <Typography.Text type="secondary">{t('待出具')}</Typography.Text>
                ),
            },
          ]}
        />
      )}
      {(c.meetings ?? []).map((m) => (
        <Meeting key={m.id} m={m} />
      ))}
    </Card>
  );
}

function Meeting({ m }: { m: CaseMeeting }) {
  const t = useT();
  const attended = new Set((m.attended ?? []).map((d) => d.id));
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      style={{ marginTop: 12 }}
      title={<span data-testid={`meeting-${m.id}`} data-held={m.held}>{t('联审会议')}{m.held ? t('（已召开）') : t('（待召开）')}</span>}
    >
      <Descriptions.Item label={t('召集')}>
        <span data-testid={`joint-meeting-caller-${m.id}`} data-side={m.calledBy.side}>
          {m.calledBy.side === 'center' ? t('中心管理办公室') : fillNodes(t('牵头部门（{name}）'), { name: <Data>{m.calledBy.department?.name ?? ''}</Data> })}
          {m.calledBy.person && <> · <Data>{m.calledBy.person.displayName}</Data></>}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('时间地点')}>
        {formatDateTime(m.at)} · <Data>{m.place}</Data>
      </Descriptions.Item>
      {m.agenda && <Descriptions.Item label={t('议题')}><Data>{m.agenda}</Data></Descriptions.Item>}
      <Descriptions.Item label={t('参会部门')}>
        <Space wrap size={4}>
          {m.invitees.map((d) => (
            <Tag key={d.id} color={!m.held ? 'default' : attended.has(d.id) ? 'success' : 'error'}>
              <Data>{d.name}</Data>
              {m.held && !attended.has(d.id) ? t('（缺席）') : ''}
            </Tag>
          ))}
        </Space>
      </Descriptions.Item>
      {m.minutes && <Descriptions.Item label={t('会议纪要')}><span style={{ whiteSpace: 'pre-wrap' }} translate="no">{m.minutes}</span></Descriptions.Item>}
      {m.opinions.length > 0 && (
        <Descriptions.Item label={t('部门意见')}>
          {m.opinions.map((o) => (
            <div key={o.departmentId}>
              <Data>{o.department.name}</Data>：{OPINION_LABELS[o.opinion] ?? o.label}
              {o.text ? <Data>{`，${o.text}`}</Data> : ''}
            </div>
          ))}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

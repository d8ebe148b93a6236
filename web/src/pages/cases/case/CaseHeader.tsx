/** The case's head card: number, state and tags, the item, who it concerns, and the actions the user may take. */
import type { ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { PauseCircleOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { CaseView } from '../../../api/cases';
import { LightTag, StateTag } from '../../../components/CaseTags';
import { CASE_ACTION_LABELS, caseKindLabel, CHANNEL_LABELS, formatDateTime } from '../../../lib/labels';
import type { CaseAction } from '../../../../../src/cases/types';
import { Data, useT } from '../../../lib/i18n';

const PRIMARY_ACTIONS = new Set<CaseAction>(['accept', 'supply', 'assign', 'completeStep', 'decide', 'markResultReady', 'deliver', 'complete', 'approveExtension', 'resume', 'giveOpinion']);
const DANGER_ACTIONS = new Set<CaseAction>(['refuse', 'return', 'withdraw', 'rejectExtension']);

export interface HeaderProps {
  c: CaseView;
  finished: boolean;
  reloading: boolean;
  onReload: () => void;
  onAction: (a: CaseAction) => void;
  intakeHint: { type: 'success' | 'warning'; text: string } | null;
  notice: ReactNode;
}

export function CaseHeader({ c, finished, reloading, onReload, onAction, intakeHint, notice }: HeaderProps) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Card className="bs-case-head" data-testid="case-header">
      <div className="bs-case-head-row">
        <div>
          <Space size={10} wrap align="center">
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-no" translate="no">
              {c.caseNo}
            </Typography.Title>
            <StateTag state={c.state} label={c.stateLabel} testId="case-state" />
            {c.outcome && (
              <Tag color={c.outcome === 'approved' ? 'success' : 'error'} data-testid="case-outcome">
                {c.outcome === 'approved' ? t('准予') : t('不予')}
              </Tag>
            )}
            {c.clock.light && <LightTag light={c.clock.light} testId="case-light" />}
            {c.clock.paused && (
              <Tag icon={<PauseCircleOutlined />} color="purple">
                {t('暂停计时')}
              </Tag>
            )}
            {c.keyProject && (
              <Tag color="magenta" data-testid="case-green-channel">
                {t('绿色通道·重点项目')}
              </Tag>
            )}
          </Space>
          <div className="bs-case-item">
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="case-item" translate="no">
              {c.item.name}
            </Typography.Text>
            <Typography.Text type="secondary" data-testid="case-item-version">
              {c.item.code}{' '}{t('· 受理所依事项版本 v')}{c.item.version}
            </Typography.Text>
          </div>
        </div>
        <Space className="bs-no-print">
          <Button icon={<ReloadOutlined />} onClick={onReload} loading={reloading} data-testid="case-reload">
            {t('刷新')}
          </Button>
          <Button icon={<SearchOutlined />} onClick={() => navigate(`/progress?caseNo=${encodeURIComponent(c.caseNo)}&queryCode=${encodeURIComponent(c.queryCode)}`)}>
            {t('进度查询')}
          </Button>
        </Space>
      </div>
      <CaseSummary c={c} />
      <div className="bs-action-panel bs-no-print" data-testid="case-actions">
        <span className="bs-action-label">{t('可办理操作')}</span>
        {c.allowedActions.length === 0 ? (
          <Typography.Text type="secondary" data-testid="case-no-actions">
            {finished ? t('本件已结束办理') : t('当前无需您办理的操作')}
          </Typography.Text>
        ) : (
          <Space wrap size={8}>
            {c.allowedActions.map((a) => (
              <Button key={a} type={PRIMARY_ACTIONS.has(a) ? 'primary' : 'default'} danger={DANGER_ACTIONS.has(a)} onClick={() => onAction(a)} data-testid={`case-action-${a}`}>
                {CASE_ACTION_LABELS[a]}
              </Button>
            ))}
          </Space>
        )}
      </div>
      {intakeHint && <Alert type={intakeHint.type} showIcon style={{ marginTop: 12 }} title={intakeHint.text} data-testid="case-intake-hint" />}
      {c.pendingExtension && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="case-pending-extension"
          title={t('延期申请待审批：{workingDays} 个工作日', { workingDays: c.pendingExtension.workingDays })}
          description={<>{t('理由：')}<Data>{c.pendingExtension.reason}</Data>{t('（{v1} 提出）', { v1: formatDateTime(c.pendingExtension.requestedAt) })}</>}
        />
      )}
      {notice && <div style={{ marginTop: 12 }}>{notice}</div>}
    </Card>
  );
}

/** Who and what: the applicant, the department, the kind and channel, the people handling it. */
function CaseSummary({ c }: { c: CaseView }) {
  const t = useT();
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 12 }} data-testid="case-summary">
      <Descriptions.Item label={t('申请人')}>
        <span data-testid="case-applicant" translate="no">{c.applicant.name}</span>
        <Typography.Text type="secondary">（{c.applicant.kind === 'organization' ? t('法人') : t('自然人')}）</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('证件号码')}>{c.applicant.idNumber}</Descriptions.Item>
      <Descriptions.Item label={t('联系电话')}>{c.applicant.phone}</Descriptions.Item>
      <Descriptions.Item label={t('查询码')}>
        <Typography.Text copyable data-testid="case-query-code">
          {c.queryCode}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('承办部门')}><Data>{c.department?.name}</Data></Descriptions.Item>
      <Descriptions.Item label={t('办件类型')}>
        {caseKindLabel(c.kind)} · {CHANNEL_LABELS[c.channel] ?? c.channel}
      </Descriptions.Item>
      <Descriptions.Item label={t('全程办事人')}><Data>{c.coordinator?.displayName ?? '—'}</Data></Descriptions.Item>
      <Descriptions.Item label={t('承办人')}>
        <span data-testid="case-assignee" translate="no">{c.assignee?.displayName ?? '—'}</span>
      </Descriptions.Item>
      {c.keyProject && (
        <Descriptions.Item label={t('全程代办人')}>
          {c.greenCoordinator ? <span data-testid="case-green-coordinator" translate="no">{c.greenCoordinator.displayName}</span> : <span data-testid="case-green-coordinator">{t('未指定')}</span>}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

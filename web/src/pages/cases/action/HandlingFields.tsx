/**
 * The handling actions' fields: 退回, 不予受理, 分办, 移交, 完成本环节, 特别程序 and
 * 恢复计时, 延期 (request, approve, reject), and the one-line confirmations.
 */
import { Alert, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { CaseView } from '../../../api/cases';
import { errorText } from '../../../lib/feedback';
import { SPECIAL_PROCEDURE_LABELS } from '../../../lib/labels';
import { SPECIAL_PROCEDURES } from '../../../../../src/catalog/types';
import { Data, useT, tr } from '../../../lib/i18n';
import { StepName } from '../case/CaseSteps';
import { Reason } from './materials';

export const HANDLING_ACTIONS = new Set([
  'return', 'refuse', 'assign', 'handOver', 'completeStep', 'suspend', 'resume', 'markResultReady', 'complete', 'requestExtension', 'approveExtension', 'rejectExtension',
]);

const PRIMARY_HINT: Record<string, string> = {
  get resume() { return tr('特别程序已结束，恢复计时。'); },
  get approveExtension() { return tr('批准延期申请，并向申请人出具延期告知书。'); },
  get markResultReady() { return tr('办理结果已制作完成，通知申请人领取。'); },
  get complete() { return tr('办理结果已送达，办结本件并出具办结通知书。'); },
};

export interface StaffPick { options: { value: string; label: string }[]; loading: boolean; error: unknown }

export function HandlingFields({ action, view, staff }: { action: string; view: CaseView; staff: StaffPick }) {
  const t = useT();
  const staffSelect = (testId: string, placeholder: string) => (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      loading={staff.loading}
      options={staff.options}
      placeholder={placeholder}
      data-testid={testId}
      notFoundContent={staff.error ? errorText(staff.error) : t('本部门暂无可选人员')}
    />
  );
  switch (action) {
    case 'return':
      return (
        <>
          <Reason name="reasons" label={t('退回理由')} placeholder={t('如：该事项不属于本中心受理范围')} />
          <Form.Item name="redirectTo" label={t('告知向何机关申请')} rules={[{ required: true, whitespace: true, message: t('请填写应向何机关申请') }]}>
            <Input maxLength={200} placeholder={t('如：清渭县自然资源局')} data-testid="action-field-redirectTo" />
          </Form.Item>
        </>
      );
    case 'refuse':
      return (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('不予受理将出具不予受理通知书，并向中心进行否定备案。')} />
          <Reason name="reasons" label={t('不予受理理由')} placeholder={t('写明事实、依据及申请人的救济途径')} />
        </>
      );
    case 'assign':
      return (
        <Form.Item name="userId" label={t('承办人（具体办理人）')} rules={[{ required: true, message: t('请选择承办人') }]}>
          {staffSelect('action-field-userId', t('选择本部门具体办理人'))}
        </Form.Item>
      );
    case 'handOver':
      return (
        <>
          <Form.Item name="toUserId" label={t('移交给')} rules={[{ required: true, message: t('请选择接收人') }]}>
            {staffSelect('action-field-toUserId', t('选择本部门人员'))}
          </Form.Item>
          <Form.Item name="note" label={t('移交说明')}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="action-field-note" />
          </Form.Item>
        </>
      );
    case 'completeStep':
      return (
        <>
          {view.step && (
            <Typography.Paragraph>
              {t('当前环节：')}<Typography.Text strong><StepName name={view.step.name} /></Typography.Text>
            </Typography.Paragraph>
          )}
          <Reason name="opinion" label={t('办理意见')} placeholder={t('如：经核对，申请人家庭经济状况符合条件，拟同意')} />
        </>
      );
    case 'suspend':
      return (
        <>
          <Form.Item name="procedure" label={t('特别程序')} rules={[{ required: true, message: t('请选择特别程序') }]}>
            <Select options={SPECIAL_PROCEDURES.map((p) => ({ value: p, label: SPECIAL_PROCEDURE_LABELS[p] }))} placeholder={t('选择特别程序')} data-testid="action-field-procedure" />
          </Form.Item>
          <Reason name="reason" label={t('启动理由')} />
          <Form.Item name="plannedWorkingDays" label={t('预计所需工作日')} rules={[{ required: true, message: t('请填写预计工作日') }]}>
            <InputNumber min={1} max={365} precision={0} addonAfter={t('个工作日')} data-testid="action-field-plannedWorkingDays" />
          </Form.Item>
          <Typography.Text type="secondary">{t('特别程序期间暂停计时，并向申请人出具特别程序告知书。')}</Typography.Text>
        </>
      );
    case 'requestExtension':
      return (
        <>
          <Form.Item name="workingDays" label={t('延长工作日')} rules={[{ required: true, message: t('请填写延长的工作日数') }]}>
            <InputNumber min={1} max={60} precision={0} addonAfter={t('个工作日')} data-testid="action-field-workingDays" />
          </Form.Item>
          <Reason name="reason" label={t('延期理由')} />
          <Typography.Text type="secondary">{t('延期须经分管领导批准，批准后向申请人出具延期告知书。')}</Typography.Text>
        </>
      );
    case 'approveExtension':
    case 'rejectExtension':
      return (
        <>
          {view.pendingExtension && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('申请延期 {workingDays} 个工作日', { workingDays: view.pendingExtension.workingDays })}
              description={<>{t('理由：')}<Data>{view.pendingExtension.reason}</Data></>}
            />
          )}
          {action === 'approveExtension' ? <Typography.Paragraph>{PRIMARY_HINT.approveExtension}</Typography.Paragraph> : <Reason name="reason" label={t('驳回理由')} />}
        </>
      );
    default: // resume, markResultReady, complete: a confirmation.
      return <Typography.Paragraph>{PRIMARY_HINT[action]}</Typography.Paragraph>;
  }
}

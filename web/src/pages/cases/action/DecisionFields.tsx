/** The fields of the actions that close a case's handling: 作出决定, 送达, 上报上级机关 and 登记批复, 撤回. */
import { Alert, Form, Input, Radio } from 'antd';
import { DELIVERY_LABELS } from '../../../lib/labels';
import { useT } from '../../../lib/i18n';
import { Reason } from './materials';

export const DECISION_ACTIONS = new Set(['decide', 'deliver', 'reportUp', 'recordReply', 'withdraw']);

/** `outcome` and `mode`: the form's current choices (the reasons and the tracking number follow them). */
export function DecisionFields({ action, outcome, mode }: { action: string; outcome: unknown; mode: unknown }) {
  const t = useT();
  switch (action) {
    case 'decide':
      return (
        <>
          <Form.Item name="outcome" label={t('审批决定')} rules={[{ required: true }]}>
            <Radio.Group data-testid="action-field-outcome">
              <Radio value="approved" data-testid="action-field-outcome-approved">
                {t('准予')}
              </Radio>
              <Radio value="denied" data-testid="action-field-outcome-denied">
                {t('不予')}
              </Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="reasons"
            label={outcome === 'denied' ? t('不予许可理由') : t('审批意见')}
            rules={outcome === 'denied' ? [{ required: true, whitespace: true, message: t('不予许可须说明理由') }] : []}
          >
            <Input.TextArea
              rows={3}
              maxLength={4000}
              showCount
              placeholder={outcome === 'denied' ? t('写明不予许可的事实、依据及申请人的救济途径（将进行否定备案）') : t('选填')}
              data-testid="action-field-reasons"
            />
          </Form.Item>
        </>
      );
    case 'deliver':
      return (
        <>
          <Form.Item name="mode" label={t('送达方式')} rules={[{ required: true }]}>
            <Radio.Group data-testid="action-field-mode">
              <Radio value="pickup" data-testid="action-field-mode-pickup">
                {DELIVERY_LABELS.pickup}
              </Radio>
              <Radio value="post" data-testid="action-field-mode-post">
                {DELIVERY_LABELS.post}
              </Radio>
            </Radio.Group>
          </Form.Item>
          {mode === 'post' && (
            <Form.Item name="trackingNo" label={t('快递单号')} rules={[{ required: true, whitespace: true, message: t('邮寄送达须填写快递单号') }]}>
              <Input maxLength={60} data-testid="action-field-trackingNo" />
            </Form.Item>
          )}
        </>
      );
    case 'reportUp':
      return (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('上报后暂停计时，待登记上级机关批复后恢复。')} />
          <Form.Item name="authority" label={t('上报机关')} rules={[{ required: true, whitespace: true, message: t('请填写上报机关') }]}>
            <Input maxLength={200} placeholder={t('如：天水市自然资源局')} data-testid="action-field-authority" />
          </Form.Item>
          <Form.Item name="reference" label={t('上报文号')}>
            <Input maxLength={100} data-testid="action-field-reference" />
          </Form.Item>
        </>
      );
    case 'recordReply':
      return (
        <>
          <Form.Item name="outcome" label={t('批复结果')} rules={[{ required: true }]}>
            <Radio.Group data-testid="action-field-outcome">
              <Radio value="approved" data-testid="action-field-outcome-approved">{t('同意')}</Radio>
              <Radio value="denied" data-testid="action-field-outcome-denied">{t('不同意')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="replyOn" label={t('批复日期')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('格式：YYYY-MM-DD') }]}>
            <Input maxLength={10} data-testid="action-field-replyOn" />
          </Form.Item>
          <Form.Item name="reference" label={t('批复文号')}>
            <Input maxLength={100} data-testid="action-field-reference" />
          </Form.Item>
          <Reason name="note" label={t('批复要点')} required={false} />
        </>
      );
    default: // withdraw
      return (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('撤回后本件终止办理，如需办理须重新申请。')} />
          <Reason name="reason" label={t('撤回原因')} required={false} />
        </>
      );
  }
}

/** 收费: the case's fee panel — the item's fee items, the payment notice, payments at the hall's bank window or online. */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { documentUrl } from '../../api/cases';
import { errorText, showSuccess } from '../../lib/feedback';
import { formatDateTime } from '../../lib/labels';
import { useT } from '../../lib/i18n';
import type { PaymentChannel } from '../../../../src/fees/types';
import { caseFees, issueNotice, recordPayment, yuan, type CaseFees } from './api';

export function FeePanel({ caseId, version, onChanged }: { caseId: string; version: number; onChanged: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: ['case-fees', caseId, version], queryFn: () => caseFees(caseId) });
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  // 按实核定: yuan the window assessed for fee items whose standard gives no rule.
  const [assessed, setAssessed] = useState<Record<number, number>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ channel: PaymentChannel; receiptNo: string; amount: number }>();
  const f = q.data;
  // Free items never show a fee.
  if (!f || f.free) return null;
  const channelLabel: Record<PaymentChannel, string> = { hallBank: t('大厅银行收费窗口'), online: t('网上支付'), other: t('其他（非大厅收费渠道）') };
  const update = (next: CaseFees) => {
    queryClient.setQueryData(['case-fees', caseId, version], next);
    onChanged();
  };
  const run = async (fn: () => Promise<CaseFees>, ok: string) => {
    setBusy(true);
    setError(null);
    try {
      const next = await fn();
      update(next);
      showSuccess(ok);
      return next;
    } catch (e) {
      setError(errorText(e));
      return null;
    } finally {
      setBusy(false);
    }
  };
  const qty = (i: number) => quantities[i] ?? (i === 0 ? 1 : 0);
  const mayIssue = f.mayCharge && !f.notice && f.outcome === 'approved' && (f.state === 'decided' || f.state === 'resultReady');
  const remaining = f.notice ? Math.max(0, f.notice.amountFen - f.notice.paidFen) : 0;

  return (
    <Card title={t('收费')} size="small" className="bs-section" data-testid="case-fees" data-payment-due={f.paymentDue ? '1' : '0'}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} data-testid="fee-error" />}
      {f.paymentDue && <Alert type="warning" showIcon message={t('缴款通知书所列费用缴清后方可送达办理结果')} style={{ marginBottom: 8 }} data-testid="fee-due" />}
      {!f.notice ? (
        <>
          <Table
            rowKey="index"
            size="small"
            pagination={false}
            dataSource={f.items}
            columns={[
              { title: t('收费项目'), dataIndex: 'name', render: (v: string) => <span translate="no">{v}</span> },
              { title: t('收费标准'), dataIndex: 'standard', render: (v: string) => <span translate="no">{v}</span> },
              ...(mayIssue ? [{
                title: t('数量'), key: 'q',
                render: (_: unknown, it: CaseFees['items'][number]) => (it.rule
                  ? <InputNumber min={0} max={999} size="small" value={qty(it.index)} onChange={(v) => setQuantities({ ...quantities, [it.index]: Number(v ?? 0) })} data-testid={`fee-qty-${it.index}`} />
                  : <InputNumber min={0} step={0.01} precision={2} size="small" placeholder={t('核定金额（元）')} value={assessed[it.index]} onChange={(v) => setAssessed({ ...assessed, [it.index]: Number(v ?? 0) })} data-testid={`fee-assessed-${it.index}`} />),
              }] : []),
            ]}
          />
          {mayIssue ? (
            <Button type="primary" style={{ marginTop: 8 }} loading={busy} data-testid="fee-issue"
              onClick={() => void run(() => issueNotice(caseId,
                f.items.map((it) => (it.rule ? qty(it.index) : (assessed[it.index] ?? 0) > 0 ? 1 : 0)),
                f.items.map((it) => (!it.rule && (assessed[it.index] ?? 0) > 0 ? Math.round(assessed[it.index] * 100) : null))), t('已开具缴款通知书'))}>
              {t('开具缴款通知书')}
            </Button>
          ) : (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('作出准予许可决定后由窗口开具缴款通知书。')}</Typography.Paragraph>
          )}
        </>
      ) : (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('应缴金额（元）')}><span data-testid="fee-amount">{yuan(f.notice.amountFen)}</span></Descriptions.Item>
            <Descriptions.Item label={t('已缴金额（元）')}><span data-testid="fee-paid">{yuan(f.notice.paidFen)}</span></Descriptions.Item>
            <Descriptions.Item label={t('状态')}>
              <Tag color={f.notice.status === 'paid' ? 'success' : 'warning'} data-testid="fee-status" data-status={f.notice.status}>{f.notice.status === 'paid' ? t('已缴款') : t('待缴款')}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('收款账户')}><span translate="no">{f.notice.treasury.name}（{f.notice.treasury.bank} {f.notice.treasury.accountNo}）</span></Descriptions.Item>
          </Descriptions>
          <Space style={{ marginTop: 8 }}>
            <a href={documentUrl(caseId, f.notice.documentId)} target="_blank" rel="noreferrer" data-testid="fee-notice-link"><FilePdfOutlined /> {t('缴款通知书')}</a>
          </Space>
        </>
      )}
      {f.payments.length > 0 && (
        <Table
          style={{ marginTop: 8 }}
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={f.payments}
          columns={[
            { title: t('缴款渠道'), dataIndex: 'channel', render: (c: PaymentChannel) => channelLabel[c] },
            { title: t('缴款凭证号'), dataIndex: 'reference', render: (v: string) => <span translate="no">{v}</span> },
            { title: t('金额（元）'), dataIndex: 'amountFen', render: (v: number) => yuan(v) },
            { title: t('登记时间'), dataIndex: 'recordedAt', render: (v: string) => formatDateTime(v) },
          ]}
        />
      )}
      {f.mayCharge && f.notice && f.notice.status !== 'paid' && (
        <Form form={form} layout="inline" style={{ marginTop: 8, rowGap: 8 }} initialValues={{ channel: 'hallBank', amount: remaining / 100 }} data-testid="fee-pay-form"
          onFinish={(v) => void run(() => recordPayment(caseId, { channel: v.channel, receiptNo: v.receiptNo, amountFen: Math.round(v.amount * 100) }), t('已登记缴费')).then((next) => { if (next) form.resetFields(); })}>
          <Form.Item name="channel" label={t('缴款渠道')}>
            <Select style={{ width: 170 }} data-testid="fee-channel" options={(['hallBank', 'online', 'other'] as const).map((c) => ({ value: c, label: channelLabel[c] }))} />
          </Form.Item>
          <Form.Item name="receiptNo" label={t('缴款凭证号')} rules={[{ required: true, message: t('请填写缴款凭证号') }]}>
            <Input style={{ width: 170 }} data-testid="fee-receipt" />
          </Form.Item>
          <Form.Item name="amount" label={t('金额（元）')} rules={[{ required: true, message: t('请填写金额') }]}>
            <InputNumber min={0.01} step={0.01} precision={2} style={{ width: 120 }} data-testid="fee-amount-input" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="fee-pay">{t('登记缴费')}</Button>
        </Form>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
        {t('费用在政务服务大厅银行收费窗口或网上缴纳，直接缴入财政专户；部门窗口不收取现金。')}
      </Typography.Paragraph>
    </Card>
  );
}

/** 待缴费 beside a case in 我的办件: shown while the result waits for payment. */
export function FeeDueTag({ caseId, state }: { caseId: string; state: string }) {
  const t = useT();
  const q = useQuery({ queryKey: ['case-fees-tag', caseId, state], queryFn: () => caseFees(caseId), enabled: state === 'resultReady' || state === 'decided' });
  const f = q.data;
  if (!f?.notice || f.notice.status === 'paid') return null;
  return <Tag color="warning" data-testid={`fee-due-${caseId}`}>{t('待缴费 {amount}元', { amount: yuan(f.notice.amountFen - f.notice.paidFen) })}</Tag>;
}

/** 收费管理 /admin/fees (center office): the treasury account every fee goes into. */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { formatDateTime } from '../../lib/labels';
import { useQuery } from '@tanstack/react-query';
import { errorText, showSuccess } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import type { PaymentChannel, TreasuryAccount } from '../../../../src/fees/types';
import { getTreasury, paymentLedger, putTreasury, yuan, type LedgerRow } from './api';

export function FeesAdminPage() {
  const t = useT();
  const q = useQuery({ queryKey: ['fees-treasury'], queryFn: getTreasury });
  const [form] = Form.useForm<TreasuryAccount>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const [channel, setChannel] = useState<PaymentChannel | undefined>();
  const from = period[0].format('YYYY-MM-DD'), to = period[1].format('YYYY-MM-DD');
  const ledger = useQuery({ queryKey: ['fees-ledger', from, to, channel], queryFn: () => paymentLedger({ from, to, channel }) });
  const channelLabel: Record<PaymentChannel, string> = { hallBank: t('大厅银行收费窗口'), online: t('网上支付'), other: t('其他（非大厅收费渠道）') };
  useEffect(() => { document.title = t('收费管理 · 政务服务中心'); }, []);
  useEffect(() => { if (q.data?.account) form.setFieldsValue(q.data.account); }, [q.data, form]);
  return (
    <div className="bs-page">
      <div className="bs-page-head"><Typography.Title level={3} style={{ margin: 0 }}>{t('收费管理')}</Typography.Title></div>
      <Card title={t('财政专户收款账户')} data-testid="fees-treasury">
        {q.data && !q.data.account && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('尚未设置收款账户：窗口不能开具缴款通知书。')} />}
        {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} />}
        <Form form={form} layout="vertical" style={{ maxWidth: 520 }}
          onFinish={async (v) => {
            setBusy(true); setError(null);
            try { await putTreasury(v); showSuccess(t('已保存')); void q.refetch(); } catch (e) { setError(errorText(e)); } finally { setBusy(false); }
          }}>
          <Form.Item name="name" label={t('账户名称')} rules={[{ required: true, min: 2, message: t('请填写账户名称') }]}><Input data-testid="treasury-name" /></Form.Item>
          <Form.Item name="bank" label={t('开户银行')} rules={[{ required: true, min: 2, message: t('请填写开户银行') }]}><Input data-testid="treasury-bank" /></Form.Item>
          <Form.Item name="accountNo" label={t('账号')} rules={[{ required: true, min: 4, message: t('请填写账号') }]}><Input data-testid="treasury-account" /></Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="treasury-save">{t('保存')}</Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('费用在政务服务大厅银行收费窗口或网上缴纳，直接缴入财政专户；部门窗口不收取现金。')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('收费台账')} style={{ marginTop: 16 }} data-testid="fees-ledger"
        extra={
          <Space wrap>
            <DatePicker.RangePicker value={period} allowClear={false} onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])} />
            <Select allowClear style={{ width: 190 }} placeholder={t('缴款渠道')} value={channel} onChange={setChannel}
              options={(['hallBank', 'online', 'other'] as const).map((c) => ({ value: c, label: channelLabel[c] }))} />
          </Space>
        }>
        <Table<LedgerRow> rowKey="id" size="small" loading={ledger.isFetching} dataSource={ledger.data?.items ?? []} scroll={{ x: true }}
          locale={{ emptyText: t('本期无收费') }}
          columns={[
            { title: t('办件编号'), dataIndex: 'caseNo', render: (v: string, r) => <Link to={`/cases/${r.caseId}`}>{v}</Link> },
            { title: t('事项'), dataIndex: 'itemName' },
            { title: t('部门'), dataIndex: 'department' },
            { title: t('金额（元）'), dataIndex: 'amountFen', render: (v: number) => yuan(v) },
            { title: t('缴款渠道'), dataIndex: 'channel', render: (c: PaymentChannel) => <Tag color={c === 'other' ? 'error' : 'default'}>{channelLabel[c]}</Tag> },
            { title: t('缴款凭证号'), dataIndex: 'reference' },
            { title: t('登记人'), dataIndex: 'recordedBy' },
            { title: t('登记时间'), dataIndex: 'recordedAt', render: (v: string) => formatDateTime(v) },
          ]} />
      </Card>
    </div>
  );
}

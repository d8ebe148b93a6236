/** 党费: per member per half-year (amount, paid on, receipt, deposit), who is behind, Excel. */
import { useState } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { DuesRow } from '../../api/party';
import { showError, showSuccess } from '../../lib/feedback';
import { useT } from '../../lib/i18n';

const half = (d: dayjs.Dayjs) => `${d.year()}H${d.month() < 6 ? 1 : 2}`;

function PayModal({ row, period, onClose }: { row: DuesRow; period: string; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ amount: number; paidOn: Dayjs; receiptNo: string }>();
  const queryClient = useQueryClient();
  const save = async (v: { amount: number; paidOn: Dayjs; receiptNo: string }) => {
    try {
      await api.post('/api/party/dues', { memberId: row.memberId, period, amount: v.amount, paidOn: v.paidOn.format('YYYY-MM-DD'), receiptNo: v.receiptNo.trim() });
      showSuccess(t('党费已登记'));
      void queryClient.invalidateQueries({ queryKey: ['party-dues'] });
      onClose();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Modal open title={t('登记党费：{name}（{p}）', { name: row.name, p: period })} onCancel={onClose} onOk={() => form.submit()} okText={t('登记')} cancelText={t('取消')}>
      <Form form={form} layout="vertical" initialValues={{ paidOn: dayjs() }} onFinish={(v) => void save(v)}>
        <Form.Item name="amount" label={t('金额（元）')} rules={[{ required: true, message: t('必填') }]}><InputNumber min={0.01} precision={2} /></Form.Item>
        <Form.Item name="paidOn" label={t('缴纳日期')} rules={[{ required: true, message: t('必填') }]}><DatePicker /></Form.Item>
        <Form.Item name="receiptNo" label={t('收据号')} rules={[{ required: true, whitespace: true, message: t('必填') }]}><Input maxLength={50} /></Form.Item>
      </Form>
    </Modal>
  );
}

function DepositModal({ ids, onClose }: { ids: string[]; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ depositedOn: Dayjs; bankSlipNo: string }>();
  const queryClient = useQueryClient();
  const save = async (v: { depositedOn: Dayjs; bankSlipNo: string }) => {
    try {
      await api.post('/api/party/dues/deposit', { ids, depositedOn: v.depositedOn.format('YYYY-MM-DD'), bankSlipNo: v.bankSlipNo.trim() });
      showSuccess(t('已登记上缴'));
      void queryClient.invalidateQueries({ queryKey: ['party-dues'] });
      onClose();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Modal open title={t('党费上缴（{n}笔）', { n: ids.length })} onCancel={onClose} onOk={() => form.submit()} okText={t('登记')} cancelText={t('取消')}>
      <Form form={form} layout="vertical" initialValues={{ depositedOn: dayjs() }} onFinish={(v) => void save(v)}>
        <Form.Item name="depositedOn" label={t('上缴日期')} rules={[{ required: true, message: t('必填') }]}><DatePicker /></Form.Item>
        <Form.Item name="bankSlipNo" label={t('银行缴款单号')} rules={[{ required: true, whitespace: true, message: t('必填') }]}><Input maxLength={50} /></Form.Item>
      </Form>
    </Modal>
  );
}

export function DuesTab() {
  const t = useT();
  const [period, setPeriod] = useState(half(dayjs()));
  const [paying, setPaying] = useState<DuesRow | null>(null);
  const [depositing, setDepositing] = useState(false);
  const list = useQuery({ queryKey: ['party-dues', period], queryFn: ({ signal }) => api.get<{ items: DuesRow[]; totalAmount: number }>('/api/party/dues', { period }, signal) });
  const behind = useQuery({ queryKey: ['party-dues', 'behind'], queryFn: ({ signal }) => api.get<{ items: { memberId: string; name: string; branchName: string; periods: string[] }[] }>('/api/party/dues/behind', undefined, signal) });
  const periods = [0, 6, 12, 18].map((m) => half(dayjs().subtract(m, 'month')));
  const undeposited = (list.data?.items ?? []).flatMap((r) => (r.paid && !r.paid.depositedOn ? [r.paid.id] : []));
  return (
    <Row gutter={16}>
      <Col xs={24} lg={16}>
        <Card size="small" className="bs-section" title={t('党费收缴（每半年收取一次）')} extra={<>
          <Select value={period} onChange={setPeriod} options={periods.map((p) => ({ value: p, label: p }))} style={{ width: 110, marginRight: 8 }} />
          <Button style={{ marginRight: 8 }} disabled={!undeposited.length} onClick={() => setDepositing(true)}>{t('登记上缴')}</Button>
          <Button href={`/api/party/export/dues.xlsx?year=${period.slice(0, 4)}`}>{t('导出Excel')}</Button>
        </>}>
          <Table<DuesRow>
            rowKey="memberId"
            size="small"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            footer={() => t('本期合计：{n}元', { n: (list.data?.totalAmount ?? 0).toFixed(2) })}
            columns={[
              { title: t('姓名'), dataIndex: 'name' },
              { title: t('支部'), dataIndex: 'branchName' },
              { title: t('金额'), key: 'a', render: (_, r) => (r.paid ? r.paid.amount.toFixed(2) : '—') },
              { title: t('缴纳日期'), key: 'p', render: (_, r) => r.paid?.paidOn ?? '—' },
              { title: t('收据号'), key: 'r', render: (_, r) => r.paid?.receiptNo ?? '—' },
              { title: t('上缴'), key: 'd', render: (_, r) => (r.paid ? (r.paid.depositedOn ? `${r.paid.depositedOn} ${r.paid.bankSlipNo}` : <Tag>{t('未上缴')}</Tag>) : '—') },
              { title: '', key: 'op', render: (_, r) => !r.paid && <Button size="small" onClick={() => setPaying(r)}>{t('登记')}</Button> },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" className="bs-section" title={t('欠缴名单（近两年）')}>
          <Table rowKey="memberId" size="small" pagination={false} dataSource={behind.data?.items ?? []} data-testid="dues-behind"
            columns={[{ title: t('姓名'), dataIndex: 'name' }, { title: t('支部'), dataIndex: 'branchName' }, { title: t('欠缴期间'), dataIndex: 'periods', render: (v: string[]) => v.join('、') }]} />
        </Card>
      </Col>
      {paying && <PayModal row={paying} period={period} onClose={() => setPaying(null)} />}
      {depositing && <DepositModal ids={undeposited} onClose={() => setDepositing(false)} />}
    </Row>
  );
}

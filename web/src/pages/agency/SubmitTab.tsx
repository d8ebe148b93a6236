/** 代办申报: the agent picks an item, chooses 代办 or 陪办, enters the resident (and the co-applicants the item's law names) and ticks what they took. */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Radio, Result, Row, Space, Tag, Typography } from 'antd';
import { PrinterOutlined, SendOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import type { PublicGuide } from '../../api/types';
import { documentUrl } from '../../api/cases';
import { AGENCY_MODE_LABELS, type AgencyMode, type SubmitResponse } from '../../api/agency';
import { ItemPicker } from '../../components/ItemPicker';
import { detailLines, errorText } from '../../lib/feedback';
import { caseKindLabel, formatLimit } from '../../lib/labels';
import { useT } from '../../lib/i18n';
import { idRule, phoneRule } from '../../lib/identity';
import { CoApplicantFields } from '../../components/CoApplicantFields';

interface ResidentForm {
  mode: AgencyMode;
  kind: 'person' | 'organization';
  name: string;
  idNumber: string;
  phone: string;
  note?: string;
  /** Items whose law names several applicants (结婚登记 …): the others, each checked by the shared identity rules. */
  coApplicants?: { name: string; idNumber: string }[];
}

export function SubmitTab() {
  const t = useT();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [ticked, setTicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<SubmitResponse | null>(null);
  const [form] = Form.useForm<ResidentForm>();
  const kind = Form.useWatch('kind', form) ?? 'person';

  const guide = useQuery({
    queryKey: ['guide', code],
    queryFn: ({ signal }) => api.get<PublicGuide>(`/api/public/items/${encodeURIComponent(code)}`, undefined, signal),
    enabled: !!code,
  });
  const g = guide.data;

  useEffect(() => {
    setTicked([]);
    setError(null);
    if (g && g.servedParty !== 'both') form.setFieldValue('kind', g.servedParty);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [g?.code]);

  const submit = async (v: ResidentForm) => {
    if (!g) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<SubmitResponse>('/api/agency/cases', {
        mode: v.mode,
        itemCode: g.code,
        applicant: { kind: v.kind, name: v.name.trim(), idNumber: v.idNumber.trim().toUpperCase(), phone: v.phone.trim() },
        ...(v.coApplicants?.length ? { coApplicants: v.coApplicants.map((p) => ({ name: p.name.trim(), idNumber: p.idNumber.trim().toUpperCase() })) } : {}),
        handedOver: ticked,
        note: v.note?.trim() || undefined,
      });
      setDone(res);
      void queryClient.invalidateQueries({ queryKey: ['agency-cases'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    setDone(null);
    setCode('');
    form.resetFields();
  };

  if (done) {
    return (
      <Result
        status="success"
        title={t('代办件已提交')}
        subTitle={
          <span data-testid="agency-submitted">
            {t('办件编号')}{' '}<b data-testid="agency-case-no">{done.caseNo}</b>{t('，查询码')}{' '}<b>{done.queryCode}</b>（{AGENCY_MODE_LABELS[done.mode]}{t('）。请打印交接单，交接双方签字。')}
          </span>
        }
        extra={[
          <Button key="print" type="primary" icon={<PrinterOutlined />} href={documentUrl(done.id, done.handover.documentId)} target="_blank" data-testid="agency-print-sheet">
            {t('打印交接单')}
          </Button>,
          <Link key="case" to={`/cases/${done.id}`} data-testid="agency-open-case">
            <Button>{t('查看办件')}</Button>
          </Link>,
          <Button key="again" onClick={again} data-testid="agency-submit-again">
            {t('继续代办')}
          </Button>,
        ]}
      />
    );
  }

  return (
    <div data-testid="agency-submit">
      {!code && <ItemPicker testId="agency" placeholder={t('输入事项名称，如：高龄津贴、最低生活保障')} onPick={setCode} />}

      {code && guide.isError && <Alert type="error" showIcon title={errorText(guide.error)} action={<Button size="small" onClick={() => setCode('')}>{t('重新选择')}</Button>} />}

      {g && (
        <Form<ResidentForm> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ mode: 'proxy', kind: g.servedParty === 'organization' ? 'organization' : 'person' }} requiredMark>
          <Card size="small" className="bs-section">
            <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
              <Space orientation="vertical" size={2}>
                <Typography.Text strong style={{ fontSize: 16 }} data-testid="agency-item-name">{g.name}</Typography.Text>
                <Space size={[8, 4]} wrap>
                  <Typography.Text type="secondary">{g.code}</Typography.Text>
                  <Tag color="blue">{g.department?.name}</Tag>
                  <Tag color="geekblue">{caseKindLabel(g.caseKind)}</Tag>
                  <Tag>{t('承诺时限')}{' '}{formatLimit(g.promisedLimit)}</Tag>
                  {g.level === 'village' && <Tag color="green">{t('村级事项')}</Tag>}
                </Space>
              </Space>
              <Button icon={<SwapOutlined />} onClick={() => setCode('')} data-testid="agency-change-item">{t('更换事项')}</Button>
            </Space>
          </Card>
          <Row gutter={16}>
            <Col xs={24} lg={10}>
              <Card title={t('第二步：代办方式与群众信息')} size="small" className="bs-section">
                <Form.Item name="mode" label={t('代办方式')} rules={[{ required: true }]}>
                  <Radio.Group data-testid="agency-mode">
                    <Radio value="proxy" data-testid="agency-mode-proxy">{t('代办（群众不到场）')}</Radio>
                    <Radio value="accompany" data-testid="agency-mode-accompany">{t('陪办（陪同群众办理）')}</Radio>
                  </Radio.Group>
                </Form.Item>
                <Form.Item name="kind" label={t('申请人类型')} rules={[{ required: true }]}>
                  <Radio.Group>
                    <Radio value="person" disabled={g.servedParty === 'organization'}>{t('自然人')}</Radio>
                    <Radio value="organization" disabled={g.servedParty === 'person'}>{t('法人或其他组织')}</Radio>
                  </Radio.Group>
                </Form.Item>
                <Form.Item name="name" label={t('群众姓名（申请人）')} rules={[{ required: true, whitespace: true, message: t('请输入申请人姓名') }]}>
                  <Input maxLength={100} data-testid="agency-resident-name" />
                </Form.Item>
                <Form.Item name="idNumber" label={t('证件号码')} rules={[{ required: true, message: t('请输入证件号码') }, idRule(t, kind)]}>
                  <Input maxLength={18} data-testid="agency-resident-id" />
                </Form.Item>
                <Form.Item name="phone" label={t('联系电话')} rules={[{ required: true, message: t('请输入联系电话') }, phoneRule(t)]}>
                  <Input maxLength={20} data-testid="agency-resident-phone" />
                </Form.Item>
                {g.coApplicants && <CoApplicantFields rule={g.coApplicants} testPrefix="agency" />}
                <Form.Item name="note" label={t('备注（交接单上打印）')} style={{ marginBottom: 0 }}>
                  <Input.TextArea rows={2} maxLength={1000} placeholder={t('选填，如：老人行动不便，上门收件')} data-testid="agency-note" />
                </Form.Item>
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card title={t('第三步：收取的材料（列入交接单）')} size="small" className="bs-section" data-testid="agency-materials">
                {g.materials.map((m) => (
                  <div key={m.id} className="bs-check-row">
                    <Checkbox
                      checked={ticked.includes(m.id)}
                      disabled={m.source === 'sharing'}
                      onChange={(e) => setTicked((s) => (e.target.checked ? [...new Set([...s, m.id])] : s.filter((x) => x !== m.id)))}
                      data-testid={`agency-material-${m.id}`}
                    >
                      {m.name}
                    </Checkbox>
                    {m.source === 'sharing' && <Tag color="green">{t('部门共享免提交')}</Tag>}
                  </div>
                ))}
              </Card>
            </Col>
          </Row>
          {error !== null && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={errorText(error)}
              description={error instanceof ApiError && error.details.length ? detailLines(error).join('；') : undefined}
              data-testid="agency-submit-error"
            />
          )}
          <div className="bs-form-footer">
            <Button type="primary" size="large" htmlType="submit" icon={<SendOutlined />} loading={busy} data-testid="agency-submit-button">
              {t('提交代办件并生成交接单')}
            </Button>
          </div>
        </Form>
      )}
    </div>
  );
}

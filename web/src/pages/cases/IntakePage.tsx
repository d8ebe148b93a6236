/** 窗口受理 (receiver): pick a published item, enter the applicant, tick the materials, create a window case. */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Space, Tag, Typography } from 'antd';
import { AppstoreOutlined, CheckSquareOutlined, PlusCircleOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import type { PublicGuide } from '../../api/types';
import { saveChecklist, type NewCaseBody, type NewCaseResponse } from '../../api/cases';
import { MaterialFlags } from '../../components/CaseTags';
import { LicenceChoice, useUsableLicences } from '../../components/LicenceMaterial';
import { ItemPicker } from '../../components/ItemPicker';
import { detailLines, errorText } from '../../lib/feedback';
import { caseKindLabel, formatLimit, SERVED_PARTY_LABELS } from '../../lib/labels';
import type { Material } from '../../../../src/catalog/types';
import { Data, fillNodes, useT } from '../../lib/i18n';
import { idRule, phoneRule } from '../../lib/identity';
import { CoApplicantFields } from '../../components/CoApplicantFields';

interface ApplicantForm {
  kind: 'person' | 'organization';
  name: string;
  idNumber: string;
  phone: string;
  description?: string;
  coApplicants?: { name: string; idNumber: string }[];
}

export function IntakePage() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const code = params.get('item') ?? '';
  const [form] = Form.useForm<ApplicantForm>();
  const [ticked, setTicked] = useState<string[]>([]);
  /** 免证办: materials the applicant consents to take from their e-licence. */
  const [consents, setConsents] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);

  useEffect(() => {
    document.title = t('窗口受理 · 政务服务中心');
  }, []);


  const guide = useQuery({
    queryKey: ['guide', code],
    queryFn: ({ signal }) => api.get<PublicGuide>(`/api/public/items/${encodeURIComponent(code)}`, undefined, signal),
    enabled: !!code,
  });
  const g = guide.data;

  // A new item: nothing ticked yet; the applicant kind follows whom the item serves.
  useEffect(() => {
    setTicked([]);
    setConsents({});
    setError(null);
    if (g && g.servedParty !== 'both') form.setFieldValue('kind', g.servedParty);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [g?.code]);

  const idNumber = (Form.useWatch('idNumber', form) ?? '').trim().toUpperCase();
  const usable = useUsableLicences(g?.code, idNumber.length === 18 ? idNumber : undefined);
  const fromLicence = (id: string) => idNumber.length === 18 && !!usable[id] && !!consents[id];
  const submittable = useMemo(() => (g?.materials ?? []).filter((m) => m.source !== 'sharing'), [g]);
  const missing = useMemo(() => submittable.filter((m) => m.required === 'required' && !ticked.includes(m.id) && !fromLicence(m.id)), [submittable, ticked, usable, consents, idNumber]);

  const pick = (itemCode: string) => {
    const next = new URLSearchParams(params);
    next.set('item', itemCode);
    setParams(next);
  };
  const unpick = () => {
    const next = new URLSearchParams(params);
    next.delete('item');
    setParams(next);
  };

  const create = async (v: ApplicantForm) => {
    if (!g) return;
    setBusy(true);
    setError(null);
    const body: NewCaseBody = {
      itemCode: g.code,
      channel: 'window',
      applicant: { kind: v.kind, name: v.name.trim(), idNumber: v.idNumber.trim().toUpperCase(), phone: v.phone.trim() },
      ...(v.coApplicants?.length ? { coApplicants: v.coApplicants.map((p) => ({ name: p.name.trim(), idNumber: p.idNumber.trim().toUpperCase() })) } : {}),
      formData: v.description?.trim() ? { description: v.description.trim() } : {},
      ...(Object.keys(usable).some(fromLicence) ? { materials: Object.keys(usable).filter(fromLicence).map((materialId) => ({ materialId, licenceId: usable[materialId].id, consent: true as const })) } : {}),
    };
    try {
      const res = await api.post<NewCaseResponse>('/api/cases', body);
      saveChecklist(res.id, ticked);
      navigate(`/cases/${res.id}`, { state: { checklist: ticked, fromIntake: true } });
    } catch (e) {
      if (e instanceof ApiError) {
        const fields = e.details
          .map((d) => ({ name: /applicant[./](\w+)/.exec(d.field ?? '')?.[1], msg: d.messageZh || t('格式不正确') }))
          .filter((d): d is { name: keyof ApplicantForm; msg: string } => !!d.name && ['kind', 'name', 'idNumber', 'phone'].includes(d.name));
        if (fields.length) form.setFields(fields.map((f) => ({ name: f.name, errors: [f.msg] })));
      }
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const kind = Form.useWatch('kind', form) ?? 'person';

  return (
    <div className="bs-page" data-testid="intake-page">
      <div className="bs-page-head">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('窗口受理')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('无差别综合受理：选择事项 → 登记申请人 → 核对材料 → 创建办件后当场受理、一次性告知或容缺受理')}</Typography.Text>
        </div>
        {/* 一件事 (several departments' items for one life event) has its own one-form flow. */}
        <Button icon={<AppstoreOutlined />} onClick={() => navigate('/workbench/things')} data-testid="intake-things">{t('一件事受理')}</Button>
      </div>

      {!code && <ItemPicker testId="intake" cardTestId="intake-item-search-card" placeholder={t('输入事项名称或编码，如：最低生活保障、结婚登记')} initialQuery={params.get('q') ?? ''} onPick={pick} />}

      {code && guide.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(guide.error)}
          action={
            <Button size="small" onClick={unpick}>
              {t('重新选择')}
            </Button>
          }
        />
      )}

      {g && (
        <Form<ApplicantForm>
          form={form}
          layout="vertical"
          onFinish={(v) => void create(v)}
          initialValues={{ kind: g.servedParty === 'organization' ? 'organization' : 'person' }}
          requiredMark
        >
          <Card size="small" className="bs-section" data-testid="intake-selected-item">
            <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
              <Space orientation="vertical" size={2}>
                <Typography.Text strong style={{ fontSize: 16 }} data-testid="intake-item-name" translate="no">
                  {g.name}
                </Typography.Text>
                <Space size={[8, 4]} wrap>
                  <Typography.Text type="secondary">{g.code}</Typography.Text>
                  <Tag color="blue" translate="no">{g.department?.name}</Tag>
                  <Tag color="geekblue">{caseKindLabel(g.caseKind)}</Tag>
                  <Tag>{t('承诺时限')}{' '}{formatLimit(g.promisedLimit)}</Tag>
                  <Tag>{t('服务对象')}{' '}{SERVED_PARTY_LABELS[g.servedParty]}</Tag>
                  {g.conditionalAcceptance && <Tag color="cyan">{t('支持容缺受理')}</Tag>}
                </Space>
              </Space>
              <Button icon={<SwapOutlined />} onClick={unpick} data-testid="intake-change-item">
                {t('更换事项')}
              </Button>
            </Space>
          </Card>

          <Row gutter={16}>
            <Col xs={24} lg={10}>
              <Card title={t('第二步：登记申请人')} size="small" className="bs-section">
                <Form.Item name="kind" label={t('申请人类型')} rules={[{ required: true }]}>
                  <Radio.Group data-testid="intake-applicant-kind">
                    <Radio value="person" disabled={g.servedParty === 'organization'} data-testid="intake-kind-person">
                      {t('自然人')}
                    </Radio>
                    <Radio value="organization" disabled={g.servedParty === 'person'} data-testid="intake-kind-organization">
                      {t('法人或其他组织')}
                    </Radio>
                  </Radio.Group>
                </Form.Item>
                <Form.Item name="name" label={kind === 'organization' ? t('单位名称') : t('姓名')} rules={[{ required: true, whitespace: true, message: t('请输入申请人名称') }]}>
                  <Input maxLength={100} data-testid="intake-applicant-name" />
                </Form.Item>
                <Form.Item
                  name="idNumber"
                  label={kind === 'organization' ? t('统一社会信用代码') : t('身份证号')}
                  rules={[{ required: true, message: t('请输入证件号码') }, idRule(t, kind)]}
                >
                  <Input maxLength={18} data-testid="intake-applicant-id" />
                </Form.Item>
                <Form.Item name="phone" label={t('手机号码')} rules={[{ required: true, message: t('请输入联系电话') }, phoneRule(t)]}>
                  <Input maxLength={20} data-testid="intake-applicant-phone" />
                </Form.Item>
                {g.coApplicants && <CoApplicantFields rule={g.coApplicants} testPrefix="intake" />}
                <Form.Item name="description" label={t('申请事项说明')} style={{ marginBottom: 0 }}>
                  <Input.TextArea rows={2} maxLength={2000} placeholder={t('选填')} data-testid="intake-description" />
                </Form.Item>
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card
                title={t('第三步：核对申请材料')}
                size="small"
                className="bs-section"
                extra={
                  <Space size={4}>
                    <Button size="small" icon={<CheckSquareOutlined />} onClick={() => setTicked(submittable.map((m) => m.id))} data-testid="intake-check-all">
                      {t('全部收齐')}
                    </Button>
                    <Button size="small" onClick={() => setTicked([])} data-testid="intake-check-none">
                      {t('清空')}
                    </Button>
                  </Space>
                }
                data-testid="intake-checklist"
              >
                <div className="bs-checklist">
                  {g.materials.map((m: Material) => {
                    const shared = m.source === 'sharing';
                    return (
                      <div key={m.id} className={`bs-check-row${shared ? ' bs-check-row-shared' : ''}`} data-testid={`intake-material-row-${m.id}`}>
                        <Checkbox
                          checked={shared ? false : ticked.includes(m.id)}
                          disabled={shared}
                          onChange={(e) => setTicked((s) => (e.target.checked ? [...new Set([...s, m.id])] : s.filter((x) => x !== m.id)))}
                          data-testid={`intake-material-${m.id}`}
                        >
                          <span className="bs-check-name" translate="no">{m.name}</span>
                        </Checkbox>
                        <span className="bs-check-flags">
                          {shared ? (
                            <Tag color="green">{t('部门共享免提交')}</Tag>
                          ) : (
                            <MaterialFlags required={m.required} major={m.major} condition={m.condition} />
                          )}
                          {m.copies > 1 && !shared && <Typography.Text type="secondary">{m.copies}{t('份')}</Typography.Text>}
                        </span>
                        {!shared && usable[m.id] && idNumber.length === 18 && (
                          <LicenceChoice testId={`intake-licence-${m.id}`} licence={usable[m.id]} consent={!!consents[m.id]} onChange={(v) => setConsents((c) => ({ ...c, [m.id]: v }))} />
                        )}
                      </div>
                    );
                  })}
                </div>
                <div style={{ marginTop: 10 }} data-testid="intake-checklist-summary">
                  {missing.length === 0 ? (
                    <Alert type="success" showIcon title={t('必要材料已齐全，创建办件后可直接受理。')} />
                  ) : (
                    <Alert
                      type="warning"
                      showIcon
                      title={fillNodes(t('尚缺必要材料 {length} 项：{v1}', { length: missing.length }), { v1: <Data>{missing.map((m) => m.name).join('、')}</Data> })}
                      description={
                        g.conditionalAcceptance && missing.every((m) => !m.major)
                          ? t('所缺均为副件，创建办件后可容缺受理（申请人签署承诺书）。')
                          : t('创建办件后请一次性告知需补正的全部材料。')
                      }
                    />
                  )}
                </div>
              </Card>
            </Col>
          </Row>

          {error && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="intake-error"
              title={errorText(error)}
              description={error instanceof ApiError && error.code === 'validation_failed' && error.details.length ? detailLines(error).join('；') : undefined}
            />
          )}

          <div className="bs-form-footer">
            <Button type="primary" size="large" htmlType="submit" icon={<PlusCircleOutlined />} loading={busy} data-testid="intake-submit">
              {t('创建办件')}
            </Button>
          </div>
        </Form>
      )}
    </div>
  );
}

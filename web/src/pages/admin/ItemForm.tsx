/** The edit form for every GuideData field of a service item. */
import { AutoComplete, Button, Card, Checkbox, Col, Empty, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, Tooltip, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ITEM_LEVELS,
  CASE_KINDS,
  ENTRY_MODES,
  LIMIT_UNITS,
  OVERDUE_DEFAULTS,
  SPECIAL_PROCEDURES,
  type GuideData,
  type Limit,
  type Material,
} from '../../../../src/catalog/types';
import {
  CASE_KIND_LABELS,
  ITEM_LEVEL_LABELS,
  DELIVERY_LABELS,
  ENTRY_MODE_LABELS,
  LIMIT_UNIT_LABELS,
  MATERIAL_FORM_LABELS,
  MATERIAL_SOURCE_LABELS,
  MAX_VISITS_LABELS,
  ONLINE_DEPTH_LABELS,
  OVERDUE_DEFAULT_LABELS,
  REQUIRED_LABELS,
  RESULT_TYPE_LABELS,
  SERVED_PARTY_LABELS,
  SPECIAL_PROCEDURE_LABELS,
  STEP_ROLES,
  STEP_ROLE_LABELS,
} from '../../lib/labels';
import { useT, tr } from '../../lib/i18n';

export type ItemFormValues = GuideData & { code?: string };

export function newId(prefix = 'm'): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function' && globalThis.isSecureContext) return c.randomUUID();
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function emptyGuide(departmentId = ''): GuideData {
  return {
    name: '',
    type: 'license',
    theme: '',
    servedParty: 'person',
    departmentId,
    entryMode: 'resident',
    windowNames: [],
    responsiblePerson: '',
    legalBasis: '',
    statutoryLimit: { value: 20, unit: 'workingDays' },
    promisedLimit: { value: 5, unit: 'workingDays' },
    caseKind: 'promised',
    conditions: '',
    reviewStandard: '',
    procedure: [
      { name: tr('受理'), role: 'receiver' },
      { name: tr('审查'), role: 'handler', workingDays: 3 },
      { name: tr('决定'), role: 'chiefRep', workingDays: 1 },
      { name: tr('办结'), role: 'receiver' },
    ],
    specialProcedures: [],
    jointParticipants: [],
    maxVisits: 1,
    onlineDepth: 3,
    conditionalAcceptance: false,
    appointmentAllowed: true,
    deliveryModes: ['pickup'],
    overdueDefault: 'none',
    materials: [],
    fees: { free: true, items: [] },
    result: { name: '', type: 'certificate' },
    contact: { address: '', hours: '', phone: '', complaintPhone: '' },
  };
}

/** Fill in anything missing so the form always has every field. */
export function toFormValues(data: Partial<GuideData> | undefined, code?: string): ItemFormValues {
  const base = emptyGuide();
  const d = { ...base, ...(data ?? {}) } as GuideData;
  return {
    ...d,
    code,
    windowNames: d.windowNames ?? [],
    aliases: d.aliases ?? [],
    keywords: d.keywords ?? [],
    procedure: d.procedure ?? [],
    specialProcedures: d.specialProcedures ?? [],
    jointParticipants: d.jointParticipants ?? [],
    deliveryModes: d.deliveryModes ?? [],
    materials: (d.materials ?? []).map((m) => ({ ...m })),
    fees: { free: d.fees?.free ?? true, items: d.fees?.items ?? [], payBeforeDelivery: d.fees?.payBeforeDelivery ?? false },
    result: { ...base.result, ...(d.result ?? {}) },
    contact: { ...base.contact, ...(d.contact ?? {}) },
    statutoryLimit: { ...base.statutoryLimit, ...(d.statutoryLimit ?? {}) },
    promisedLimit: { ...base.promisedLimit, ...(d.promisedLimit ?? {}) },
  };
}

/** Search words trimmed and de-duplicated; none at all = the field is left out. */
function words(list: string[] | undefined): string[] | undefined {
  const out = [...new Set((list ?? []).map((w) => w.trim()).filter(Boolean))];
  return out.length ? out : undefined;
}

const blankToUndef = (s: string | undefined | null) => (s && s.trim() ? s.trim() : undefined);

function normLimit(l: Limit): Limit {
  return { unit: l.unit, value: l.unit === 'onTheSpot' ? 0 : Number(l.value ?? 0) };
}

/** Form values → the GuideData the API expects (optional fields dropped when not applicable). */
export function fromFormValues(values: ItemFormValues, original?: Partial<GuideData>): { data: GuideData; code?: string } {
  const { code, ...rest } = values;
  const v = { ...(original ?? {}), ...rest } as GuideData;
  const data: GuideData = {
    ...v,
    name: v.name.trim(),
    theme: (v.theme ?? '').trim(),
    notEnteredReason: v.entryMode === 'notEntered' ? blankToUndef(v.notEnteredReason) : undefined,
    windowNames: (v.windowNames ?? []).map((w) => w.trim()).filter(Boolean),
    aliases: words(v.aliases),
    keywords: words(v.keywords),
    statutoryLimit: normLimit(v.statutoryLimit),
    promisedLimit: normLimit(v.promisedLimit),
    procedure: (v.procedure ?? [])
      .filter((s) => s && s.name)
      .map((s) => ({ name: s.name.trim(), role: s.role, ...(s.workingDays !== undefined && s.workingDays !== null ? { workingDays: Number(s.workingDays) } : {}) })),
    jointParticipants: v.caseKind === 'joint' ? (v.jointParticipants ?? []).filter((j) => j && j.departmentId) : [],
    materials: (v.materials ?? [])
      .filter((m) => m && m.name)
      .map((m): Material => {
        const out: Material = {
          id: m.id || newId(),
          name: m.name.trim(),
          required: m.required ?? 'required',
          major: m.major ?? true,
          copies: Number(m.copies ?? 1),
          form: m.form ?? 'paper',
          source: m.source ?? 'applicant',
        };
        if (out.required === 'conditional' && blankToUndef(m.condition)) out.condition = blankToUndef(m.condition);
        if (blankToUndef(m.sourceAgency)) out.sourceAgency = blankToUndef(m.sourceAgency);
        if (blankToUndef(m.sample)) out.sample = blankToUndef(m.sample);
        if (blankToUndef(m.note)) out.note = blankToUndef(m.note);
        return out;
      }),
    fees: v.fees?.free ? { free: true, items: [] } : { free: false, items: (v.fees?.items ?? []).filter((f) => f && f.name), ...(v.fees?.payBeforeDelivery ? { payBeforeDelivery: true } : {}) },
    result: {
      name: v.result?.name ?? '',
      type: v.result?.type ?? 'other',
      ...(blankToUndef(v.result?.sample) ? { sample: blankToUndef(v.result?.sample) } : {}),
    },
  };
  if (data.notEnteredReason === undefined) delete data.notEnteredReason;
  if (!data.keyProject) delete data.keyProject;
  if (!data.level) delete data.level;
  return { data, code: blankToUndef(code) };
}

function LimitInput({ name, label, testId, extra }: { name: 'statutoryLimit' | 'promisedLimit'; label: string; testId: string; extra?: string }) {
  const t = useT();
  const form = Form.useFormInstance<ItemFormValues>();
  const unit = Form.useWatch([name, 'unit'], form);
  return (
    <Form.Item label={label} required extra={extra}>
      <Space.Compact>
        <Form.Item name={[name, 'value']} noStyle rules={[{ required: unit !== 'onTheSpot', message: t('请输入{label}', { label }) }]}>
          <InputNumber min={0} max={3650} precision={0} style={{ width: 110 }} disabled={unit === 'onTheSpot'} data-testid={`${testId}-value`} />
        </Form.Item>
        <Form.Item name={[name, 'unit']} noStyle>
          <Select style={{ width: 120 }} data-testid={`${testId}-unit`} options={LIMIT_UNITS.map((u) => ({ value: u, label: LIMIT_UNIT_LABELS[u] }))} />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}

function MaterialRow({ index, count, onRemove, onMove, readOnly }: { index: number; count: number; onRemove: () => void; onMove: (to: number) => void; readOnly: boolean }) {
  const t = useT();
  const form = Form.useFormInstance<ItemFormValues>();
  const required = Form.useWatch(['materials', index, 'required'], form);
  const source = Form.useWatch(['materials', index, 'source'], form);
  return (
    <div className="bs-list-row" data-testid={`material-edit-${index}`}>
      <Row gutter={8} align="top">
        <Col flex="32px">
          <span className="bs-row-no">{index + 1}</span>
        </Col>
        <Col flex="auto">
          <Row gutter={8}>
            <Col xs={24} md={10}>
              <Form.Item name={[index, 'name']} rules={[{ required: true, message: t('请输入材料名称') }]} label={t('材料名称')}>
                <Input placeholder={t('如：居民身份证')} data-testid={`material-name-${index}`} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name={[index, 'required']} label={t('必要性')}>
                <Select data-testid={`material-required-${index}`} options={(['required', 'optional', 'conditional'] as const).map((r) => ({ value: r, label: REQUIRED_LABELS[r] }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name={[index, 'major']} label={t('主件/副件')}>
                <Select
                  data-testid={`material-major-${index}`}
                  options={[
                    { value: true, label: t('主件') },
                    { value: false, label: t('副件（可容缺）') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={3}>
              <Form.Item name={[index, 'copies']} label={t('份数')}>
                <InputNumber min={0} max={99} precision={0} style={{ width: '100%' }} data-testid={`material-copies-${index}`} />
              </Form.Item>
            </Col>
            <Col xs={12} md={3}>
              <Form.Item name={[index, 'form']} label={t('形式')}>
                <Select options={(['paper', 'electronic', 'both'] as const).map((f) => ({ value: f, label: MATERIAL_FORM_LABELS[f] }))} />
              </Form.Item>
            </Col>
            {required === 'conditional' && (
              <Col xs={24} md={24}>
                <Form.Item name={[index, 'condition']} label={t('适用情形')} rules={[{ required: true, message: t('请说明何种情形需要提交') }]}>
                  <Input placeholder={t('如：委托他人办理的')} data-testid={`material-condition-${index}`} />
                </Form.Item>
              </Col>
            )}
            <Col xs={12} md={5}>
              <Form.Item name={[index, 'source']} label={t('来源')}>
                <Select
                  data-testid={`material-source-${index}`}
                  options={[
                    { value: 'applicant', label: MATERIAL_SOURCE_LABELS.applicant },
                    { value: 'sharing', label: t('部门共享（无需提交）') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item name={[index, 'sourceAgency']} label={source === 'sharing' ? t('共享来源部门') : t('出具单位')}>
                <Input placeholder={source === 'sharing' ? t('如：公安局') : t('可选')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={7}>
              <Form.Item name={[index, 'sample']} label={t('样表/模板')}>
                <Input placeholder={t('链接或说明')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={7}>
              <Form.Item name={[index, 'note']} label={t('备注')}>
                <Input placeholder={t('填报要求等')} />
              </Form.Item>
            </Col>
          </Row>
        </Col>
        {!readOnly && (
          <Col flex="40px" className="bs-row-ops">
            <Tooltip title={t('上移')}>
              <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(index - 1)} />
            </Tooltip>
            <Tooltip title={t('下移')}>
              <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => onMove(index + 1)} />
            </Tooltip>
            <Tooltip title={t('删除')}>
              <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} data-testid={`material-remove-${index}`} />
            </Tooltip>
          </Col>
        )}
      </Row>
    </div>
  );
}

export interface ItemFormProps {
  form: FormInstance<ItemFormValues>;
  initial: ItemFormValues;
  isNew: boolean;
  readOnly: boolean;
  lockDepartment: boolean;
  departments: { id: string; name: string }[];
  themes: string[];
  typeOptions: { value: string; label: string }[];
  onDirty?: () => void;
}

export function ItemForm({ form, initial, isNew, readOnly, lockDepartment, departments, themes, typeOptions, onDirty }: ItemFormProps) {
  const t = useT();
  const caseKind = Form.useWatch('caseKind', form);
  const entryMode = Form.useWatch('entryMode', form);
  const free = Form.useWatch(['fees', 'free'], form);
  const deptOptions = departments.map((d) => ({ value: d.id, label: d.name }));

  return (
    <Form<ItemFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={readOnly}
      onValuesChange={(changed: Partial<ItemFormValues>) => {
        // 即办件 ⇔ 承诺时限为即办 (server rule): keep them in step.
        if (changed.caseKind === 'immediate') form.setFieldValue('promisedLimit', { value: 0, unit: 'onTheSpot' });
        else if (changed.caseKind && form.getFieldValue(['promisedLimit', 'unit']) === 'onTheSpot') form.setFieldValue('promisedLimit', { value: 5, unit: 'workingDays' });
        else if (changed.promisedLimit?.unit === 'onTheSpot') {
          form.setFieldValue(['promisedLimit', 'value'], 0);
          form.setFieldValue('caseKind', 'immediate');
        }
        for (const key of ['statutoryLimit', 'promisedLimit'] as const) {
          const unit = changed[key]?.unit;
          if (!unit) continue;
          if (unit === 'onTheSpot') form.setFieldValue([key, 'value'], 0);
          else if (!form.getFieldValue([key, 'value'])) form.setFieldValue([key, 'value'], 1);
        }
        if (changed.promisedLimit?.unit && changed.promisedLimit.unit !== 'onTheSpot' && form.getFieldValue('caseKind') === 'immediate') {
          form.setFieldValue('caseKind', 'promised');
        }
        onDirty?.();
      }}
      scrollToFirstError={{ behavior: 'smooth', block: 'center' }}
      className="bs-item-form"
      data-testid="item-form"
    >
      <Card title={t('基本信息')} size="small" className="bs-section">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('事项名称')} rules={[{ required: true, whitespace: true, message: t('请输入事项名称') }]}>
              <Input placeholder={t('如：食品经营许可证核发')} maxLength={200} data-testid="field-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="code"
              label={t('事项编码')}
              extra={isNew ? t('留空由系统按编码规则生成，如 62052400MZ-XK-0001') : t('编码创建后不可修改')}
              rules={[{ max: 40, message: t('编码过长') }]}
            >
              <Input placeholder={t('自动生成')} disabled={!isNew} data-testid="field-code" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="type" label={t('事项类型')} rules={[{ required: true }]}>
              <Select options={typeOptions} data-testid="field-type" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="theme" label={t('主题分类')} extra={t('人生事件 / 企业事件，如：出生、就业、开办企业')}>
              <AutoComplete options={themes.map((t) => ({ value: t }))} placeholder={t('主题')} data-testid="field-theme" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="servedParty" label={t('服务对象')}>
              <Radio.Group
                optionType="button"
                options={(['person', 'organization', 'both'] as const).map((p) => ({ value: p, label: SERVED_PARTY_LABELS[p] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="departmentId" label={t('实施部门')} rules={[{ required: true, message: t('请选择实施部门') }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={deptOptions} disabled={lockDepartment} placeholder={t('选择部门')} data-testid="field-department" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="entryMode" label={t('进驻方式')}>
              <Select options={ENTRY_MODES.map((m) => ({ value: m, label: ENTRY_MODE_LABELS[m] }))} data-testid="field-entryMode" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="responsiblePerson" label={t('审批责任人')}>
              <Input placeholder={t('姓名/职务')} data-testid="field-responsiblePerson" />
            </Form.Item>
          </Col>
          {entryMode === 'notEntered' && (
            <Col xs={24}>
              <Form.Item name="notEnteredReason" label={t('未进驻原因')} rules={[{ required: true, message: t('未进驻事项须说明原因') }]}>
                <Input data-testid="field-notEnteredReason" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={16}>
            <Form.Item name="windowNames" label={t('受理窗口')} extra={t('输入窗口名称后回车，可填多个')}>
              <Select mode="tags" tokenSeparators={[',', '，']} placeholder={t('如：综合受理窗口')} open={false} suffixIcon={null} data-testid="field-windowNames" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="aliases" label={t('别名（俗称）')} extra={t('群众常用的叫法，门户搜索时排在事项名称之后；拼音与首字母自动生成。')}>
              <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder={t('输入后回车，如：低保、低保申请')} open={false} suffixIcon={null} data-testid="field-aliases" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="keywords" label={t('搜索关键词')}>
              <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder={t('输入后回车，如：最低生活保障、困难家庭')} open={false} suffixIcon={null} data-testid="field-keywords" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="keyProject" label={t('重点项目')} valuePropName="checked">
              <Switch checkedChildren={t('是')} unCheckedChildren={t('否')} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('法律依据与时限')} size="small" className="bs-section">
        <Form.Item name="legalBasis" label={t('设定依据')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder={t('法律、法规、规章名称及条款')} data-testid="field-legalBasis" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <LimitInput name="statutoryLimit" label={t('法定时限')} testId="field-statutoryLimit" />
          </Col>
          <Col xs={24} md={8}>
            <LimitInput name="promisedLimit" label={t('承诺时限')} testId="field-promisedLimit" extra={t('承诺时限不得超过法定时限')} />
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="caseKind" label={t('办件类型')}>
              <Select options={CASE_KINDS.map((k) => ({ value: k, label: CASE_KIND_LABELS[k] }))} data-testid="field-caseKind" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="level" label={t('层级')} extra={t('村级事项承诺时限填 0 时，按 10 个工作日承诺')}>
              <Select allowClear placeholder={t('县级')} options={ITEM_LEVELS.map((k) => ({ value: k, label: ITEM_LEVEL_LABELS[k] }))} data-testid="field-level" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('受理条件与审查标准')} size="small" className="bs-section">
        <Form.Item name="conditions" label={t('受理条件')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} data-testid="field-conditions" />
        </Form.Item>
        <Form.Item name="reviewStandard" label={t('审查标准')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} data-testid="field-reviewStandard" />
        </Form.Item>
      </Card>

      <Card title={t('申请材料')} size="small" className="bs-section">
        <Form.List name="materials">
          {(fields, { add, remove, move }) => (
            <>
              {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('尚未添加申请材料')} />}
              {fields.map((f, i) => (
                <MaterialRow key={f.key} index={f.name} count={fields.length} readOnly={readOnly} onRemove={() => remove(f.name)} onMove={(to) => move(i, to)} />
              ))}
              {!readOnly && (
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  data-testid="material-add"
                  onClick={() => add({ id: newId(), name: '', required: 'required', major: true, copies: 1, form: 'paper', source: 'applicant' } satisfies Material)}
                >
                  {t('添加材料')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Card>

      <Card title={t('办理流程')} size="small" className="bs-section">
        <Form.List name="procedure">
          {(fields, { add, remove, move }) => (
            <>
              {fields.map((f, i) => (
                <Row key={f.key} gutter={8} align="middle" className="bs-list-row bs-list-row-compact" data-testid={`procedure-edit-${i}`}>
                  <Col flex="32px">
                    <span className="bs-row-no">{i + 1}</span>
                  </Col>
                  <Col flex="auto">
                    <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true, message: t('请输入环节名称') }]}>
                      <Input placeholder={t('环节名称，如：受理、审查、决定')} data-testid={`procedure-name-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col flex="160px">
                    <Form.Item name={[f.name, 'role']} noStyle>
                      <Select style={{ width: '100%' }} options={STEP_ROLES.map((r) => ({ value: r, label: STEP_ROLE_LABELS[r] }))} data-testid={`procedure-role-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col flex="150px">
                    <Form.Item name={[f.name, 'workingDays']} noStyle>
                      <InputNumber min={0} max={365} precision={0} placeholder={t('时限')} suffix={t('工作日')} style={{ width: '100%' }} data-testid={`procedure-days-${i}`} />
                    </Form.Item>
                  </Col>
                  {!readOnly && (
                    <Col flex="100px" className="bs-row-ops-inline">
                      <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} />
                      <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} />
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} data-testid={`procedure-remove-${i}`} />
                    </Col>
                  )}
                </Row>
              ))}
              {!readOnly && (
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '', role: 'handler' })} data-testid="procedure-add">
                  {t('添加环节')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.Item name="specialProcedures" label={t('可能涉及的特别程序')} style={{ marginTop: 16 }} extra={t('特别程序期间暂停计时')}>
          <Select mode="multiple" allowClear options={SPECIAL_PROCEDURES.map((p) => ({ value: p, label: SPECIAL_PROCEDURE_LABELS[p] }))} data-testid="field-specialProcedures" />
        </Form.Item>
      </Card>

      {caseKind === 'joint' && (
        <Card title={t('联办部门')} size="small" className="bs-section" data-testid="joint-section">
          <Form.List name="jointParticipants">
            {(fields, { add, remove }) => (
              <>
                {fields.length === 0 && <Typography.Paragraph type="secondary">{t('联办件需配置参与部门及分段时限。')}</Typography.Paragraph>}
                {fields.map((f, i) => (
                  <Row key={f.key} gutter={8} align="middle" className="bs-list-row bs-list-row-compact" data-testid={`joint-edit-${i}`}>
                    <Col flex="220px">
                      <Form.Item name={[f.name, 'departmentId']} noStyle rules={[{ required: true, message: t('请选择部门') }]}>
                        <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('联办部门')} options={deptOptions} style={{ width: '100%' }} data-testid={`joint-department-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col flex="auto">
                      <Form.Item name={[f.name, 'task']} noStyle>
                        <Input placeholder={t('承担事项，如：现场核查')} data-testid={`joint-task-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col flex="170px">
                      <Form.Item name={[f.name, 'subLimitWorkingDays']} noStyle rules={[{ required: true, message: t('请输入协办时限') }]}>
                        <InputNumber min={1} max={365} precision={0} suffix={t('工作日')} placeholder={t('协办时限')} style={{ width: '100%' }} data-testid={`joint-limit-${i}`} />
                      </Form.Item>
                    </Col>
                    {!readOnly && (
                      <Col flex="40px">
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} data-testid={`joint-remove-${i}`} />
                      </Col>
                    )}
                  </Row>
                ))}
                {!readOnly && (
                  <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ departmentId: undefined, task: '', subLimitWorkingDays: 3 })} data-testid="joint-add">
                    {t('添加联办部门')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Card>
      )}

      <Card title={t('服务方式')} size="small" className="bs-section">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="maxVisits" label={t('到现场次数')}>
              <Radio.Group optionType="button" options={[0, 1, 2].map((n) => ({ value: n, label: MAX_VISITS_LABELS[n] }))} data-testid="field-maxVisits" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="onlineDepth" label={t('网办深度')}>
              <Select options={[1, 2, 3, 4].map((n) => ({ value: n, label: ONLINE_DEPTH_LABELS[n] }))} data-testid="field-onlineDepth" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="overdueDefault" label={t('超时默认')}>
              <Select options={OVERDUE_DEFAULTS.map((o) => ({ value: o, label: OVERDUE_DEFAULT_LABELS[o] }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="conditionalAcceptance" label={t('容缺受理')} valuePropName="checked">
              <Switch checkedChildren={t('支持')} unCheckedChildren={t('不支持')} data-testid="field-conditionalAcceptance" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="appointmentAllowed" label={t('预约办理')} valuePropName="checked">
              <Switch checkedChildren={t('支持')} unCheckedChildren={t('不支持')} data-testid="field-appointmentAllowed" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="deliveryModes" label={t('送达方式')}>
              <Checkbox.Group options={(['pickup', 'post'] as const).map((m) => ({ value: m, label: DELIVERY_LABELS[m] }))} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('收费')} size="small" className="bs-section">
        <Form.Item name={['fees', 'free']} valuePropName="checked" label={t('是否免费')}>
          <Switch checkedChildren={t('免费')} unCheckedChildren={t('收费')} data-testid="field-fees-free" />
        </Form.Item>
        {!free && (
          <Form.Item name={['fees', 'payBeforeDelivery']} valuePropName="checked" label={t('缴费后方可送达结果')}>
            <Switch data-testid="field-fees-pay-before-delivery" />
          </Form.Item>
        )}
        {!free && (
          <Form.List name={['fees', 'items']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Row key={f.key} gutter={8} className="bs-list-row bs-list-row-compact" data-testid={`fee-edit-${i}`}>
                    <Col xs={24} md={6}>
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('请输入收费项目') }]} label={t('收费项目')}>
                        <Input data-testid={`fee-name-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[f.name, 'standard']} rules={[{ required: true, message: t('请输入收费标准') }]} label={t('收费标准')}>
                        <Input placeholder={t('金额或计算规则')} data-testid={`fee-standard-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={22} md={9}>
                      <Form.Item name={[f.name, 'basis']} rules={[{ required: true, message: t('请输入收费依据') }]} label={t('收费依据')}>
                        <Input placeholder={t('文件名称及文号')} data-testid={`fee-basis-${i}`} />
                      </Form.Item>
                    </Col>
                    {!readOnly && (
                      <Col xs={2} md={1} style={{ paddingTop: 30 }}>
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} data-testid={`fee-remove-${i}`} />
                      </Col>
                    )}
                  </Row>
                ))}
                {!readOnly && (
                  <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '', standard: '', basis: '' })} data-testid="fee-add">
                    {t('添加收费项目')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        )}
      </Card>

      <Card title={t('办理结果')} size="small" className="bs-section">
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item name={['result', 'name']} label={t('结果名称')}>
              <Input placeholder={t('如：食品经营许可证')} data-testid="field-result-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={['result', 'type']} label={t('结果类型')}>
              <Select options={(['certificate', 'approval', 'other'] as const).map((t) => ({ value: t, label: RESULT_TYPE_LABELS[t] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['result', 'sample']} label={t('结果样本')}>
              <Input placeholder={t('链接或说明')} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('办理地点与咨询')} size="small" className="bs-section">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={['contact', 'address']} label={t('办理地点')}>
              <Input data-testid="field-contact-address" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['contact', 'hours']} label={t('办理时间')}>
              <Input placeholder={t('如：周一至周五 9:00-12:00，13:30-17:30')} data-testid="field-contact-hours" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['contact', 'phone']} label={t('咨询电话')}>
              <Input data-testid="field-contact-phone" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['contact', 'complaintPhone']} label={t('投诉电话')}>
              <Input data-testid="field-contact-complaintPhone" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
    </Form>
  );
}

/** The form's first sections: what the item is, its legal basis and limits, and its conditions. */
import { AutoComplete, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, Card } from 'antd';
import { ITEM_LEVELS, CASE_KINDS, ENTRY_MODES, LIMIT_UNITS } from '../../../../src/catalog/types';
import { CASE_KIND_LABELS, ITEM_LEVEL_LABELS, ENTRY_MODE_LABELS, LIMIT_UNIT_LABELS, SERVED_PARTY_LABELS } from '../../lib/labels';
import type { ItemFormValues } from './itemFormValues';
import { useT } from '../../lib/i18n';

type Options = { value: string; label: string }[];

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

/** 基本信息, 法律依据与时限, 受理条件与审查标准. */
export function ItemFormBasics({ isNew, lockDepartment, deptOptions, themes, typeOptions }: { isNew: boolean; lockDepartment: boolean; deptOptions: Options; themes: string[]; typeOptions: Options }) {
  const t = useT();
  const entryMode = Form.useWatch('entryMode', Form.useFormInstance<ItemFormValues>());
  return (
    <>
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
    </>
  );
}

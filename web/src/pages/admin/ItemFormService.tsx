/** The form's last sections: how the item is served, its fees, its result and where to ask. */
import { Button, Card, Checkbox, Col, Form, Input, Radio, Row, Select, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { OVERDUE_DEFAULTS } from '../../../../src/catalog/types';
import { DELIVERY_LABELS, MAX_VISITS_LABELS, ONLINE_DEPTH_LABELS, OVERDUE_DEFAULT_LABELS, RESULT_TYPE_LABELS } from '../../lib/labels';
import type { ItemFormValues } from './itemFormValues';
import { useT } from '../../lib/i18n';

/** 服务方式, 收费, 办理结果, 办理地点与咨询. */
export function ItemFormService({ readOnly }: { readOnly: boolean }) {
  const t = useT();
  const free = Form.useWatch(['fees', 'free'], Form.useFormInstance<ItemFormValues>());
  return (
    <>
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
          <Col xs={24} md={12}>
            <Form.Item name={['result', 'supersedes']} label={t('替代证照类型')} tooltip={t('准予后，申请人原持有的该类型电子证照被新证照替代')}>
              <Input placeholder={t('如：营业执照（可选）')} data-testid="field-result-supersedes" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['result', 'revokes']} label={t('注销证照类型')} tooltip={t('准予后，申请人持有的该类型电子证照被注销')}>
              <Input placeholder={t('如：结婚证（可选）')} data-testid="field-result-revokes" />
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
    </>
  );
}

/** The form's 申请材料 section: one row per material, in the order the guide lists them. */
import { Button, Card, Col, Empty, Form, Input, InputNumber, Row, Select, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Material } from '../../../../src/catalog/types';
import { MATERIAL_FORM_LABELS, MATERIAL_SOURCE_LABELS, REQUIRED_LABELS } from '../../lib/labels';
import { newId, type ItemFormValues } from './itemFormValues';
import { useT } from '../../lib/i18n';

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
            <Col xs={12} md={5}>
              <Form.Item name={[index, 'licenceType']} label={t('可用电子证照')} tooltip={t('申请人持有该类型的有效电子证照时，经其同意使用证照，无需再交此材料（免证办）')}>
                <Input placeholder={t('如：营业执照（可选）')} data-testid={`material-licence-${index}`} />
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

/** 申请材料. */
export function ItemFormMaterials({ readOnly }: { readOnly: boolean }) {
  const t = useT();
  return (
    <>
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
    </>
  );
}

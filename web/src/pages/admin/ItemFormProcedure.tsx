/** The form's 办理流程 section, and the 联办部门 of a joint item with their sub-limits. */
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { SPECIAL_PROCEDURES } from '../../../../src/catalog/types';
import { SPECIAL_PROCEDURE_LABELS, STEP_ROLES, STEP_ROLE_LABELS } from '../../lib/labels';
import type { ItemFormValues } from './itemFormValues';
import { useT } from '../../lib/i18n';

/** 办理流程 and 联办部门. */
export function ItemFormProcedure({ readOnly, deptOptions }: { readOnly: boolean; deptOptions: { value: string; label: string }[] }) {
  const t = useT();
  const caseKind = Form.useWatch('caseKind', Form.useFormInstance<ItemFormValues>());
  return (
    <>
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
    </>
  );
}

/**
 * Co-applicants of an item whose law names several applicants (结婚登记, 离婚登记, 收养登记): one
 * name and ID number per person, each checked by the shared identity rules. Used at the window
 * and at agency points, so both take the same people the same way.
 */
import { Button, Form, Input, Space } from 'antd';
import type { CoApplicantRule } from '../../../src/catalog/types';
import { useT } from '../lib/i18n';
import { idRule } from '../lib/identity';

export function CoApplicantFields({ rule, testPrefix }: { rule: CoApplicantRule; testPrefix: string }) {
  const t = useT();
  const blank = () => ({ name: '', idNumber: '' });
  return (
    <Form.List name="coApplicants" initialValue={Array.from({ length: Math.max(rule.min, 1) }, blank)}>
      {(fields, { add, remove }) => (
        <div data-testid={`${testPrefix}-co-applicants`}>
          {fields.map((f, i) => (
            <Space key={f.key} align="start" wrap>
              <Form.Item name={[f.name, 'name']} label={<span translate="no">{`${rule.label}${fields.length > 1 ? i + 1 : ''}`}</span>} rules={[{ required: true, whitespace: true, message: t('请填写共同申请人姓名') }]}>
                <Input maxLength={100} data-testid={`${testPrefix}-co-name-${i}`} />
              </Form.Item>
              <Form.Item name={[f.name, 'idNumber']} label={t('身份证号')} rules={[{ required: true, message: t('请输入证件号码') }, idRule(t)]}>
                <Input maxLength={18} data-testid={`${testPrefix}-co-id-${i}`} />
              </Form.Item>
              {fields.length > rule.min && <Button type="link" onClick={() => remove(f.name)} style={{ marginTop: 30 }}>{t('删除')}</Button>}
            </Space>
          ))}
          {fields.length < rule.max && <Button size="small" onClick={() => add(blank())} style={{ marginBottom: 12 }}>{t('添加共同申请人')}</Button>}
        </div>
      )}
    </Form.List>
  );
}

/**
 * 一表申请: the merged form of the chosen items, each field asked once and grouped by its
 * `group` (申请人, 新生儿, 经营主体…). Every kind is typed in or tapped — no drop-down or
 * calendar pop-up — so it works the same on a phone and in 长辈版; identity numbers and
 * phones are checked by the shared identity rules before the request goes out.
 */
import { Card, Form, Input, Radio } from 'antd';
import type { RuleObject } from 'antd/es/form';
import { idRule, phoneRule } from '../../lib/identity';
import { useT } from '../../lib/i18n';
import type { ApplicantInput, PlanField } from './api';
import { groupFields, normalizeDate, validDate } from './oneFormRules';

export { formDataOf } from './oneFormRules';

type T = (zh: string, vars?: Record<string, string | number>) => string;

const check = (ok: (v: string) => boolean, message: string) => ({
  validator: (_: RuleObject, value: unknown) => {
    const v = typeof value === 'string' ? value.trim() : '';
    return !v || ok(v) ? Promise.resolve() : Promise.reject(new Error(message));
  },
});

function rulesFor(f: PlanField, t: T) {
  const required = f.required ? [{ required: true, whitespace: true, message: t('请填写{label}', { label: f.label }) }] : [];
  switch (f.kind) {
    case 'idNumber': return [...required, ...(f.required ? [idRule(t)] : [{ validator: (r: RuleObject, v: unknown) => (typeof v === 'string' && v.trim() ? idRule(t).validator(r, v) : Promise.resolve()) }])];
    case 'phone': return [...required, phoneRule(t, { landline: true, optional: true })];
    case 'date': return [...required, check((v) => validDate(normalizeDate(v)), t('请按“年-月-日”填写日期，如 2026-03-05'))];
    case 'number': return [...required, check((v) => /^\d+(\.\d+)?$/.test(v), t('请填写数字'))];
    default: return required;
  }
}

/** One field's control; Form.Item hands it `value` and `onChange`, passed on to the control. */
function FieldInput({ f, testId, ...control }: { f: PlanField; testId: string; value?: unknown; onChange?: (v: unknown) => void }) {
  const t = useT();
  // What people type is data: left alone by translators (and by the English check).
  const p = { ...control, 'data-testid': testId, translate: 'no' } as Record<string, unknown>;
  switch (f.kind) {
    case 'choice':
      return (
        <Radio.Group {...p} className="bs-choice"
          options={(f.options ?? []).map((o) => ({ value: o, label: <span translate="no">{o}</span> }))} />
      );
    case 'date':
      return <Input {...p} inputMode="numeric" maxLength={12} placeholder={t('年-月-日，如 2026-03-05')} />;
    case 'number':
      return <Input {...p} inputMode="decimal" maxLength={20} />;
    case 'idNumber':
      return <Input {...p} maxLength={18} autoComplete="off" />;
    case 'phone':
      return <Input {...p} type="tel" maxLength={20} />;
    case 'address':
      return <Input.TextArea {...p} autoSize={{ minRows: 1, maxRows: 3 }} maxLength={200} />;
    default:
      return <Input {...p} maxLength={100} />;
  }
}

/** The one form's fields (inside the page's <Form>, under `f`). */
export function OneFormFields({ fields }: { fields: PlanField[] }) {
  const t = useT();
  return (
    <>
      {groupFields(fields).map(([group, fs]) => (
        <Card key={group} size="small" className="bs-section" title={group ? <span translate="no">{group}</span> : t('其他信息')} data-testid={`form-group-${group}`}>
          <div className="bs-form-grid">
            {fs.map((f) => (
              <Form.Item
                key={f.key}
                name={['f', f.key]}
                label={<span translate="no">{f.label}</span>}
                required={f.required}
                rules={rulesFor(f, t)}
              >
                <FieldInput f={f} testId={`field-${f.key}`} />
              </Form.Item>
            ))}
          </div>
        </Card>
      ))}
    </>
  );
}

/** At the 综合窗口: the walk-in applicant's identity (under `applicant`), checked like 窗口受理's. */
export function WindowApplicantFields({ servedParty, kind }: { servedParty: 'person' | 'organization'; kind: ApplicantInput['kind'] }) {
  const t = useT();
  return (
    <Card size="small" className="bs-section" title={t('申请人')} data-testid="bundle-window-applicant">
      <div className="bs-form-grid">
        <Form.Item name={['applicant', 'kind']} label={t('申请人类型')} rules={[{ required: true }]}>
          <Radio.Group data-testid="bundle-applicant-kind">
            <Radio value="person" disabled={servedParty === 'organization'}>{t('自然人')}</Radio>
            <Radio value="organization" disabled={servedParty === 'person'}>{t('法人或其他组织')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name={['applicant', 'name']} label={kind === 'organization' ? t('单位名称') : t('姓名')} rules={[{ required: true, whitespace: true, message: t('请输入申请人名称') }]}>
          <Input maxLength={100} data-testid="bundle-applicant-name" />
        </Form.Item>
        <Form.Item name={['applicant', 'idNumber']} label={kind === 'organization' ? t('统一社会信用代码') : t('身份证号')} rules={[{ required: true, message: t('请输入证件号码') }, idRule(t, kind)]}>
          <Input maxLength={18} autoComplete="off" data-testid="bundle-applicant-id" />
        </Form.Item>
        <Form.Item name={['applicant', 'phone']} label={t('手机号码')} rules={[{ required: true, message: t('请输入联系电话') }, phoneRule(t)]}>
          <Input type="tel" maxLength={20} data-testid="bundle-applicant-phone" />
        </Form.Item>
      </div>
    </Card>
  );
}

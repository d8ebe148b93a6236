/** Pieces the action forms share: which materials the applicant hands in, checklists of them, a reason field. */
import { Checkbox, Form, Input } from 'antd';
import type { CaseMaterial, CaseView } from '../../../api/cases';
import { MaterialFlags } from '../../../components/CaseTags';
import { useT } from '../../../lib/i18n';

/** Materials the applicant hands in (not obtained by data sharing). */
export const submittable = (c: CaseView) => c.materials.filter((m) => m.source !== 'sharing');

/** What the window has in hand: the intake checklist when there is one, plus what the server already has. */
export function inHand(c: CaseView, checklist: string[] | null): string[] {
  const provided = submittable(c).filter((m) => m.provided).map((m) => m.materialId);
  return [...new Set([...(checklist ?? []), ...provided])];
}

/** Materials still to come: not provided, or owed under 容缺. */
export const outstanding = (c: CaseView) => submittable(c).filter((m) => !m.provided || m.owed);

/** A material's name (the catalog's words) and its flags. */
export function MaterialOption({ m }: { m: CaseMaterial }) {
  return (
    <span className="bs-check-name">
      <span translate="no">{m.name}</span> <MaterialFlags required={m.required} major={m.major} />
    </span>
  );
}

/** One checkbox per material, bound to the form field `name`. */
export function MaterialChecks({ name, materials, testId }: { name: string; materials: CaseMaterial[]; testId: string }) {
  return (
    <Form.Item name={name} noStyle>
      <Checkbox.Group style={{ width: '100%' }} data-testid={testId}>
        <div className="bs-checklist">
          {materials.map((m) => (
            <div key={m.materialId} className="bs-check-row">
              <Checkbox value={m.materialId} data-testid={`${testId}-${m.materialId}`}>
                <MaterialOption m={m} />
              </Checkbox>
            </div>
          ))}
        </div>
      </Checkbox.Group>
    </Form.Item>
  );
}

export function Reason({ name, label, required = true, placeholder }: { name: string; label: string; required?: boolean; placeholder?: string }) {
  const t = useT();
  return (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, whitespace: true, message: t('请填写{label}', { label }) }] : []}>
      <Input.TextArea rows={3} maxLength={2000} showCount placeholder={placeholder} data-testid={`action-field-${name}`} />
    </Form.Item>
  );
}

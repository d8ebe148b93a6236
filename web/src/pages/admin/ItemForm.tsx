/** The edit form for every GuideData field of a service item; each section lives in its own file. */
import { Form } from 'antd';
import type { FormInstance } from 'antd';
import type { ItemFormValues } from './itemFormValues';
import { ItemFormBasics } from './ItemFormBasics';
import { ItemFormMaterials } from './ItemFormMaterials';
import { ItemFormProcedure } from './ItemFormProcedure';
import { ItemFormService } from './ItemFormService';

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
      <ItemFormBasics isNew={isNew} lockDepartment={lockDepartment} deptOptions={deptOptions} themes={themes} typeOptions={typeOptions} />
      <ItemFormMaterials readOnly={readOnly} />
      <ItemFormProcedure readOnly={readOnly} deptOptions={deptOptions} />
      <ItemFormService readOnly={readOnly} />
    </Form>
  );
}

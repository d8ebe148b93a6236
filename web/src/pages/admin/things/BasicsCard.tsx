/** 基本信息: name, life event, served party, lead department, summary, policy basis, contact. */
import { Card, Input, Radio, Select } from 'antd';
import { LIFE_EVENTS, LIFE_EVENT_LABELS, lifeEventParty } from '../../../../../src/things/types';
import { Data, useT } from '../../../lib/i18n';
import { Field } from './Field';
import { useFieldStatus } from './Problems';
import type { ThingData } from './model';

interface Props {
  data: ThingData;
  onChange: (patch: Partial<ThingData>) => void;
  departments: { id: string; name: string }[];
  /** Only for a new thing: its portal address. */
  code?: { value: string; onChange: (v: string) => void };
  lockLead: boolean;
  readOnly: boolean;
}

export function BasicsCard({ data, onChange, departments, code, lockLead, readOnly }: Props) {
  const t = useT();
  const status = useFieldStatus();
  return (
    <Card size="small" title={t('基本信息')} className="bs-thing-card" data-testid="thing-basics">
      <div className="bs-thing-grid">
        {code && (
          <Field label={t('编码（门户地址）')} id="thing-code" at="code">
            <Input id="thing-code" value={code.value} onChange={(e) => code.onChange(e.target.value.trim())} placeholder="retirement" status={status('code')} disabled={readOnly} data-testid="thing-code" />
          </Field>
        )}
        <Field label={t('名称')} id="thing-name" at="name">
          <Input id="thing-name" value={data.name} onChange={(e) => onChange({ name: e.target.value })} placeholder={t('如：退休一件事')} status={status('name')} disabled={readOnly} data-testid="thing-name" />
        </Field>
        <Field label={t('人生事件')} id="thing-lifeEvent" at="lifeEvent">
          <Select
            id="thing-lifeEvent"
            value={data.lifeEvent}
            onChange={(v) => onChange({ lifeEvent: v, servedParty: lifeEventParty(v) })}
            options={LIFE_EVENTS.map((e) => ({ value: e, label: `${lifeEventParty(e) === 'person' ? t('个人') : t('企业')} · ${t(LIFE_EVENT_LABELS[e])}` }))}
            disabled={readOnly}
            data-testid="thing-lifeEvent"
          />
        </Field>
        <Field label={t('服务对象')} at="servedParty">
          <Radio.Group value={data.servedParty} onChange={(e) => onChange({ servedParty: e.target.value })} disabled={readOnly} data-testid="thing-servedParty">
            <Radio value="person">{t('自然人')}</Radio>
            <Radio value="organization">{t('法人')}</Radio>
          </Radio.Group>
        </Field>
        <Field label={t('牵头部门')} id="thing-lead" at="leadDepartmentId">
          <Select
            id="thing-lead"
            showSearch={{ optionFilterProp: 'title' }}
            value={data.leadDepartmentId || undefined}
            onChange={(v) => onChange({ leadDepartmentId: v })}
            options={departments.map((d) => ({ value: d.id, title: d.name, label: <Data>{d.name}</Data> }))}
            placeholder={t('选择部门')}
            status={status('leadDepartmentId')}
            disabled={readOnly || lockLead}
            data-testid="thing-lead"
          />
        </Field>
        <Field label={t('简介')} id="thing-summary" at="summary" wide>
          <Input.TextArea translate="no" id="thing-summary" rows={3} value={data.summary} onChange={(e) => onChange({ summary: e.target.value })} status={status('summary')} disabled={readOnly} data-testid="thing-summary" />
        </Field>
        <Field label={t('政策依据')} id="thing-basis" at="basis" wide>
          <Input.TextArea translate="no" id="thing-basis" rows={2} value={data.basis} onChange={(e) => onChange({ basis: e.target.value })} status={status('basis')} disabled={readOnly} data-testid="thing-basis" />
        </Field>
        <Field label={t('咨询地址')} id="thing-address" at="contact.address">
          <Input id="thing-address" value={data.contact.address} onChange={(e) => onChange({ contact: { ...data.contact, address: e.target.value } })} disabled={readOnly} data-testid="thing-contact-address" />
        </Field>
        <Field label={t('办公时间')} id="thing-hours" at="contact.hours">
          <Input id="thing-hours" value={data.contact.hours} onChange={(e) => onChange({ contact: { ...data.contact, hours: e.target.value } })} disabled={readOnly} data-testid="thing-contact-hours" />
        </Field>
        <Field label={t('咨询电话')} id="thing-phone" at="contact.phone">
          <Input id="thing-phone" value={data.contact.phone} onChange={(e) => onChange({ contact: { ...data.contact, phone: e.target.value } })} status={status('contact.phone')} disabled={readOnly} data-testid="thing-contact-phone" />
        </Field>
      </div>
    </Card>
  );
}

/**
 * 所含事项: each item of the thing — which published item, when the answers choose it, which
 * items it waits for, its part of the one form, and which of its materials are shared ones.
 */
import type { ReactNode } from 'react';
import { Button, Checkbox, Input, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { FIELD_KINDS, type Clause, type FieldKind } from '../../../../../src/things/types';
import { Data, tr, useT } from '../../../lib/i18n';
import { formatLimit } from '../../../lib/labels';
import { Field } from './Field';
import { ListCard } from './ListCard';
import { Problems, useFieldStatus } from './Problems';
import { emptyField, emptyItem, type FormField, type OptionItem, type Question, type SharedMaterial, type ThingItem } from './model';

const KIND_LABELS: Record<FieldKind, () => string> = {
  text: () => tr('文本'), date: () => tr('日期'), idNumber: () => tr('身份证号'), phone: () => tr('电话号码'), number: () => tr('数字'), choice: () => tr('选择'), address: () => tr('地址'),
};

interface Props {
  items: ThingItem[];
  onChange: (items: ThingItem[]) => void;
  options: Map<string, OptionItem>;
  questions: Question[];
  shared: SharedMaterial[];
  readOnly: boolean;
}

export function ItemsCard({ items, onChange, options, questions, shared, readOnly }: Props) {
  const t = useT();
  const set = (i: number, patch: Partial<ThingItem>) => onChange(items.map((it, j) => (j === i ? { ...it, ...patch } : it)));
  const remove = (i: number) => {
    const code = items[i]!.itemCode;
    // Nothing may keep waiting for an item that left the thing.
    onChange(items.filter((_, j) => j !== i).map((it) => ({ ...it, after: it.after.filter((a) => a !== code) })));
  };
  return (
    <ListCard title={t('所含事项')} testId="thing-items" addLabel={t('添加事项')} addTestId="item-add" onAdd={() => onChange([...items, emptyItem()])}
      empty={items.length === 0 ? t('至少包含两个不同部门的事项') : null} readOnly={readOnly}>
      <Problems at="items" />
      {items.map((it, i) => (
        <ItemRow key={i} it={it} i={i} all={items} set={(p) => set(i, p)} remove={() => remove(i)} options={options} questions={questions} shared={shared} readOnly={readOnly} />
      ))}
    </ListCard>
  );
}

interface RowProps { it: ThingItem; i: number; all: ThingItem[]; set: (p: Partial<ThingItem>) => void; remove: () => void; options: Map<string, OptionItem>; questions: Question[]; shared: SharedMaterial[]; readOnly: boolean }

function ItemRow({ it, i, all, set, remove, options, questions, shared, readOnly }: RowProps) {
  const t = useT();
  const status = useFieldStatus();
  const at = `items.${i}`;
  const member = options.get(it.itemCode);
  const nameOf = (code: string) => options.get(code)?.name ?? code;
  const taken = new Set(all.map((x) => x.itemCode));
  return (
    <div className="bs-thing-row bs-thing-item" data-testid={`item-${i}`}>
      <div className="bs-thing-item-head">
        <Typography.Text strong>{t('事项{n}', { n: i + 1 })}</Typography.Text>
        {member && <Tag color="blue"><Data>{member.department.name}</Data></Tag>}
        {member && <Tag>{t('承诺时限 {limit}', { limit: formatLimit(member.promisedLimit) })}</Tag>}
        {!readOnly && <Button size="small" danger type="text" icon={<DeleteOutlined />} onClick={remove} data-testid={`item-${i}-remove`}>{t('移除事项')}</Button>}
      </div>
      <div className="bs-thing-grid">
        <Field label={t('事项（本中心已发布）')} id={`${at}.itemCode`} at={`${at}.itemCode`} wide>
          <Select
            id={`${at}.itemCode`}
            showSearch={{ optionFilterProp: 'title' }}
            virtual={false}
            value={it.itemCode || undefined}
            placeholder={t('搜索事项名称或部门')}
            onChange={(code: string) => set({ itemCode: code, shares: [] })}
            options={[...options.values()].map((o) => ({
              value: o.code, disabled: taken.has(o.code) && o.code !== it.itemCode, title: `${o.name} ${o.department.name} ${o.code}`,
              label: <Data>{`${o.name}（${o.department.name}）`}</Data>,
            }))}
            status={status(`${at}.itemCode`)}
            disabled={readOnly}
            data-testid={`item-${i}-code`}
          />
        </Field>
        <Field label={t('何时办理')} at={`${at}.when`} wide>
          <Conditions when={it.when ?? []} at={at} i={i} questions={questions} onChange={(when) => set({ when })} readOnly={readOnly} />
        </Field>
        <Field label={t('等待以下事项办结后再办理')} id={`${at}.after`} at={[`${at}.after`, ...it.after.map((_, j) => `${at}.after.${j}`)]} wide>
          <Select
            id={`${at}.after`}
            mode="multiple"
            value={it.after}
            onChange={(after: string[]) => set({ after })}
            placeholder={t('无：受理后即开始办理')}
            options={all.filter((x) => x.itemCode && x.itemCode !== it.itemCode).map((x) => ({ value: x.itemCode, label: <Data>{nameOf(x.itemCode)}</Data>, title: nameOf(x.itemCode) }))}
            status={status(`${at}.after`, ...it.after.map((_, j) => `${at}.after.${j}`))}
            disabled={readOnly}
            data-testid={`item-${i}-after`}
          />
        </Field>
      </div>
      <FieldsEditor fields={it.fields} at={at} i={i} onChange={(fields) => set({ fields })} readOnly={readOnly} />
      <SharesEditor it={it} at={at} i={i} member={member} shared={shared} onChange={(shares) => set({ shares })} readOnly={readOnly} />
    </div>
  );
}

function Conditions({ when, at, i, questions, onChange, readOnly }: { when: Clause[]; at: string; i: number; questions: Question[]; onChange: (w: Clause[]) => void; readOnly: boolean }) {
  const t = useT();
  const status = useFieldStatus();
  const optionsOf = (key: string): { value: string; label: ReactNode }[] => {
    const q = questions.find((x) => x.key === key);
    if (!q) return [];
    return q.kind === 'yesNo' ? [{ value: 'yes', label: t('是') }, { value: 'no', label: t('否') }] : (q.options ?? []).filter((o) => o.value).map((o) => ({ value: o.value, label: <Data>{o.label || o.value}</Data> }));
  };
  const set = (j: number, patch: Partial<Clause>) => onChange(when.map((c, k) => (k === j ? { ...c, ...patch } : c)));
  return (
    <div>
      {when.length === 0 && <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>{t('始终办理')}</Typography.Text>}
      {when.map((c, j) => (
        <div key={j} className="bs-thing-inline" data-testid={`item-${i}-when-${j}`}>
          <Select
            aria-label={t('问题内容')}
            value={c.question || undefined}
            placeholder={t('选择问题')}
            onChange={(question: string) => set(j, { question, in: [] })}
            options={questions.filter((q) => q.key).map((q) => ({ value: q.key, label: <Data>{q.text || q.key}</Data>, title: q.text }))}
            status={status(`${at}.when.${j}.question`)}
            disabled={readOnly}
            style={{ minWidth: 200, flex: 2 }}
            data-testid={`item-${i}-when-${j}-question`}
          />
          <Select
            aria-label={t('回答为')}
            mode="multiple"
            value={c.in}
            placeholder={t('回答为')}
            onChange={(v: string[]) => set(j, { in: v })}
            options={optionsOf(c.question)}
            status={status(`${at}.when.${j}.in`)}
            disabled={readOnly}
            style={{ minWidth: 140, flex: 1 }}
            data-testid={`item-${i}-when-${j}-in`}
          />
          {!readOnly && <Button aria-label={t('删除条件')} icon={<DeleteOutlined />} onClick={() => onChange(when.filter((_, k) => k !== j))} />}
          <Problems at={[`${at}.when.${j}.question`, `${at}.when.${j}.in`]} />
        </div>
      ))}
      {!readOnly && questions.length > 0 && (
        <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => onChange([...when, { question: '', in: [] }])} data-testid={`item-${i}-when-add`}>{t('添加条件')}</Button>
      )}
    </div>
  );
}

function FieldsEditor({ fields, at, i, onChange, readOnly }: { fields: FormField[]; at: string; i: number; onChange: (f: FormField[]) => void; readOnly: boolean }) {
  const t = useT();
  const status = useFieldStatus();
  const set = (j: number, patch: Partial<FormField>) => onChange(fields.map((f, k) => (k === j ? { ...f, ...patch } : f)));
  return (
    <div className="bs-thing-sub">
      <Typography.Text strong>{t('表单字段（同一标识在各事项中只填一次）')}</Typography.Text>
      {fields.length > 0 && (
        <div className="bs-thing-inline bs-thing-fieldhead" aria-hidden>
          <span style={{ width: 130 }}>{t('字段标识')}</span>
          <span style={{ width: 160 }}>{t('字段名称')}</span>
          <span style={{ width: 120 }}>{t('字段类型')}</span>
          <span style={{ width: 120 }}>{t('分组')}</span>
        </div>
      )}
      {fields.map((f, j) => {
        const p = `${at}.fields.${j}`;
        return (
          <div key={j} className="bs-thing-inline bs-thing-fieldrow" data-testid={`item-${i}-field-${j}`}>
            <Input aria-label={t('字段标识')} value={f.key} placeholder={t('标识，如 name')} onChange={(e) => set(j, { key: e.target.value.trim() })} status={status(`${p}.key`)} disabled={readOnly} style={{ width: 130 }} data-testid={`item-${i}-field-${j}-key`} />
            <Input aria-label={t('字段名称')} value={f.label} placeholder={t('名称，如 姓名')} onChange={(e) => set(j, { label: e.target.value })} status={status(`${p}.label`)} disabled={readOnly} style={{ width: 160 }} data-testid={`item-${i}-field-${j}-label`} />
            <Select aria-label={t('字段类型')} value={f.kind} onChange={(kind: FieldKind) => set(j, { kind })} options={FIELD_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k]() }))} status={status(`${p}.kind`)} disabled={readOnly} style={{ width: 120 }} data-testid={`item-${i}-field-${j}-kind`} />
            <Input aria-label={t('分组')} value={f.group ?? ''} placeholder={t('分组，如 申请人')} onChange={(e) => set(j, { group: e.target.value })} disabled={readOnly} style={{ width: 120 }} data-testid={`item-${i}-field-${j}-group`} />
            <Checkbox checked={f.required} onChange={(e) => set(j, { required: e.target.checked })} disabled={readOnly} data-testid={`item-${i}-field-${j}-required`}>{t('必填')}</Checkbox>
            {f.kind === 'choice' && (
              <Select className="bs-thing-options" aria-label={t('选项')} mode="tags" value={f.options ?? []} onChange={(options: string[]) => set(j, { options })} placeholder={t('输入选项后回车')} status={status(`${p}.options`)} disabled={readOnly} style={{ minWidth: 180, flex: 1 }} data-testid={`item-${i}-field-${j}-options`} />
            )}
            {!readOnly && <Button aria-label={t('删除字段')} icon={<DeleteOutlined />} onClick={() => onChange(fields.filter((_, k) => k !== j))} />}
            <Problems at={[`${p}.key`, `${p}.label`, `${p}.kind`, `${p}.options`]} />
          </div>
        );
      })}
      {!readOnly && <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => onChange([...fields, emptyField()])} data-testid={`item-${i}-field-add`}>{t('添加字段')}</Button>}
    </div>
  );
}

function SharesEditor({ it, at, i, member, shared, onChange, readOnly }: { it: ThingItem; at: string; i: number; member?: OptionItem; shared: SharedMaterial[]; onChange: (s: ThingItem['shares']) => void; readOnly: boolean }) {
  const t = useT();
  const status = useFieldStatus();
  const set = (j: number, patch: Partial<ThingItem['shares'][number]>) => onChange(it.shares.map((s, k) => (k === j ? { ...s, ...patch } : s)));
  return (
    <div className="bs-thing-sub">
      <Typography.Text strong>{t('共享材料对应（本事项的材料 → 一件事的共享材料）')}</Typography.Text>
      {it.shares.map((s, j) => {
        const p = `${at}.shares.${j}`;
        return (
          <div key={j} className="bs-thing-inline" data-testid={`item-${i}-share-${j}`}>
            <Select
              aria-label={t('本事项的材料')}
              value={s.materialId || undefined}
              placeholder={t('本事项的材料')}
              onChange={(materialId: string) => set(j, { materialId })}
              options={(member?.materials ?? []).map((m) => ({ value: m.id, label: <Data>{m.name}</Data>, title: m.name }))}
              status={status(`${p}.materialId`)}
              disabled={readOnly}
              style={{ minWidth: 200, flex: 1 }}
              data-testid={`item-${i}-share-${j}-material`}
            />
            <span aria-hidden>→</span>
            <Select
              aria-label={t('共享材料')}
              value={s.key || undefined}
              placeholder={t('共享材料')}
              onChange={(key: string) => set(j, { key })}
              options={shared.filter((x) => x.key).map((x) => ({ value: x.key, label: <Data>{x.name || x.key}</Data>, title: x.name }))}
              status={status(`${p}.key`)}
              disabled={readOnly}
              style={{ minWidth: 200, flex: 1 }}
              data-testid={`item-${i}-share-${j}-key`}
            />
            {!readOnly && <Button aria-label={t('删除对应')} icon={<DeleteOutlined />} onClick={() => onChange(it.shares.filter((_, k) => k !== j))} />}
            <Problems at={[`${p}.materialId`, `${p}.key`]} />
          </div>
        );
      })}
      {!readOnly && (
        <Space>
          <Button size="small" type="dashed" icon={<PlusOutlined />} disabled={!member} onClick={() => onChange([...it.shares, { materialId: '', key: '' }])} data-testid={`item-${i}-share-add`}>{t('添加对应')}</Button>
        </Space>
      )}
    </div>
  );
}

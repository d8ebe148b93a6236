/** 共享材料: a material several items require, handed in once — or not at all where data sharing or an item of the thing provides it. */
import { Button, Input, Select } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { Data, useT } from '../../../lib/i18n';
import { Field } from './Field';
import { ListCard } from './ListCard';
import { Problems, useFieldStatus } from './Problems';
import { emptyShared, type SharedMaterial, type ThingItem } from './model';

interface Props { shared: SharedMaterial[]; onChange: (s: SharedMaterial[]) => void; items: ThingItem[]; nameOf: (code: string) => string; readOnly: boolean }

export function SharedCard({ shared, onChange, items, nameOf, readOnly }: Props) {
  const t = useT();
  const status = useFieldStatus();
  const set = (i: number, patch: Partial<SharedMaterial>) => onChange(shared.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <ListCard title={t('共享材料（一套材料）')} testId="thing-shared" addLabel={t('添加共享材料')} addTestId="shared-add" onAdd={() => onChange([...shared, emptyShared()])}
      empty={shared.length === 0 ? t('暂无共享材料') : null} readOnly={readOnly}>
      {shared.map((s, i) => {
        const at = `sharedMaterials.${i}`;
        return (
          <div key={i} className="bs-thing-row" data-testid={`shared-${i}`}>
            <Problems at={at} />
            <div className="bs-thing-grid">
              <Field label={t('标识')} id={`${at}.key`} at={`${at}.key`}>
                <Input id={`${at}.key`} value={s.key} onChange={(e) => set(i, { key: e.target.value.trim() })} placeholder="retiree-id" status={status(`${at}.key`)} disabled={readOnly} data-testid={`shared-${i}-key`} />
              </Field>
              <Field label={t('材料名称')} id={`${at}.name`} at={`${at}.name`}>
                <Input id={`${at}.name`} value={s.name} onChange={(e) => set(i, { name: e.target.value })} status={status(`${at}.name`)} disabled={readOnly} data-testid={`shared-${i}-name`} />
              </Field>
              <Field label={t('数据共享来源（填写后申请人无需提交）')} id={`${at}.sharingSource`} at={`${at}.sharingSource`}>
                <Input id={`${at}.sharingSource`} value={s.sharingSource ?? ''} onChange={(e) => set(i, { sharingSource: e.target.value })} placeholder={t('如：县公安局（人口信息共享）')} disabled={readOnly} data-testid={`shared-${i}-source`} />
              </Field>
              <Field label={t('由本件事中的事项出具')} id={`${at}.producedBy`} at={`${at}.producedBy`}>
                <Select
                  id={`${at}.producedBy`}
                  allowClear
                  value={s.producedBy || undefined}
                  placeholder={t('无')}
                  onChange={(v?: string) => set(i, { producedBy: v ?? '' })}
                  options={items.filter((x) => x.itemCode).map((x) => ({ value: x.itemCode, label: <Data>{nameOf(x.itemCode)}</Data>, title: nameOf(x.itemCode) }))}
                  status={status(`${at}.producedBy`)}
                  disabled={readOnly}
                  data-testid={`shared-${i}-producedBy`}
                />
              </Field>
              <Field label={t('说明（可选）')} id={`${at}.note`} at={`${at}.note`} wide>
                <Input id={`${at}.note`} value={s.note ?? ''} onChange={(e) => set(i, { note: e.target.value })} disabled={readOnly} data-testid={`shared-${i}-note`} />
              </Field>
            </div>
            {!readOnly && <Button size="small" danger type="text" icon={<DeleteOutlined />} onClick={() => onChange(shared.filter((_, j) => j !== i))} data-testid={`shared-${i}-remove`}>{t('删除共享材料')}</Button>}
          </div>
        );
      })}
    </ListCard>
  );
}

/**
 * 一套材料: the chosen items' materials, each shared one handed in once (one upload serves
 * every item that uses it); what comes by data sharing or from an earlier item of the thing
 * is shown as 免提交 with the reason.
 */
import { Space, Tag, Typography } from 'antd';
import type { UploadedFile } from '../../api/cases';
import { MaterialUpload } from '../../components/MaterialUpload';
import { REQUIRED_LABELS } from '../../lib/labels';
import { fillNodes, useT } from '../../lib/i18n';
import type { PlanItem, PlanMaterial } from './api';

export { missingMaterials } from './materialRules';

export function MaterialList({ materials, items, files, onFile }: {
  materials: PlanMaterial[];
  items: PlanItem[];
  files: Record<string, UploadedFile | null | undefined>;
  onFile: (key: string, f: UploadedFile | null) => void;
}) {
  const t = useT();
  const nameOf = (code: string) => items.find((i) => i.code === code)?.name ?? code;
  return (
    <ul className="bs-material-list" data-testid="bundle-materials">
      {materials.map((m) => {
        const users = [...new Set(m.usedBy.map((u) => u.itemCode))];
        return (
          <li key={m.key} className="bs-material" data-testid={`bundle-material-${m.key}`} data-hand-in={m.handIn}>
            <div className="bs-material-name">
              <Typography.Text strong translate="no">{m.name}</Typography.Text>
              {m.copies > 1 && <Typography.Text type="secondary"> · {t('{n}份', { n: m.copies })}</Typography.Text>}
            </div>
            <Space size={[6, 4]} wrap className="bs-material-flags">
              {m.handIn === 'applicant' && <Tag color={m.required === 'required' ? 'red' : m.required === 'conditional' ? 'orange' : 'default'}>{REQUIRED_LABELS[m.required]}</Tag>}
              {users.length > 1 && <Tag color="blue" data-testid={`bundle-material-shared-${m.key}`}>{t('{n}个事项共用，只交一次', { n: users.length })}</Tag>}
              {m.condition && <Typography.Text type="secondary" translate="no">（{m.condition}）</Typography.Text>}
            </Space>
            <div className="bs-material-uses">
              {fillNodes(t('用于：{items}'), { items: <span translate="no">{users.map(nameOf).join(t('、'))}</span> })}
            </div>
            {m.handIn === 'applicant' ? (
              <MaterialUpload testId={`bundle-upload-${m.key}`} value={files[m.key]} onChange={(f) => onFile(m.key, f)} />
            ) : (
              <div data-testid={`bundle-exempt-${m.key}`}>
                <Tag color="green">{t('免提交')}</Tag>
                <Typography.Text type="secondary">
                  {m.handIn === 'sharing'
                    ? fillNodes(t('由{source}通过数据共享提供'), { source: <span translate="no">{m.sourceAgency ?? t('有关部门')}</span> })
                    : fillNodes(t('“{item}”办结后直接流转，无需提交'), { item: <span translate="no">{nameOf(m.producedBy ?? '')}</span> })}
                </Typography.Text>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

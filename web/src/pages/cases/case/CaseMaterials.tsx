/** 申请材料: each material of the case with its flags, where it stands and its file. */
import type { HTMLAttributes } from 'react';
import { Card, Tag, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { ResponsiveTable } from '../../../components/ResponsiveTable';
import { fileUrl, type CaseMaterial, type CaseView } from '../../../api/cases';
import { MaterialFlags } from '../../../components/CaseTags';
import { useT, tr } from '../../../lib/i18n';

type MaterialStatus = 'provided' | 'checked' | 'owed' | 'missing' | 'shared' | 'none';
const MATERIAL_STATUS: Record<MaterialStatus, { label: string; color: string }> = {
  provided: { get label() { return tr('已提供'); }, color: 'success' },
  checked: { get label() { return tr('窗口已核收'); }, color: 'processing' },
  owed: { get label() { return tr('容缺待补'); }, color: 'gold' },
  missing: { get label() { return tr('缺少'); }, color: 'error' },
  shared: { get label() { return tr('部门共享'); }, color: 'green' },
  none: { get label() { return tr('未提供'); }, color: 'default' },
};

/** `ticked`: the window's intake checklist, shown until acceptance records it. */
function materialStatus(m: CaseMaterial, ticked: readonly string[]): MaterialStatus {
  if (m.owed) return 'owed';
  if (m.provided) return 'provided';
  if (ticked.includes(m.materialId)) return 'checked';
  if (m.source === 'sharing') return 'shared';
  return m.required === 'required' ? 'missing' : 'none';
}

export function CaseMaterials({ c, pendingTicks }: { c: CaseView; pendingTicks: readonly string[] }) {
  const t = useT();
  return (
    <Card title={t('申请材料')} size="small" className="bs-section" data-testid="case-materials">
      <ResponsiveTable<CaseMaterial>
        rowKey="materialId"
        size="small"
        pagination={false}
        dataSource={c.materials}
        onRow={(m) => ({ 'data-testid': `material-row-${m.materialId}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('材料名称'),
            dataIndex: 'name',
            render: (v: string, m) => (
              <div translate="no">
                {v}
                {m.condition && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    （{m.condition}）
                  </Typography.Text>
                )}
              </div>
            ),
          },
          { title: t('要求'), key: 'flags', width: 150, render: (_: unknown, m) => <MaterialFlags required={m.required} major={m.major} /> },
          {
            title: t('状态'),
            key: 'status',
            width: 110,
            render: (_: unknown, m) => {
              const s = materialStatus(m, pendingTicks);
              return (
                <Tag color={MATERIAL_STATUS[s].color} data-testid={`material-status-${m.materialId}`} data-status={s}>
                  {MATERIAL_STATUS[s].label}
                </Tag>
              );
            },
          },
          {
            title: t('文件'),
            key: 'file',
            width: 110,
            render: (_: unknown, m) =>
              m.fileId ? (
                <a href={fileUrl(m.fileId)} target="_blank" rel="noreferrer" data-testid={`material-file-${m.materialId}`}>
                  <FilePdfOutlined />{' '}{t('查看')}
                </a>
              ) : (
                <Typography.Text type="secondary">{m.provided ? t('纸质') : '—'}</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}


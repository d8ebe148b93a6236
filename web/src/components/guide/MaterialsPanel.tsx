/** What to bring: 申请材料, one row per material (cards on phones). */
import type { HTMLAttributes } from 'react';
import { Alert, Empty, Space, Tag, Tooltip, Typography } from 'antd';
import { ShareAltOutlined } from '@ant-design/icons';
import type { Material } from '../../../../src/catalog/types';
import { MATERIAL_FORM_LABELS, MATERIAL_SOURCE_LABELS, REQUIRED_LABELS } from '../../lib/labels';
import { fillNodes, useT } from '../../lib/i18n';
import { ResponsiveTable } from '../ResponsiveTable';
import { SampleLink, Section } from './parts';

export function MaterialsPanel({ materials }: { materials: Material[] }) {
  const t = useT();
  return (
    <Section title={t('申请材料（{length}）', { length: materials.length })} id="materials">
      <MaterialsTable materials={materials} />
    </Section>
  );
}

export function MaterialsTable({ materials }: { materials: Material[] }) {
  const t = useT();
  if (!materials.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('无需提交申请材料')} />;
  return (
    <>
      <ResponsiveTable<Material>
        size="small"
        rowKey={(m) => m.id || m.name}
        pagination={false}
        dataSource={materials}
        scroll={{ x: 860 }}
        data-testid="guide-materials"
        onRow={(m) => ({ 'data-testid': `guide-material-${m.id || m.name}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('序号'), key: 'idx', width: 56, responsive: ['md'], render: (_v, _m, i) => i + 1 },
          {
            title: t('材料名称'),
            dataIndex: 'name',
            render: (name: string, m) => (
              <div translate="no">
                <span>{name}</span>
                {m.note && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m.note}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          {
            title: t('必要性'),
            dataIndex: 'required',
            width: 150,
            render: (r: Material['required'], m) => (
              <div>
                <Tag color={r === 'required' ? 'red' : r === 'optional' ? 'default' : 'orange'}>{REQUIRED_LABELS[r] ?? r}</Tag>
                {r === 'conditional' && m.condition && (
                  <div translate="no">
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m.condition}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          {
            title: t('主件/副件'),
            dataIndex: 'major',
            width: 90,
            render: (major: boolean) => (major ? t('主件') : <Tooltip title={t('容缺受理时可后补')}>{t('副件')}</Tooltip>),
          },
          { title: t('份数'), dataIndex: 'copies', width: 60 },
          { title: t('形式'), dataIndex: 'form', width: 100, render: (f: Material['form']) => MATERIAL_FORM_LABELS[f] ?? f },
          {
            title: t('来源'),
            dataIndex: 'source',
            width: 170,
            render: (s: Material['source'], m) =>
              s === 'sharing' ? (
                <Space orientation="vertical" size={0}>
                  <Tag color="green" icon={<ShareAltOutlined />}>
                    {t('部门共享 · 无需提交')}
                  </Tag>
                  {m.sourceAgency && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} translate="no">
                      {m.sourceAgency}
                    </Typography.Text>
                  )}
                </Space>
              ) : (
                <span>
                  {MATERIAL_SOURCE_LABELS[s] ?? s}
                  {m.sourceAgency ? fillNodes(t('（{sourceAgency}出具）'), { sourceAgency: <span translate="no">{m.sourceAgency}</span> }) : ''}
                </span>
              ),
          },
          { title: t('样表'), dataIndex: 'sample', width: 90, render: (s: string | undefined) => <SampleLink sample={s} /> },
        ]}
      />
      {materials.some((m) => m.source === 'sharing') && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          title={t('标注“部门共享”的材料由窗口通过数据共享获取，申请人无需提交。')}
        />
      )}
    </>
  );
}

/** What the item is, who handles it and how long it takes: 基本信息 and 办理时限. */
import { Descriptions, Space, Tag, Typography } from 'antd';
import { caseKindLabel, ENTRY_MODE_LABELS, formatLimit, formatVisits, ITEM_LEVEL_LABELS, ONLINE_DEPTH_LABELS, SERVED_PARTY_LABELS, typeLabel } from '../../lib/labels';
import { useT } from '../../lib/i18n';
import { dash, Facts, Section, type GuideExtras, type GuideViewData } from './parts';

export function AboutPanel({ data, extras, depName }: { data: GuideViewData; extras: GuideExtras; depName: string }) {
  const t = useT();
  return (
    <>
    <Section title={t('基本信息')} id="basic">
      <Facts
        items={[
          { key: 'code', label: t('事项编码'), children: <span data-testid="guide-code">{dash(extras.code)}</span> },
          { key: 'type', label: t('事项类型'), children: <span data-testid="guide-type">{typeLabel(data.type)}</span> },
          { key: 'name', label: t('事项名称'), children: <span translate="no">{data.name}</span>, span: 2 },
          { key: 'theme', label: t('主题分类'), children: <span translate="no">{dash(data.theme)}</span> },
          { key: 'served', label: t('服务对象'), children: SERVED_PARTY_LABELS[data.servedParty] ?? data.servedParty },
          { key: 'dept', label: t('实施部门'), children: <span data-testid="guide-department" translate="no">{dash(depName)}</span> },
          { key: 'kind', label: t('办件类型'), children: <Tag color="blue">{caseKindLabel(data.caseKind)}</Tag> },
          {
            key: 'entry',
            label: t('进驻方式'),
            children: (
              <span>
                {ENTRY_MODE_LABELS[data.entryMode] ?? data.entryMode}
                {data.entryMode === 'notEntered' && data.notEnteredReason ? <span translate="no">（{data.notEnteredReason}）</span> : ''}
              </span>
            ),
          },
          {
            key: 'windows',
            label: t('受理窗口'),
            children: data.windowNames?.length ? (
              <Space wrap size={4}>
                {data.windowNames.map((w) => (
                  <Tag key={w} translate="no">{w}</Tag>
                ))}
              </Space>
            ) : (
              '—'
            ),
          },
          { key: 'resp', label: t('审批责任人'), children: <span translate="no">{dash(data.responsiblePerson)}</span> },
          ...(extras.version ? [{ key: 'version', label: t('指南版本'), children: `v${extras.version}` }] : []),
          ...(data.keyProject ? [{ key: 'key', label: t('重点项目'), children: <Tag color="gold">{t('重点项目')}</Tag> }] : []),
          ...(data.level ? [{ key: 'level', label: t('层级'), children: ITEM_LEVEL_LABELS[data.level] }] : []),
          ...(data.aliases?.length ? [{ key: 'aliases', label: t('也称'), children: <span data-testid="guide-aliases" translate="no">{data.aliases.join('、')}</span> }] : []),
        ]}
      />
    </Section>

    <Section title={t('办理时限')} id="limits">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, md: 4 }}
        items={[
          { key: 'stat', label: t('法定时限'), children: <span data-testid="guide-statutory">{formatLimit(data.statutoryLimit)}</span> },
          {
            key: 'prom',
            label: t('承诺时限'),
            children: (
              <Typography.Text strong style={{ color: '#cf1322' }} data-testid="guide-promised">
                {formatLimit(data.promisedLimit)}
              </Typography.Text>
            ),
          },
          { key: 'visits', label: t('到现场次数'), children: <span data-testid="guide-visits">{formatVisits(data.maxVisits)}</span> },
          { key: 'depth', label: t('网办深度'), children: ONLINE_DEPTH_LABELS[data.onlineDepth] ?? dash(data.onlineDepth) },
        ]}
      />
    </Section>
    </>
  );
}
